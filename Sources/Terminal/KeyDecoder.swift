import TextScreen

/// Turns the characters the terminal sends into keys, one at a time, whatever `TERM` says.
///
/// Keys without a character of their own arrive as escape sequences: CSI (`ESC [`, parameters,
/// a final byte: `ESC [ 1 ~`, `ESC [ A`, `ESC [ 1 ; 5 H`) or SS3 (`ESC O`, a final byte:
/// `ESC O H`). The decoder reads a sequence whole, by its grammar, and looks it up in `finals` and
/// `numbered`: the common encodings of the arrows, Home, End, PgUp, PgDn, Shift-Tab and the keypad
/// (xterm, tmux and screen, rxvt, the Linux console). Every other sequence (Insert, Delete, F1–F12,
/// a key with Shift, Ctrl or Alt, Alt with a character, anything unknown) is one key the tutor
/// has no use for, never the keys its characters would otherwise be.
///
/// An Esc is only known to be the Esc key once nothing follows it for a short while; the reader
/// calls `timedOut()` then, and also when a sequence stops halfway.
struct KeyDecoder {
    /// What one character (or the end of a wait) means to the key reader.
    enum Decoded: Equatable {
        /// Report this key.
        case key(Key)
        /// Ctrl-Z: suspend to the shell, then keep reading.
        case suspend
        /// Ctrl-L: redraw the whole screen, then keep reading.
        case redraw
        /// A key the tutor has no use for (also a whole escape sequence): report nil.
        case unknown
    }

    /// How a sequence began.
    private enum Introducer {
        /// `ESC [` or the C1 character U+009B.
        case csi
        /// `ESC O` or the C1 character U+008F.
        case ss3
    }

    /// Where the decoder is in a sequence.
    private enum State {
        /// Between keys.
        case ground
        /// After an Esc.
        case escape
        /// In a sequence, its parameter and intermediate characters read so far.
        case sequence(Introducer, [UInt8])
        /// After `ESC [ [` (the Linux console's F1–F5): one more character ends it.
        case consoleFunctionKey
    }

    /// Parameters longer than this are not kept (no known key has them); the sequence is still
    /// read to its end and dropped.
    private static let longestParameters = 16

    private var state = State.ground

    /// True while a sequence has begun and not ended: the reader then waits only a short while
    /// for the next character, and calls `timedOut()` if none comes.
    var isInSequence: Bool {
        if case .ground = state { false } else { true }
    }

    /// Takes the next character (a Unicode scalar value); nil while the sequence it belongs to
    /// goes on.
    mutating func decode(_ code: UInt32) -> Decoded? {
        switch state {
        case .ground:
            return decodeAlone(code)
        case .escape:
            switch code {
            case 0x1B: return .key(.escape)  // Esc Esc: the first is the key, the second begins anew.
            case 0x5B: state = .sequence(.csi, [])
            case 0x4F: state = .sequence(.ss3, [])
            default:
                state = .ground
                return .unknown  // Alt with a key.
            }
            return nil
        case .sequence(let introducer, var body):
            switch code {
            case 0x20...0x3F:
                if body.count < Self.longestParameters { body.append(UInt8(code)) }
                state = .sequence(introducer, body)
                return nil
            case 0x5B where introducer == .csi && body.isEmpty:
                state = .consoleFunctionKey
                return nil
            case 0x40...0x7E:
                state = .ground
                return Self.lookUp(introducer, body, final: UInt8(code))
            default:
                // Not part of any sequence: drop what came so far; an Esc begins a new one.
                state = code == 0x1B ? .escape : .ground
                return .unknown
            }
        case .consoleFunctionKey:
            state = code == 0x1B ? .escape : .ground
            return .unknown
        }
    }

    /// No character came in time: a lone Esc is the Esc key, a sequence that stopped halfway is
    /// dropped; nil between keys.
    mutating func timedOut() -> Decoded? {
        defer { state = .ground }
        switch state {
        case .ground: return nil
        case .escape: return .key(.escape)
        case .sequence, .consoleFunctionKey: return .unknown
        }
    }

    /// A character outside any sequence; the terminal is in raw mode, so control characters
    /// arrive here too.
    private mutating func decodeAlone(_ code: UInt32) -> Decoded? {
        switch code {
        case 3: return .key(.interrupt)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 12: return .redraw
        case 26: return .suspend
        case 0x1B: state = .escape
        case 0x9B: state = .sequence(.csi, [])
        case 0x8F: state = .sequence(.ss3, [])
        case 0..<32, 0x80..<0xA0: return .unknown
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            return .key(.character(Character(scalar)))
        }
        return nil
    }

    /// Keys sent as a final letter after CSI or SS3, with no parameter or with `1` and no
    /// modifier (`ESC [ A`, `ESC O A`, `ESC [ 1 ; 1 A`). `ESC [ E` and `ESC O E` (the keypad's 5)
    /// and F1–F4 (`P`–`S`) are known but bound to nothing.
    private static let finals: [UInt8: Key] = [
        0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left,  // A B C D
        0x48: .home, 0x46: .end,  // H F
    ]

    /// Keys sent as `ESC [ n ~`: Home and End as tmux, screen, the Linux console (1, 4) and rxvt
    /// (7, 8) send them, PgUp and PgDn. Insert (2), Delete (3) and F1–F12 (11–15, 17–21, 23, 24)
    /// are known but bound to nothing.
    private static let numbered: [Int: Key] = [1: .home, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end]

    /// The key a whole sequence stands for; `.unknown` when the tutor has none for it.
    private static func lookUp(_ introducer: Introducer, _ body: [UInt8], final: UInt8) -> Decoded {
        // Only digits and `;`; a modifier other than 1 (none) is a key the tutor does not bind.
        guard body.allSatisfy({ $0 == 0x3B || (0x30...0x39).contains($0) }), body.count < longestParameters else { return .unknown }
        let parameters = body.split(separator: 0x3B, omittingEmptySubsequences: false).map { Int(String(decoding: $0, as: UTF8.self)) }
        guard parameters.count <= 2, parameters.count < 2 || parameters[1] == 1 else { return .unknown }
        let first = parameters.first ?? nil
        let key: Key? =
            switch (introducer, final) {
            case (.csi, 0x7E): first.flatMap { numbered[$0] }  // ~
            case (.csi, 0x5A) where first == nil: .backTab  // ESC [ Z
            case (.ss3, 0x4D) where first == nil: .enter  // ESC O M: the keypad's Enter
            case (.ss3, 0x6A...0x79) where first == nil:
                // ESC O j … ESC O y: the keypad's * + , - . / 0–9 in application mode.
                .character(Character(Unicode.Scalar(final - 0x40)))
            case _ where first == nil || first == 1: finals[final]
            default: nil
            }
        return key.map(Decoded.key) ?? .unknown
    }
}
