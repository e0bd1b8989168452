#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the tutor asks of the operating system, straight through the C library: reading,
/// writing and listing files, making folders, and the environment. Paths are strings, as the
/// command line and the environment give them.
public enum System {
    /// A call that failed, with the C library's error number.
    public struct Failure: Error, Equatable, Sendable {
        /// `errno` after the call.
        public let code: Int32

        /// A failure with `code`: by default the error number the last failed call left.
        init(code: Int32 = errno) {
            self.code = code
        }

        /// What went wrong, as the system says it, in lower case: "no such file or directory".
        public var reason: String { String(cString: strerror(code)).lowercased() }
    }

    /// The bytes of the file at `path`, at most `limit` of them (all when nil): a file of more
    /// gives its first `limit`. Only a regular file is read: a folder fails as one, and a pipe
    /// or a device fails at once rather than waiting for a writer.
    public static func contents(of path: String, limit: Int? = nil) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure() }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Failure(code: EISDIR)
        default: throw Failure(code: EINVAL)
        }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let wanted = min(block.count, (limit ?? Int.max) - bytes.count)
            guard wanted > 0 else { break }
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Failure() }
            guard count > 0 else { break }
            bytes.append(contentsOf: block[..<count])
        }
        return bytes
    }

    /// Writes `bytes` to the file at `path`, creating it or, unless `exclusive`, replacing what it
    /// held; `exclusive` fails when there is a file of that name already.
    public static func write(_ bytes: [UInt8], to path: String, exclusive: Bool = false) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o666)
        guard descriptor >= 0 else { throw Failure() }
        guard writeAll(bytes, to: descriptor) else {
            let failure = Failure()
            close(descriptor)
            throw failure
        }
        guard close(descriptor) == 0 else { throw Failure() }
    }

    /// The names in the folder at `path`, without `.` and `..`, in the order the system gives.
    public static func names(inFolder path: String) throws(Failure) -> [String] {
        guard let folder = opendir(path) else { throw Failure() }
        defer { closedir(folder) }
        var names: [String] = []
        while true {
            // readdir gives nil at the end and on an error; only an error sets errno.
            errno = 0
            guard let entry = readdir(folder) else { break }
            let name = withUnsafePointer(to: entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        guard errno == 0 else { throw Failure() }
        return names
    }

    /// Makes the folder at `path` and those above it that are missing; fine when it is there.
    public static func makeFolders(_ path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            guard mkdir(prefix, 0o777) == 0 || errno == EEXIST else { throw Failure() }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw Failure() }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw Failure(code: ENOTDIR) }
    }

    /// True when there is something at `path`, following a symbolic link.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Removes the file at `path`, if there is one.
    public static func remove(_ path: String) {
        unlink(path)
    }

    /// The environment variables `names` that are set, by name.
    public static func environment(_ names: [String]) -> [String: String] {
        var variables: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { variables[name] = String(cString: value) }
        }
        return variables
    }

    /// `folder/name`, with one slash between them.
    public static func path(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The last part of `path`: `2-linear.md` for `lessons/2-linear.md` and for `lessons/2-linear.md/`.
    public static func lastComponent(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? (path.hasPrefix("/") ? "/" : "")
    }
}

/// Writes all of `bytes` to `descriptor`, again after an interruption; false on a failure,
/// `errno` saying why.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var written = 0
    while written < bytes.count {
        let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + written }, bytes.count - written) }
        if count < 0 {
            guard errno == EINTR else { return false }
            continue
        }
        written += count
    }
    return true
}
