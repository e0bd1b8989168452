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
        buffer.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).visible }.joined(separator: "\n").utf8)
        if buffer.count >= OutputWriter.capacity { try flush() }
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
