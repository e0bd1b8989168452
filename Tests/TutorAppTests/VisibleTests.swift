import Testing
import TextScreen

/// The one sanitiser: what would act on a terminal is written out, everything else is kept.
@Suite struct VisibleTests {
    static let cases: [(text: String, visible: String)] = [
        ("plain ∂L/∂w = −1.90 · x₁ ⎡η⎤ 🙂 é", "plain ∂L/∂w = −1.90 · x₁ ⎡η⎤ 🙂 é"),
        ("\u{1b}]52;c;aGk=\u{07}", "^[]52;c;aGk=^G"),
        ("\u{1b}[2J", "^[[2J"),
        ("a\u{00}b\tc\nd\re\u{7f}", "a^@b^Ic^Jd^Me^?"),
        ("\r\n", "^M^J"),
        ("\u{9b}31m \u{85} \u{80}", "\\u{9b}31m \\u{85} \\u{80}"),
        ("\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}", "\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{202e}\\u{2066}\\u{2067}\\u{2068}\\u{2069}"),
        ("\u{1b}\u{301}x", "^[\u{301}x"),
    ]

    @Test(arguments: cases.indices)
    func whatWouldActOnTheTerminalIsWrittenOut(index: Int) {
        let (text, visible) = Self.cases[index]
        #expect(text.visible == visible)
        #expect(text.visible.visible == visible)
        #expect(!visible.unicodeScalars.contains(where: \.actsOnTerminal) || text == visible)
    }

    @Test func theScreenShowsControlCharactersAsTextWhateverPutsThem() {
        var screen = Screen(width: 12, height: 1)
        let end = screen.put("a\u{1b}[2Jb", x: 0, y: 0)
        #expect(screen.lines == ["a^[[2Jb     "])
        #expect(end == 7)
    }
}
