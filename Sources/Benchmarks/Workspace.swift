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

    init() throws {
        root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard let executable = Bundle.main.executableURL else { throw ChildProcessError(message: "cannot tell where this benchmark runs from") }
        products = executable.deletingLastPathComponent()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
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
        let compiler = ProcessInfo.processInfo.environment["CC"] ?? "cc"
        let run = try ChildProcess(compiler, ["-O2", "-o", program, source] + flags, timeout: .seconds(120))
        guard run.succeeded else { throw ChildProcessError(message: "cannot compile benchmarks/\(name).c: \(run.errorOutput)") }
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
