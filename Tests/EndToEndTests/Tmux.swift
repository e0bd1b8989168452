import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// tmux could not be started, or its pane never showed what a test waited for.
enum TmuxError: Error, CustomStringConvertible {
    /// tmux could not be started.
    case cannotStart
    /// The wait at `location` ran out after `seconds`; `screen` is what the pane showed last.
    case timedOut(seconds: Double, location: String, screen: String)

    var description: String {
        switch self {
        case .cannotStart:
            "tmux could not be started"
        case .timedOut(let seconds, let location, let screen):
            "\(location): the pane did not show what was awaited within \(seconds) s; it showed:\n\(screen)"
        }
    }
}

/// A tmux server of the test's own, with one pane running a shell: the real binary is typed into
/// it and driven with keys, as a learner would.
final class Tmux {
    let socket = "backprop-tutor-test-\(UUID().uuidString)"
    let folder: URL

    /// Starts a `width` × `height` pane running `sh` in a fresh folder, with `XDG_STATE_HOME` the
    /// folder `state` in it: the tutor's progress is kept there, never in the tester's home.
    init(width: Int, height: Int) throws {
        folder = try Binary.temporaryFolder()
        let state = folder.appendingPathComponent("state").path
        try run(["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", "-c", folder.path,
                 "env -u LC_ALL -u LC_CTYPE PS1='$ ' LANG=C.UTF-8 TERM=tmux-256color XDG_STATE_HOME='\(state)' sh"])
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    /// Runs a tmux command against this server and returns what it printed. It is spawned and
    /// waited for directly: Foundation's `Process` can wait forever on the tmux client whose
    /// server lives on after it.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let outputFile = folder.appendingPathComponent("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let quoted = (["tmux", "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = quoted.joined(separator: " ") + " > '\(outputFile.path)' 2>/dev/null < /dev/null"
        var pid: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", command]
        var argv = words.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { throw TmuxError.cannotStart }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Types `text` followed by Enter into the shell.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "t", "-l", text])
        try run(["send-keys", "-t", "t", "Enter"])
    }

    /// Presses tmux key names (`Right`, `End`, `-`, `q`).
    func press(_ keys: String...) throws {
        for key in keys { try run(["send-keys", "-t", "t", key]) }
    }

    /// Sends `bytes` to the program as they are, in one write: escape sequences a terminal
    /// might send, whatever tmux would send for a key.
    func send(bytes: [UInt8]) throws {
        try run(["send-keys", "-t", "t", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// Presses a key and waits until the pane shows something new, so that no key runs ahead
    /// of the program; returns the new text.
    @discardableResult
    func step(_ key: String) throws -> String {
        let before = try screen()
        try press(key)
        return try wait { $0 != before }
    }

    /// The pane's text now.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", "t"])
    }

    /// Waits (up to `seconds`) until the pane's text satisfies `condition` and returns that text;
    /// throws with the pane's last text if it never does.
    @discardableResult
    func wait(
        seconds: Double = 30, file: String = #fileID, line: Int = #line, until condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = try screen()
        while !condition(text) {
            guard Date() < deadline else { throw TmuxError.timedOut(seconds: seconds, location: "\(file):\(line)", screen: text) }
            Thread.sleep(forTimeInterval: 0.05)
            text = try screen()
        }
        return text
    }

    /// The pane once the command typed into it has printed its `EXIT=status` line, and that status.
    /// Commands type `echo EX''IT=$?`, so that the command line itself, however it wraps, never
    /// shows a line starting with `EXIT=`.
    func waitForExit() throws -> (screen: String, status: String?) {
        let isExit = { (line: Substring) in line.hasPrefix("EXIT=") }
        let screen = try wait { $0.split(separator: "\n").contains(where: isExit) && $0.split(separator: "\n").last?.hasPrefix("$") == true }
        return (screen, screen.split(separator: "\n").first(where: isExit).map { String($0.dropFirst(5)) })
    }

    /// Resizes the pane.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }
}
