import Foundation
import Testing

/// The playground in a real terminal: an edit of the model reaches the trace, and the model saved
/// with `w` opens with `print` and the tutor.
@Suite(.serialized) struct PlaygroundTests {
    @Test func tanhForSigmoidShowsTanhsGradientAndTheSavedLessonOpens() throws {
        let tmux = try Tmux(width: 80, height: 24)
        try tmux.type("\(Binary.url.path) playground; echo EX''IT=$?")
        try tmux.wait { $0.contains("slide 1 of 4") }
        try tmux.step("E")
        try tmux.wait { $0.contains("11 q = sigmoid(h)") }
        for _ in 0..<10 { try tmux.step("Down") }
        try tmux.step("Enter")
        try tmux.wait { $0.contains("Line 11 of the model") && $0.contains("> q = sigmoid(h)_") }
        try tmux.run(["send-keys", "-t", "t", "-l", "q = tanh(h)"])
        try tmux.wait { $0.contains("> q = tanh(h)_") }
        try tmux.press("Enter")
        try tmux.wait { $0.contains("11 q = tanh(h)") && $0.contains("Names and shapes check") }
        try tmux.step("w")
        try tmux.wait { $0.contains("Saved the model as ./7-playground-edit.md") }

        for key in ["Escape", "PgDn"] { try tmux.step(key) }
        try tmux.wait { $0.contains("Experiment: tanh instead of σ") }
        // Six forward steps, then L, o₁, o₂, q and h backward: the eleventh step is ∂L/∂h.
        var screen = ""
        for step in 1...11 {
            try tmux.press("Right")
            screen = try tmux.wait { $0.contains("step \(step) of 19") }
        }
        #expect(screen.contains("▶ ∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q · (1 − q²)"))
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")

        let printed = try Binary.run(["print", "7-playground-edit.md", "--iterations", "1"], in: tmux.folder)
        #expect(printed.status == 0)
        #expect(printed.standardOutput.contains("q = tanh(h) = tanh(0.60) = 0.54"))
        try tmux.type("clear; \(Binary.url.path) ./7-playground-edit.md; echo EX''IT=$?")
        try tmux.wait { $0.contains("Playground: any layer you like (edited)") && $0.contains("slide 1 of 2") }
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")
    }
}
