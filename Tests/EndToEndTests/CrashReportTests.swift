import Foundation
import Testing

/// A crash restores the terminal and is reported at once: the Swift runtime's crash reporter,
/// which waits 30 s for a key when it runs in a terminal, finds one waiting.
@Suite(.serialized) struct CrashReportTests {
    @Test func aCrashInTheTutorIsReportedWithoutWaitingForAKey() throws {
        let tmux = try Tmux(width: 100, height: 30)
        try tmux.type("sh -c 'echo $$ > pid; exec \(Binary.url.path)'; echo EX''IT=$?")
        try tmux.wait { $0.contains("slide 1 of") }
        let pid = try String(contentsOf: tmux.folder.appendingPathComponent("pid"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let kill = try Process.run(URL(fileURLWithPath: "/bin/kill"), arguments: ["-SEGV", pid])
        kill.waitUntilExit()
        let shell = try tmux.wait { $0.split(separator: "\n").contains { $0.hasPrefix("EXIT=") } }
        #expect(shell.contains("Program crashed"))
        #expect(!shell.contains("Press space to interact"))
    }
}
