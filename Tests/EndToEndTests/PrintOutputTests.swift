import Foundation
import Testing
import TextScreen

/// `print` writes each iteration as it is computed, and its output is the one the whole document
/// used to be built for: the same bytes, text and JSON, for the shipped lessons at several
/// iteration counts (past the output buffer too), diverging or in ASCII.
@Suite struct PrintOutputTests {
    /// The output of `print` for each command line: its length in bytes and its FNV-1a digest,
    /// taken from the output written whole before it was streamed. A deliberate change of the
    /// output or of the engine's numbers updates them from the failure's message.
    static let outputs: [([String], Int, UInt64)] = [
        (["linear", "--json", "--iterations", "1"], 246, 0x47882da53cd287c4),
        (["linear", "--json", "--iterations", "4"], 1163, 0x889ab6da5af3c507),
        (["linear", "--json", "--iterations", "25"], 8851, 0x91d233d9f2966215),
        (["deeper", "--json", "--iterations", "1"], 703, 0x22ec40e5d9fc8172),
        (["deeper", "--json", "--iterations", "4"], 2894, 0xe0556c145ea2221e),
        (["deeper", "--json", "--iterations", "25"], 18212, 0x928cff95339043d3),
        (["wider", "--json", "--iterations", "1"], 1127, 0xd8e100ee5b719eac),
        (["wider", "--json", "--iterations", "4"], 4974, 0x34f41859a7c1d75f),
        (["wider", "--json", "--iterations", "25"], 31849, 0x9600cb79bf0e5c79),
        (["closing", "--json", "--iterations", "1"], 419, 0xf4984d5917e5d924),
        (["closing", "--json", "--iterations", "4"], 1671, 0x8b54189f4e2a27de),
        (["closing", "--json", "--iterations", "25"], 10614, 0x47b45e7837ecc931),
        (["wider", "--json", "--iterations", "200"], 258462, 0xc1d2ac2681565cc6),
        (["linear", "--json", "--eta", "1e6", "--iterations", "500"], 9965, 0x4d0b9b1103d62c3c),
        (["linear"], 2241, 0xa83dfd4088fee1f1),
        (["deeper"], 5716, 0xafd827ea3c527a63),
        (["wider"], 7009, 0x3094a0ea3b3f653b),
        (["closing"], 2770, 0xa2be0bf604e43f75),
        (["wider", "--iterations", "100"], 220077, 0x78b8ac2740a61e1e),
        (["linear", "--eta", "1e6", "--iterations", "500"], 21494, 0xa983b8abe622dff7),
        (["closing", "--ascii", "--iterations", "40"], 27788, 0x8cbc0d111021239a),
        (["deeper", "--precision", "6", "--iterations", "40"], 86965, 0x640356b67236e68f),
    ]

    /// The 64-bit FNV-1a digest of `bytes`.
    static func digest(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test(arguments: outputs)
    func printWritesTheSameBytesAsAWholeDocument(arguments: [String], bytes: Int, digest: UInt64) throws {
        let result = try Binary.run(["print"] + arguments)
        let output = Array(result.standardOutput.utf8)
        #expect(result.status == 0)
        #expect(
            (output.count, Self.digest(output)) == (bytes, digest),
            "print \(arguments.joined(separator: " ")): \(output.count) bytes, digest 0x\(String(Self.digest(output), radix: 16))"
        )
    }

    /// Every kind of character a terminal acts on, in a lesson's file name and title: `print`
    /// writes each made visible, as text, in ASCII and as JSON, and none of them raw.
    @Test(arguments: [([String](), "Evil ^[]52;c;ZXZpbA==^G\\u{9b}31m\\u{202e}\\u{2066}^?"), (["--ascii"], "Evil ^[]52;c;ZXZpbA==^G?31m??^?"),
                      (["--json"], "\"lesson\": \"evil\\u001b]52;c;ZXZpbA==\\u0007\\u009b31m\\u202e\\u2066\\u007f\"")])
    func nothingFromALessonReachesTheTerminalRaw(options: [String], shown: String) throws {
        let escapes = "\u{1b}]52;c;ZXZpbA==\u{07}\u{9b}31m\u{202e}\u{2066}\u{7f}"
        let file = try Binary.temporaryFolder().appendingPathComponent("1-evil\(escapes).md")
        try Data("# Evil \(escapes)\n```model\ninput x = 1\nparam w = 2\neta = 0.1\nh = w*x\nloss L = h^2\n```\n## S\nshow: trace\n".utf8).write(to: file)
        let result = try Binary.run(["print", file.path] + options)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardOutput.unicodeScalars.contains { $0.actsOnTerminal && $0 != "\n" }, "a character reached the terminal raw")
        #expect(result.standardOutput.contains(shown), "\(String(result.standardOutput.prefix(200)).visible)")
    }

    @Test func anOutputThatCannotBeWrittenIsSaidInOneLineWithExitStatus1() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" print wider --iterations 2000 >/dev/full", Binary.url.path]
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message == "backprop-tutor: cannot write the output: No space left on device\n")
    }
}
