import Foundation

/// A program run to its end in a child process, so that a slow, huge or crashing run cannot take
/// the benchmark down: its wall time, its peak memory and what it wrote.
struct ChildProcess {
    /// How the child ended.
    enum Outcome: Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Killed after running for the whole time allowed.
        case timedOut
    }

    let outcome: Outcome
    /// From the spawn to the child's end, in microseconds.
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

    /// Runs `path` (looked up in PATH when it has no slash) with `arguments` and waits for it,
    /// killing it after `timeout`. With `memoryLimitKilobytes`, a shell starts it under
    /// `ulimit -v`. `environment` is added to this process's. Standard output goes to /dev/null
    /// unless `keepOutput`.
    init(
        _ path: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60),
        memoryLimitKilobytes: Int? = nil, keepOutput: Bool = false
    ) throws {
        self.memoryLimitKilobytes = memoryLimitKilobytes
        var command = [path] + arguments
        if let memoryLimitKilobytes {
            command = ["/bin/sh", "-c", "ulimit -v \(memoryLimitKilobytes) && exec \"$0\" \"$@\""] + command
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-bench-child-\(getpid())")
        let (outputPath, errorPath) = (scratch.path + ".out", scratch.path + ".err")
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, keepOutput ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { "\($0)=\($1)" }
        let argv = command.map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw ChildProcessError(message: "cannot start \(command[0]): \(String(cString: strerror(spawned)))") }
        let child = pid
        let killer = DispatchWorkItem { kill(child, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + .microseconds(Int(timeout.microseconds)), execute: killer)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = clock.now - start
        killer.cancel()

        let signal = status & 0x7f
        outcome =
            if signal == 0 { .exited((status >> 8) & 0xff) } else if signal == SIGKILL && elapsed >= timeout { .timedOut } else { .signaled(signal) }
        microseconds = elapsed.microseconds
        peakKilobytes = usage.ru_maxrss
        output = keepOutput ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
        let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
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

/// A child process that could not be started.
struct ChildProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
