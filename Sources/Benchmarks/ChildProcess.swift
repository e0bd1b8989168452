import Foundation

/// A program run to its end in a child process, so that a slow, huge or crashing run cannot take
/// the benchmark down: how it ended, its wall time, its peak memory and what it wrote. It runs
/// under `benchmarks/monitor.c`, which limits its time and memory and reports its own figures.
struct ChildProcess {
    /// How the child ended.
    enum Outcome: Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Killed after running for the whole time allowed.
        case timedOut
    }

    let outcome: Outcome
    /// From the start to the child's end, in microseconds.
    let microseconds: Double
    /// The child's peak resident memory, in kilobytes (`ru_maxrss`).
    let peakKilobytes: Int
    /// What it wrote to standard output, when kept; else empty.
    let output: String
    /// What it wrote to standard error, up to a few kilobytes.
    let errorOutput: String
    /// The memory it was allowed, in kilobytes, if limited.
    let memoryLimitKilobytes: Int?

    /// True when the child exited with status 0.
    var succeeded: Bool { outcome == .exited(0) }

    /// Runs `path` (looked up in PATH when it has no slash) with `arguments` under `monitor`,
    /// killing it after `timeout` and limiting its address space to `memoryLimitKilobytes`.
    /// `environment` is added to this process's. Standard output goes to /dev/null unless
    /// `keepOutput`.
    init(
        monitor: String, _ path: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60),
        memoryLimitKilobytes: Int? = nil, keepOutput: Bool = false
    ) throws {
        self.memoryLimitKilobytes = memoryLimitKilobytes
        let command = [monitor, "\(memoryLimitKilobytes ?? 0)", "\(Int(timeout.microseconds / 1_000))", path] + arguments
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-bench-child-\(getpid())").path
        let (outputPath, errorPath, reportPath) = (scratch + ".out", scratch + ".err", scratch + ".report")
        defer { for file in [outputPath, errorPath, reportPath] { unlink(file) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, keepOutput ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 3, reportPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { "\($0)=\($1)" }
        let argv = command.map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, monitor, &actions, nil, argv, envp)
        guard spawned == 0 else { throw ChildProcessError(message: "cannot start \(monitor): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}

        let report = ((try? String(contentsOfFile: reportPath, encoding: .utf8)) ?? "").split(separator: " ")
        let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        guard report.count >= 3, let microseconds = Double(report[report.count - 2]), let peak = Int(report[report.count - 1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ChildProcessError(message: "the monitor could not run \(path): \(errorText.prefix(200))")
        }
        switch (report[0], report.count == 4 ? Int32(report[1]) : nil) {
        case ("exited", let code?): outcome = .exited(code)
        case ("signaled", let signal?): outcome = .signaled(signal)
        default: outcome = .timedOut
        }
        self.microseconds = microseconds
        peakKilobytes = peak
        output = keepOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
        errorOutput = String(errorText.prefix(4_000))
    }

    /// How the run went, for a row of the table: `1.30 s, 25.3 MB`, `exit 2 in 3.1 ms: …`,
    /// `crashed (signal 6) after 2.10 s, 6.00 GB`, `… 7.95 GB at the 8.00 GB cap`,
    /// `> 60.00 s (killed at 410.0 MB)`.
    func summary(timeout: Duration) -> String {
        let duration = Units.duration(microseconds: microseconds)
        let memory = Units.memory(kilobytes: Double(peakKilobytes))
        switch outcome {
        case .exited(0): return "\(duration), \(memory)"
        case .exited(let code):
            let message = errorOutput.split(separator: "\n").first.map { ": \($0.prefix(80))" } ?? ""
            return "exit \(code) in \(duration)\(message)"
        case .signaled(let signal):
            let capped = memoryLimitKilobytes.map { peakKilobytes * 10 >= $0 * 9 } ?? false
            let limit = memoryLimitKilobytes.map { " at the \(Units.memory(kilobytes: Double($0))) cap" } ?? ""
            return "crashed (signal \(signal)) after \(duration), \(memory)\(capped ? limit : "")"
        case .timedOut: return "> \(Units.duration(microseconds: timeout.microseconds)) (killed at \(memory))"
        }
    }
}

/// Something the benchmark could not run or make sense of.
struct ChildProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
