import Foundation
import Testing

/// The real binary in a real terminal (tmux): stepping, live tweaks, resizing, quitting, signals.
@Suite(.serialized) struct TerminalTests {
    /// A table row with its cells separated by single spaces.
    func rows(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { $0.split(separator: "│")[0].split(separator: " ").joined(separator: " ") }
    }

    @Test func steppingThroughLinearAndChangingEtaUpdatesTheTableThenQuitCleanly() throws {
        let tmux = try Tmux(width: 120, height: 40)
        try tmux.type("\(Binary.url.path) linear; echo EX''IT=$?")
        try tmux.wait { $0.contains("slide 1 of 6") }
        var sawChainRule = false
        for _ in 0..<40 {
            let screen = try tmux.step("Right")
            sawChainRule = sawChainRule || screen.contains("∂L/∂w = ∂L/∂h · ∂h/∂w = ∂L/∂h · x = −1.90 · 1.00 = −1.90")
            if screen.contains("slide 5 of 6") { break }
        }
        #expect(sawChainRule)
        let before = try tmux.wait { $0.contains("slide 5 of 6") && $0.contains("0.48  1.38") }
        #expect(rows(before).contains("1 1.10 1.80 −1.90 −1.90 −1.90 0.48 1.38"))

        try tmux.press("-")
        // The table is painted top to bottom: wait for both rows, not a part of the first.
        try tmux.wait { screen in
            rows(screen).contains("1 1.10 1.80 −1.90 −1.90 −1.90 0.29 1.19") && rows(screen).contains { $0.hasPrefix("2 1.48 ") }
        }

        try tmux.resize(width: 80, height: 24)
        let small = try tmux.wait { $0.split(separator: "\n").first?.count ?? 0 <= 80 && $0.contains("slide 5 of 6") }
        #expect(small.contains("The simplest NN ever"))
        try tmux.resize(width: 50, height: 12)
        try tmux.wait { $0.contains("enlarge the terminal to 60×16") }
        try tmux.resize(width: 120, height: 40)
        try tmux.wait { $0.contains("0.29  1.19") }

        try tmux.press("q")
        let (shell, status) = try tmux.waitForExit()
        #expect(status == "0")
        #expect(shell.split(separator: "\n").last?.hasPrefix("$") == true)
        #expect(!shell.contains("slide 5 of 6"))
    }

    @Test func closingParenthesisStepsTheThirdIterationOfLinearWhereTheDeckSlips() throws {
        let tmux = try Tmux(width: 120, height: 40)
        try tmux.type("\(Binary.url.path) linear; echo EX''IT=$?")
        try tmux.wait { $0.contains("slide 1 of 6") }
        for _ in 0..<3 { _ = try tmux.step("PgDn") }
        try tmux.wait { $0.contains("Updating the parameters") && $0.contains("iteration 1 of 3") }
        for _ in 0..<2 { _ = try tmux.step(")") }
        try tmux.wait { $0.contains("iteration 3 of 3") }
        for _ in 0..<2 { _ = try tmux.step("Right") }
        // Waiting for the whole line: a capture may catch a line half painted.
        try tmux.wait { $0.contains("b ← b − η · ∂L/∂b = 1.608 − 0.20 · (−0.68) = 1.74") }
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")
    }

    @Test func gShowsTheCentralDifferenceOfLinearsGradientAtFourDecimals() throws {
        let tmux = try Tmux(width: 120, height: 40)
        try tmux.type("\(Binary.url.path) linear; echo EX''IT=$?")
        try tmux.wait { $0.contains("slide 1 of 6") }
        for key in ["PgDn", "PgDn", "p", "Right", "Right", "Right", "g"] { _ = try tmux.step(key) }
        let checked = try tmux.wait { $0.contains("step 3 of 4") && $0.contains("by central difference") }
        #expect(checked.contains("∂L/∂w = ∂L/∂h · ∂h/∂w = ∂L/∂h · x = −1.9000 · 1.0000 = −1.9000"))
        #expect(checked.contains("≈ −1.9000 by central difference"))
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")
    }

    @Test func pressingCapitalTThreeTimesTrainsTheWideNetOnXORUntilEveryRowIsRight() throws {
        let tmux = try Tmux(width: 160, height: 50)
        try tmux.type("\(Binary.url.path) xor; echo EX''IT=$?")
        try tmux.wait { $0.contains("slide 1 of 7") }
        for _ in 0..<5 { _ = try tmux.step("PgDn") }
        let start = try tmux.wait { $0.contains("Train the wide net") && $0.contains("After 3 epochs: 2 of 4 rows right") }
        #expect(start.contains("Loss over 3 epochs"))
        for epochs in [103, 203, 303] {
            try tmux.press("T")
            try tmux.wait { $0.contains("After \(epochs) epochs: ") && $0.contains("Loss over \(epochs) epochs") }
        }
        let trained = try tmux.screen()
        #expect(trained.contains("After 303 epochs: 4 of 4 rows right"))
        let spaced = trained.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(spaced.contains { $0.hasPrefix("2 0.00 1.00 │ 0.00 1.00 │ ") && $0.contains("✓ │") })
        _ = try tmux.step("PgDn")
        let map = try tmux.wait { $0.contains("p₂ over x₁ and x₂ after 303 epochs") }
        #expect(map.contains("1, 2: each row at its inputs, marked with its class"))
        try tmux.press("r")
        try tmux.wait { $0.contains("p₂ over x₁ and x₂ after 3 epochs") }
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")
    }

    @Test func aLearningRateAboveOneSendsTheLandscapesPathOutOfTheWindow() throws {
        let tmux = try Tmux(width: 120, height: 40)
        // In ASCII, where the map's shades and marks are one byte each.
        try tmux.type("LANG=C \(Binary.url.path) linear; echo EX''IT=$?")
        try tmux.wait { $0.contains("slide 1 of 6") }
        _ = try tmux.step("End")
        try tmux.wait { $0.contains("The loss landscape") && $0.contains("Loss over w and b") }
        let arrows: Set<Character> = ["<", ">", "^", "v"]
        // The map's rows, between its axis and the value panel's bar.
        let map = { (screen: String) in
            screen.split(separator: "\n").filter { $0.split(separator: "|", omittingEmptySubsequences: false).count > 2 }
                .map { String($0.split(separator: "|", omittingEmptySubsequences: false)[1]) }.joined()
        }
        try tmux.press("t")
        let gentle = try tmux.wait { $0.contains("The table has 13 iterations") && map($0).contains("o") }
        #expect(!map(gentle).contains(where: arrows.contains))
        try tmux.press("Enter")
        try tmux.type("1.1")
        try tmux.wait { $0.contains("1.10 rate") }
        try tmux.press("t")
        // The path leaves the window: an arrow at the edge stands for the points outside.
        try tmux.wait { map($0).contains(where: arrows.contains) }
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let tmux = try Tmux(width: 100, height: 30)
        try tmux.type("stty -g > before; sh -c 'echo $$ > pid; exec \(Binary.url.path)'; echo EX''IT=$?; stty -g > after")
        try tmux.wait { $0.contains("slide 1 of") }
        let pid = try String(contentsOf: tmux.folder.appendingPathComponent("pid"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let kill = try Process.run(URL(fileURLWithPath: "/bin/kill"), arguments: ["-TERM", pid])
        kill.waitUntilExit()
        #expect(try tmux.waitForExit().status == "143")
        // Written by stty after the tutor exits: wait until it holds a line, not just until it exists.
        try tmux.wait { _ in (try? String(contentsOf: tmux.folder.appendingPathComponent("after"), encoding: .utf8))?.hasSuffix("\n") == true }
        let before = try String(contentsOf: tmux.folder.appendingPathComponent("before"), encoding: .utf8)
        let after = try String(contentsOf: tmux.folder.appendingPathComponent("after"), encoding: .utf8)
        #expect(before == after)
    }

    @Test func ctrlCQuitsAndTheShellComesBack() throws {
        let tmux = try Tmux(width: 80, height: 24)
        try tmux.type("\(Binary.url.path) wider; echo EX''IT=$?")
        try tmux.wait { $0.contains("slide 1 of") }
        try tmux.press("C-c")
        let status = try tmux.waitForExit().status
        #expect(status == "0", "exit status \(status ?? "none")")
    }

    @Test func anUnusableTermIsExplainedInsteadOfLettingNcursesExit() throws {
        let tmux = try Tmux(width: 80, height: 24)
        try tmux.type("TERM=nonexistent \(Binary.url.path) linear; echo EX''IT=$?")
        let (shell, status) = try tmux.waitForExit()
        #expect(status == "2")
        // The pane wraps long lines: read it as one.
        let text = shell.replacingOccurrences(of: "\n", with: "")
        #expect(text.contains("backprop-tutor cannot drive this terminal (unknown terminal type \"nonexistent\")"))
        #expect(text.contains("backprop-tutor print LESSON"))
    }

    @Test func withoutATerminalItExplainsAndPointsToPrint() throws {
        let result = try Binary.run(["linear"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("backprop-tutor print"))
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardOutput.isEmpty)
    }
}
