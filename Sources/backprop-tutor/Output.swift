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
    /// valid UTF-8 (which the slow path writes as replacement characters): ASCII is checked eight
    /// bytes at a time where it can be, anything else decoded a character at a time.
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
            guard let scalar = scalar(in: bytes, at: index), !scalar.value.actsOnTerminal else { return true }
            index += scalar.length
        }
        return false
    }

    /// The character whose UTF-8 encoding starts at `index` of `bytes`, not ASCII, and how many
    /// bytes it takes; nil where the bytes there are not whole, valid UTF-8 (a stray continuation
    /// byte, an overlong form, a surrogate, a sequence cut short).
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: Unicode.Scalar, length: Int)? {
        let lead = bytes[index]
        // The length, the bits the lead byte holds, and the range of the second byte.
        let (length, bits, second): (Int, UInt32, ClosedRange<UInt8>)
        switch lead {
        case 0xC2...0xDF: (length, bits, second) = (2, UInt32(lead & 0x1F), 0x80...0xBF)
        case 0xE0: (length, bits, second) = (3, 0, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, bits, second) = (3, UInt32(lead & 0x0F), 0x80...0xBF)
        case 0xED: (length, bits, second) = (3, 0x0D, 0x80...0x9F)
        case 0xF0: (length, bits, second) = (4, 0, 0x90...0xBF)
        case 0xF1...0xF3: (length, bits, second) = (4, UInt32(lead & 0x07), 0x80...0xBF)
        case 0xF4: (length, bits, second) = (4, 4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        var value = bits
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
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
