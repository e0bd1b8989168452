import Foundation

/// The built `backprop-tutor` binary, run as a user would run it.
enum Binary {
    /// The binary next to the test bundle (SwiftPM builds it first: the test target depends on it).
    static var url: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("backprop-tutor").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("backprop-tutor")
    }

    /// What a run printed and how it ended.
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs the binary with `arguments` from `directory`, standard input empty, in the locale
    /// `locale` says (LANG; LC_ALL and LC_CTYPE unset), whatever the tests run in, and with
    /// `XDG_STATE_HOME` a fresh temporary folder, so that no run touches the tester's own state.
    /// Standard output is read, or written to the file at `outputPath` (such as /dev/full).
    /// Standard error goes to a file, so that however much the binary writes to it, it never
    /// waits for the test to read it while the test waits for standard output.
    static func run(
        _ arguments: [String], in directory: URL? = nil, locale: String = "C.UTF-8", outputPath: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        (environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]) = (nil, nil, locale)
        environment["XDG_STATE_HOME"] = try temporaryFolder().path
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let errorFile = try temporaryFolder().appendingPathComponent("stderr")
        try Data().write(to: errorFile)
        let error = try FileHandle(forWritingTo: errorFile)
        defer { try? error.close() }
        let output = Pipe()
        let outputFile = try outputPath.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) }
        defer { try? outputFile?.close() }
        process.standardOutput = outputFile ?? output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = outputFile == nil ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
        )
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-tutor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
