import Foundation
import TestSupport
import Testing

/// Thousands of random keys, with resizes in between, against the real binary under tmux: it
/// reads them all, then quits with `q`, exit status 0, the terminal as it was and the progress
/// saved.
/// `KEY_STORM_KEYS` and `KEY_STORM_SEED` change how many keys and which.
@Suite struct KeyStormTests {
    /// Keys as a terminal sends them: those the tutor binds, in each encoding (Home as xterm's
    /// terminfo says `ESC O H`, as tmux sends `ESC [ 1 ~`, as `ESC [ H`), those it binds nothing
    /// to, and unknown sequences.
    static let sequences = [
        "\u{1B}[A", "\u{1B}[B", "\u{1B}[C", "\u{1B}[D", "\u{1B}OA", "\u{1B}OB", "\u{1B}OC", "\u{1B}OD",
        "\u{1B}[5~", "\u{1B}[6~", "\u{1B}[Z",
        "\u{1B}OH", "\u{1B}OF", "\u{1B}[1~", "\u{1B}[4~", "\u{1B}[H", "\u{1B}[F",
        "\u{1B}[2~", "\u{1B}[3~", "\u{1B}OP", "\u{1B}[15~", "\u{1B}[24~", "\u{1B}[1;5H", "\u{1B}[1;2A", "\u{1B}[5;5~",
        "\u{1B}[99~", "\u{1B}[[A", "\u{1B}[?1;2c", "\u{1B}[200~",
    ]

    /// Characters and control keys: every printable ASCII character but `q`, a few others, Tab,
    /// Enter, Backspace, Ctrl-L and Ctrl-A. Never Ctrl-C or Ctrl-Z (nor `q`), which would end or
    /// suspend the run before its end.
    static let characters = (0x20...0x7E).filter { $0 != 0x71 }.map { String(UnicodeScalar(UInt8($0))) }
        + ["é", "∂", "η", "\t", "\r", "\u{7F}", "\u{C}", "\u{1}"]

    /// `count` keys drawn with `random`: about a third escape sequences, one in twenty an Esc,
    /// never two Esc in a row (which would quit) and not an Esc last.
    static func storm(_ count: Int, using random: inout SplitMix64) -> [String] {
        var keys: [String] = []
        while keys.count < count {
            let draw = Int.random(in: 0..<20, using: &random)
            if draw == 0 {
                if keys.last != "\u{1B}" && keys.count < count - 1 { keys.append("\u{1B}") }
            } else if draw < 7 {
                keys.append(sequences[Int.random(in: sequences.indices, using: &random)])
            } else {
                keys.append(characters[Int.random(in: characters.indices, using: &random)])
            }
        }
        return keys
    }

    /// Waits until the pane has shown the same text for half a second: the tutor has read every
    /// key sent so far.
    func waitUntilStill(_ tmux: Tmux) throws {
        var still = 0, last = ""
        try tmux.wait(seconds: 120) { screen in
            still = screen == last ? still + 1 : 0
            last = screen
            return still >= 10
        }
    }

    @Test func randomKeysAndResizesThenQExitZeroWithTheTerminalAsItWas() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["KEY_STORM_KEYS"].flatMap { Int($0) } ?? 2_000
        var random = SplitMix64(seed: environment["KEY_STORM_SEED"].flatMap { UInt64($0) } ?? 8)
        let keys = Self.storm(count, using: &random)

        let tmux = try Tmux(width: 100, height: 30)
        let file = { (name: String) in tmux.folder.appendingPathComponent(name) }
        let read = { (name: String) in try String(contentsOf: file(name), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
        // After the tutor, `cat` takes whatever keys come, so none reaches the shell.
        try tmux.type("stty -g > before; TERM=xterm-256color sh -c 'echo $$ > pid; exec \(Binary.url.path)'; "
                      + "echo $? > status; stty -g > after; exec cat > /dev/null")
        try tmux.wait { $0.contains("slide 1 of") }
        let pid = try read("pid")

        let start = Date()
        var resizes = 0
        for first in stride(from: 0, to: keys.count, by: 25) {
            try tmux.send(bytes: Array(keys[first..<min(first + 25, keys.count)].joined().utf8))
            if Int.random(in: 0..<5, using: &random) == 0 {
                try tmux.resize(width: Int.random(in: 40...160, using: &random), height: Int.random(in: 10...50, using: &random))
                resizes += 1
            }
        }
        try tmux.resize(width: 100, height: 30)
        try waitUntilStill(tmux)
        #expect(!FileManager.default.fileExists(atPath: file("status").path), "the tutor ended before the storm did")
        let peak = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("VmHWM:") }?.split(separator: " ").dropFirst().joined(separator: " ")

        try tmux.press("Escape")  // closes what is open, if anything
        // Once the Esc is read: a q that arrives with it would be read as Alt-q, one unknown key.
        try waitUntilStill(tmux)
        try tmux.press("q")
        try tmux.wait { _ in (try? read("after"))?.isEmpty == false }
        let seconds = Date().timeIntervalSince(start)
        #expect(try read("status") == "0")
        let (before, after) = (try read("before"), try read("after"))
        #expect(before == after)
        #expect(try FileManager.default.contentsOfDirectory(atPath: file("state/backprop-tutor").path) == ["progress.json"])
        print("key storm: \(count) keys, \(resizes) resizes, \(String(format: "%.1f", seconds)) s, peak memory of the tutor \(peak ?? "unknown")")
    }
}
