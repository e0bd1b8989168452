import Foundation

/// Where the benchmark finds what it runs: the package's `benchmarks/` folder, the release
/// binary built beside this one, and a scratch folder for the programs it compiles and the
/// lessons it generates.
struct Workspace {
    /// The package's root folder.
    let root: URL
    /// The folder this benchmark's own binary is in: the release build's products.
    let products: URL
    /// A fresh folder for this run, removed by `removeScratch()`.
    let scratch: URL
    /// `benchmarks/monitor.c`, built for this run: every child runs under it.
    private(set) var monitor = ""

    init() throws {
        root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard let executable = Bundle.main.executableURL else { throw ChildProcessError(message: "cannot tell where this benchmark runs from") }
        products = executable.deletingLastPathComponent()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        monitor = try compile("monitor")
    }

    /// Runs a child under the monitor: see `ChildProcess`.
    func run(
        _ path: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60),
        memoryLimitKilobytes: Int? = nil, keepOutput: Bool = false
    ) throws -> ChildProcess {
        try ChildProcess(
            monitor: monitor, path, arguments, environment: environment, timeout: timeout, memoryLimitKilobytes: memoryLimitKilobytes,
            keepOutput: keepOutput)
    }

    /// This benchmark's own binary, run again as a child for the inputs that may crash or hang.
    var benchmark: String { products.appendingPathComponent("Benchmarks").path }

    /// The release `backprop-tutor` beside this benchmark: `swift build -c release` builds both.
    func tutor() throws -> String {
        let binary = products.appendingPathComponent("backprop-tutor").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ChildProcessError(message: "no release backprop-tutor beside this benchmark: run `swift build -c release` first")
        }
        return binary
    }

    /// Compiles `benchmarks/NAME.c` into the scratch folder with `flags`; returns the program.
    func compile(_ name: String, flags: [String] = []) throws -> String {
        let program = scratch.appendingPathComponent(name).path
        let source = root.appendingPathComponent("benchmarks/\(name).c").path
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = [ProcessInfo.processInfo.environment["CC"] ?? "cc", "-O2", "-o", program, source] + flags
        let errors = Pipe()
        compiler.standardError = errors
        try compiler.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        compiler.waitUntilExit()
        guard compiler.terminationStatus == 0 else { throw ChildProcessError(message: "cannot compile benchmarks/\(name).c: \(message)") }
        return program
    }

    /// Writes `text` to `name` in the scratch folder (making its folders); returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let file = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: false, encoding: .utf8)
        return file.path
    }

    func removeScratch() {
        try? FileManager.default.removeItem(at: scratch)
    }
}
