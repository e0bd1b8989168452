import Glibc
import Testing
@testable import backprop_tutor

/// The writer's quick path copies only text it has checked whole: bytes that are not valid UTF-8,
/// or a character cut between two writes, go the slow way and reach the terminal made harmless.
@Suite struct OutputWriterTests {
    /// What `writes` send through a writer into a pipe.
    func written(_ writes: [[UInt8]]) throws -> [UInt8] {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        var writer = OutputWriter(descriptor: ends[1])
        for bytes in writes { try writer.write(utf8: bytes) }
        try writer.flush()
        close(ends[1])
        var received: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 4096)
        while case let count = read(ends[0], &block, block.count), count > 0 { received += block[..<count] }
        close(ends[0])
        return received
    }

    @Test(arguments: [
        ("a lone C1 control byte", [[0x61, 0x9B, 0x62]]),
        ("a C1 control", [[0xC2, 0x9B, 0x31, 0x6D]]),
        ("a right-to-left override cut between two writes", [[0x61, 0xE2], [0x80, 0xAE, 0x62]]),
        ("an overlong escape", [[0xC0, 0x9B]]),
        ("a surrogate half", [[0xED, 0xA0, 0x80, 0x1B]]),
        ("a lead byte no character starts with", [[0xF8, 0x9B, 0x9B]]),
        ("a four-byte character cut short before an escape", [[0xF0, 0x9D, 0x9C, 0x1B]]),
        ("an escape", [[0x1B, 0x5B, 0x32, 0x4A]]),
    ] as [(String, [[UInt8]])])
    func nothingThatActsOnATerminalIsWrittenRaw(what: String, writes: [[UInt8]]) throws {
        let bytes = try written(writes)
        let text = try #require(String(validating: bytes, as: UTF8.self), "\(what): not UTF-8: \(bytes)")
        #expect(!text.unicodeScalars.contains { $0 != "\n" && $0.actsOnTerminal }, "\(what): \(text.debugDescription)")
    }

    @Test func textWithNothingToMakeVisibleIsWrittenAsItIs() throws {
        let text = "η = 0.50\n∂L/∂W = [[0.1, −0.2]]\n𝜕ℒ/𝜕x · σ(h)ᵀ ← ok\n"
        #expect(try written([Array(text.utf8)]) == Array(text.utf8))
    }
}
