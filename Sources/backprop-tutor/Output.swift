import Foundation
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
        if let errorNumber = write(text, to: STDOUT_FILENO) {
            throw WriteError(reason: String(cString: strerror(errorNumber)))
        }
    }

    /// Writes `message` and a line break to standard error; a failure there has nowhere to be
    /// reported.
    static func error(_ message: String) {
        _ = write(message, to: STDERR_FILENO)
    }

    /// Writes `text`, made visible line by line, and a line break to `descriptor`; the error
    /// number of a failed write.
    private static func write(_ text: String, to descriptor: Int32) -> Int32? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).visible }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += count
        }
        return nil
    }
}
