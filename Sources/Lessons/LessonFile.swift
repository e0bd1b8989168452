#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the text of one lesson file, refusing what is no lesson file: anything but a regular
/// file (a device such as /dev/zero, a FIFO, a folder), a file past `maximumSize`, and bytes
/// that are not UTF-8.
enum LessonFile {
    /// The largest lesson file read, in bytes: far beyond any lesson (the shipped ones are under
    /// 4 KB), and small enough that listing a folder of them stays quick.
    static let maximumSize = 256 * 1024

    /// The text of the file at `path`.
    static func text(at path: String) throws(LessonError) -> String {
        func failure(_ message: String, line: Int = 1, column: Int = 1) -> LessonError {
            LessonError(file: path, line: line, column: column, message: message)
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = System.Failure().reason
            throw failure(System.lastComponent(of: path).unicodeScalars.contains("\u{FFFD}")
                ? "cannot read the lesson file (its name is not valid UTF-8: rename it)"
                : "cannot read the lesson file: \(reason)")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw failure("not a lesson file: it is not a regular file") }
        let tooLarge = failure("the lesson file is larger than \(maximumSize / 1024) KB")
        guard status.st_size <= maximumSize else { throw tooLarge }
        let data: [UInt8]
        do {
            data = try System.contents(of: path, limit: maximumSize + 1)
        } catch {
            throw failure("cannot read the lesson file: \(error.reason)")
        }
        guard data.count <= maximumSize else { throw tooLarge }
        if let text = String(validating: data, as: UTF8.self) { return text }
        let (line, column) = place(ofFirstInvalidByteIn: data)
        throw failure("the lesson file is not valid UTF-8 here", line: line, column: column)
    }

    /// The line and column (in characters) where the first byte that is not UTF-8 stands.
    private static func place(ofFirstInvalidByteIn data: [UInt8]) -> (line: Int, column: Int) {
        var decoder = UTF8()
        var bytes = data.makeIterator()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: break decoding
            }
        }
        let lines = String(decoding: data.prefix(offset), as: UTF8.self).lines
        return (lines.count, (lines.last?.count ?? 0) + 1)
    }
}
