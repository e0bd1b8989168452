import TestSupport
import Testing
import TextScreen
@testable import Terminal

/// Escape sequences read whole, whatever `TERM` says: each is one key, or one key dropped.
@Suite struct KeyDecoderTests {
    typealias Decoded = KeyDecoder.Decoded

    /// What the decoder makes of `input`, each character arriving at once after the one before;
    /// `pause` adds a wait that runs out after the last one (as the reader's timeout does).
    static func decode(_ input: String, pause: Bool = true) -> [Decoded] {
        var decoder = KeyDecoder()
        var decoded = input.unicodeScalars.compactMap { decoder.decode($0.value) }
        if pause, let last = decoder.timedOut() { decoded.append(last) }
        return decoded
    }

    /// The sequences the tutor has a key for, as xterm, tmux and screen, rxvt and the Linux
    /// console send them, and the keys they are.
    static let known: [(sequence: String, key: Key)] = [
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        ("\u{1B}[1;1A", .up),
        ("\u{1B}[H", .home), ("\u{1B}OH", .home), ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[1;1H", .home),
        ("\u{1B}[F", .end), ("\u{1B}OF", .end), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[5;1~", .pageUp),
        ("\u{1B}[Z", .backTab), ("\u{1B}OM", .enter),
        ("\u{1B}Ok", .character("+")), ("\u{1B}Om", .character("-")), ("\u{1B}Op", .character("0")), ("\u{1B}Oy", .character("9")),
        ("\u{9B}A", .up), ("\u{9B}1~", .home), ("\u{8F}F", .end),
    ]

    /// Sequences of keys the tutor binds nothing to, or no key at all: each is dropped whole.
    static let dropped: [String] = [
        "\u{1B}[2~", "\u{1B}[3~",  // Insert, Delete
        "\u{1B}OP", "\u{1B}OS", "\u{1B}[11~", "\u{1B}[15~", "\u{1B}[21~", "\u{1B}[24~",  // F1, F4, F1, F5, F10, F12
        "\u{1B}[[A", "\u{1B}[[E",  // F1, F5 on the Linux console
        "\u{1B}[1;5H", "\u{1B}[1;2A", "\u{1B}[1;3D", "\u{1B}[5;5~", "\u{1B}[3;2~", "\u{1B}O2P", "\u{1B}[1;6S",  // with modifiers
        "\u{1B}[E", "\u{1B}OE",  // the keypad's 5
        "\u{1B}[99~", "\u{1B}[200~", "\u{1B}[?1;2c", "\u{1B}[<0;10;5M", "\u{1B}[I", "\u{1B}[ q", "\u{1B}[;5H", "\u{1B}[1;1;1H",  // unknown
        "\u{1B}[" + String(repeating: "1", count: 1_000) + "~",  // too long to be a key
        "\u{1B}x", "\u{1B}q", "\u{1B}1", "\u{1B}\u{3}", "\u{1B}é",  // Alt with a key
    ]

    @Test(arguments: known)
    func aKnownSequenceIsItsKey(sequence: String, key: Key) {
        #expect(Self.decode(sequence, pause: false) == [.key(key)])
    }

    @Test(arguments: dropped)
    func anUnboundOrUnknownSequenceIsDroppedWhole(sequence: String) {
        #expect(Self.decode(sequence, pause: false) == [.unknown])
    }

    @Test func charactersAndControlKeysOutsideSequences() {
        let table: [(input: String, decoded: [Decoded])] = [
            ("a1[~", [.key(.character("a")), .key(.character("1")), .key(.character("[")), .key(.character("~"))]),
            ("é∂ ", [.key(.character("é")), .key(.character("∂")), .key(.character(" "))]),
            ("\r\n\t", [.key(.enter), .key(.enter), .key(.tab)]),
            ("\u{7F}\u{8}", [.key(.backspace), .key(.backspace)]),
            ("\u{3}", [.key(.interrupt)]), ("\u{1A}", [.suspend]), ("\u{C}", [.redraw]),
            ("\u{1}\u{85}", [.unknown, .unknown]),
        ]
        for (input, decoded) in table {
            #expect(Self.decode(input) == decoded, "\(input.debugDescription)")
        }
    }

    @Test func escFollowedByNothingIsTheEscKeyAndAHalfSequenceIsDropped() {
        let table: [(input: String, decoded: [Decoded])] = [
            ("\u{1B}", [.key(.escape)]),
            ("\u{1B}\u{1B}", [.key(.escape), .key(.escape)]),
            ("\u{1B}\u{1B}[A", [.key(.escape), .key(.up)]),
            ("\u{1B}[", [.unknown]), ("\u{1B}O", [.unknown]), ("\u{1B}[1;5", [.unknown]), ("\u{1B}[[", [.unknown]),
            ("\u{1B}[1\u{1B}[B", [.unknown, .key(.down)]),  // an Esc within a sequence begins the next
            ("\u{1B}[1\u{3}x", [.unknown, .key(.character("x"))]),
            ("\u{1B}[1~1~", [.key(.home), .key(.character("1")), .key(.character("~"))]),
        ]
        for (input, decoded) in table {
            #expect(Self.decode(input) == decoded, "\(input.debugDescription)")
        }
        var decoder = KeyDecoder()
        #expect(decoder.decode(0x1B) == nil && decoder.isInSequence)
        #expect(decoder.timedOut() == .key(.escape) && !decoder.isInSequence && decoder.timedOut() == nil)
    }

    @Test func anyRunOfSequencesAndKeysDecodesToOneResultEach() {
        var random = SplitMix64(seed: 8)
        let plain: [(String, Decoded)] = [("x", .key(.character("x"))), ("1", .key(.character("1"))), ("[", .key(.character("["))), ("\r", .key(.enter))]
        let pieces = Self.known.map { ($0.sequence, Decoded.key($0.key)) } + Self.dropped.map { ($0, Decoded.unknown) } + plain
        for _ in 0..<200 {
            let run = (0..<30).compactMap { _ in pieces.randomElement(using: &random) }
            #expect(Self.decode(run.map(\.0).joined()) == run.map(\.1), "\(run.map(\.0).joined().debugDescription)")
        }
    }
}
