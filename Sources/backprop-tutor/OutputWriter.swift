import Foundation

/// Standard output through a buffer: text goes out in blocks of about `capacity` bytes, so that
/// a long output is written as it is made without a system call per line, and a write that
/// fails (a full disk, a closed descriptor) is a thrown `OutputError`.
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

    /// Writes `text`; it may wait in the buffer until the next `flush()`.
    mutating func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= OutputWriter.capacity { try flush() }
    }

    /// Writes everything the buffer holds.
    mutating func flush() throws(OutputError) {
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { bytes in
                Foundation.write(descriptor, bytes.baseAddress?.advanced(by: written), bytes.count - written)
            }
            if count < 0 {
                guard errno == EINTR else { throw OutputError(errno: errno) }
                continue
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Standard output could not be written: said in one line, exit code 1.
struct OutputError: Error, CustomStringConvertible {
    /// What went wrong, from the system's error number.
    let description: String

    init(errno: Int32) {
        description = "cannot write the output: \(String(cString: strerror(errno)))"
    }
}
