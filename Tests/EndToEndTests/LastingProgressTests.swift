import Foundation
import Testing

/// Progress lasts: the real binary under tmux, left on deeper's third slide however it is left,
/// opens there again when launched without a lesson; `--fresh` starts over. The state lives in
/// the pane's own `XDG_STATE_HOME`.
@Suite(.serialized) struct LastingProgressTests {
    /// How the learner leaves the tutor, and the exit status that gives.
    enum Leaving: String, CaseIterable {
        case q, escEsc, ctrlC, sigterm, sighup

        var status: String {
            switch self {
            case .q, .escEsc, .ctrlC: "0"
            case .sigterm: "143"
            case .sighup: "129"
            }
        }
    }

    /// The tutor started in `tmux` with `arguments` (after `clear`, so that the pane shows only
    /// this run), its process id written to `pid`; waits until `awaited` is on screen.
    @discardableResult
    func launch(_ arguments: String, in tmux: Tmux, awaiting awaited: String) throws -> String {
        try tmux.type("clear; sh -c 'echo $$ > pid; exec \(Binary.url.path) \(arguments)'; echo EX''IT=$?")
        return try tmux.wait { $0.contains(awaited) }
    }

    /// Leaves the tutor running in `tmux` by `leaving`; returns the exit status.
    func leave(_ tmux: Tmux, by leaving: Leaving) throws -> String? {
        let pid = { try String(contentsOf: tmux.folder.appendingPathComponent("pid"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
        switch leaving {
        case .q: try tmux.press("q")
        case .escEsc: try tmux.step("Escape"); try tmux.press("Escape")
        case .ctrlC: try tmux.press("C-c")
        case .sigterm, .sighup:
            let kill = try Process.run(URL(fileURLWithPath: "/bin/kill"), arguments: [leaving == .sigterm ? "-TERM" : "-HUP", try pid()])
            kill.waitUntilExit()
        }
        return try tmux.waitForExit().status
    }

    @Test(arguments: Leaving.allCases)
    func leftOnDeepersThirdSlideTheTutorOpensThereAgainWithANote(leaving: Leaving) throws {
        let tmux = try Tmux(width: 100, height: 30)
        try launch("deeper", in: tmux, awaiting: "slide 1 of 7")
        try tmux.step("PgDn")
        try tmux.step("PgDn")
        try tmux.wait { $0.contains("slide 3 of 7") }
        #expect(try leave(tmux, by: leaving) == leaving.status)

        try launch("", in: tmux, awaiting: "slide 3 of 7")
        // The whole first frame, status line included, may take a moment to reach the pane.
        let screen = try tmux.wait { $0.contains("Resumed where you left off, at slide 3 of 7; --fresh starts over.") }
        #expect(screen.contains("lesson 3 of 7: What if we go deeper?"))
        #expect(try leave(tmux, by: .q) == "0")
        let state = tmux.folder.appendingPathComponent("state/backprop-tutor")
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path) == ["progress.json"])
    }

    @Test func freshStartsAtTheFirstLessonAndReplacesWhatWasKept() throws {
        let tmux = try Tmux(width: 100, height: 30)
        try launch("deeper", in: tmux, awaiting: "slide 1 of 7")
        try tmux.step("PgDn")
        try tmux.step("PgDn")
        #expect(try leave(tmux, by: .q) == "0")

        let fresh = try launch("--fresh", in: tmux, awaiting: "slide 1 of 3")
        #expect(fresh.contains("lesson 1 of 7: Backpropagation primer") && !fresh.contains("Resumed"))
        #expect(try leave(tmux, by: .q) == "0")
        let after = try launch("", in: tmux, awaiting: "Resumed where you left off, at slide 1 of 3")
        #expect(after.contains("lesson 1 of 7"))
        #expect(try leave(tmux, by: .q) == "0")
    }
}
