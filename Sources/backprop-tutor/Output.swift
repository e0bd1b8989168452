import Glibc
import TextScreen

/// Standard output and standard error, the only way the command line writes text: every line is
/// made visible (`String.visible`) first, so that nothing from a lesson file or the command line
/// reaches the terminal raw, and a write that fails is an error, so that a full disk never leaves
/// a truncated output behind a success.
enum Output {
    /// A write to standard output that failed.
    struct WriteError: Error {
        /// Why, as the system says it: "No space left on device".
        let reason: String
    }

    /// Writes `text` and a line break to standard output.
    static func print(_ text: String) throws(WriteError) {
        var output = OutputWriter()
        try output.write(text + "\n")
        try output.flush()
    }

    /// Writes `message` and a line break to standard error; a failure there has nowhere to be
    /// reported.
    static func error(_ message: String) {
        var output = OutputWriter(descriptor: STDERR_FILENO)
        try? output.write(message + "\n")
        try? output.flush()
    }
}

/// Text for a descriptor (standard output unless told) through a buffer: each line made visible,
/// then written in blocks of about `capacity` bytes, so that a long output goes out as it is made
/// without a system call per line; a write that fails is a thrown `Output.WriteError`.
struct OutputWriter {
    /// The bytes gathered before they are written.
    static let capacity = 1 << 16

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// A writer to `descriptor`, standard output unless told.
    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(OutputWriter.capacity)
    }

    /// Writes `text`, each of its lines made visible; it may wait in the buffer until the next
    /// `flush()`.
    mutating func write(_ text: String) throws(Output.WriteError) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
        try flushWhenFull()
    }

    /// Writes `line` and a line break, as `write(_:)` does.
    mutating func write(line: String) throws(Output.WriteError) {
        var line = line
        line.withUTF8 { append(utf8: $0) }
        buffer.append(UInt8(ascii: "\n"))
        try flushWhenFull()
    }

    /// Writes the UTF-8 text `bytes` (whole characters), each of its lines made visible; it may
    /// wait in the buffer until the next `flush()`.
    mutating func write(utf8 bytes: [UInt8]) throws(Output.WriteError) {
        bytes.withUnsafeBufferPointer { append(utf8: $0) }
        try flushWhenFull()
    }

    /// Writes the buffer once it holds `capacity` bytes or more.
    private mutating func flushWhenFull() throws(Output.WriteError) {
        if buffer.count >= OutputWriter.capacity { try flush() }
    }

    /// Adds the UTF-8 text `bytes` to the buffer, each of its lines made visible. Text in which no
    /// character acts on the terminal but the line breaks, the common case, is copied as it is:
    /// making it visible changes nothing.
    private mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if OutputWriter.actsOnTerminal(bytes) {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            buffer.append(contentsOf: lines.map { String($0).visible }.joined(separator: "\n").utf8)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// True when the text `bytes` holds a character that acts on the terminal
    /// (`Unicode.Scalar.actsOnTerminal`) other than a line feed, or bytes that are not whole,
    /// valid UTF-8 (which the slow path writes as replacement characters): ASCII is checked byte
    /// by byte, anything else decoded a character at a time.
    private static func actsOnTerminal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, let base = bytes.baseAddress, plainASCII(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return true }
                index += 1
                continue
            }
            var rest = bytes[index...].makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            guard case .valid(let encoded) = parser.parseScalar(from: &rest), !Unicode.UTF8.decode(encoded).actsOnTerminal else { return true }
            index += encoded.count
        }
        return false
    }

    /// True when the eight bytes of `word` are all ASCII that does nothing to a terminal: none
    /// of them at 0x80 or above, below 0x20 (a line feed included), or 0x7F.
    private static func plainASCII(_ word: UInt64) -> Bool {
        let (ones, highs) = (UInt64(0x0101_0101_0101_0101), UInt64(0x8080_8080_8080_8080))
        let below20 = (word &- 0x20 &* ones) & ~word
        let deletes = word ^ (0x7F &* ones)
        return (word | below20 | ((deletes &- ones) & ~deletes)) & highs == 0
    }

    /// Writes everything the buffer holds.
    mutating func flush() throws(Output.WriteError) {
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress?.advanced(by: written), bytes.count - written)
            }
            if count < 0 {
                guard errno == EINTR else { throw Output.WriteError(reason: String(cString: strerror(errno))) }
                continue
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
