extension String {
    /// The text as it may reach a terminal or a log: every character that would act on the
    /// terminal instead of showing is written out in its place, so that a title such as
    /// `Evil \e]52;c;…\a` can neither write the clipboard nor clear the screen, and a
    /// right-to-left override cannot reorder what follows it.
    ///
    /// - C0 controls and DEL in caret notation: ESC as `^[`, BEL as `^G`, NUL as `^@`, a line
    ///   feed as `^J` (split text into lines first), DEL as `^?`;
    /// - C1 controls (U+0080–U+009F) and the bidirectional embeddings, overrides and isolates
    ///   (U+202A–U+202E, U+2066–U+2069) as Swift escapes: `\u{9b}`, `\u{202e}`.
    ///
    /// Everything else is kept, so text with nothing to hide comes back unchanged, and making
    /// visible text visible again changes nothing.
    public var visible: String {
        guard unicodeScalars.contains(where: \.actsOnTerminal) else { return self }
        var shown = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F:
                shown.append("^")
                shown.append(Unicode.Scalar(UInt8((scalar.value + 0x40) & 0x7F)))
            case _ where scalar.actsOnTerminal:
                shown.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            default:
                shown.append(scalar)
            }
        }
        return String(shown)
    }
}

extension Unicode.Scalar {
    /// True for a character a terminal acts on instead of showing, or that reorders the text
    /// around it: a C0 or C1 control, DEL, or a bidirectional embedding, override or isolate.
    public var actsOnTerminal: Bool {
        switch value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
