import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// Nothing appears before the step that computes it, and what was stepped to stays on screen.
@Suite struct RevealTests {
    @Test(arguments: ["linear", "deeper", "wider"])
    func theFirstSlideOfALessonShowsNoGradientAndNoUpdate(lesson: String) throws {
        let lines = try TutorState.atSlide(0, in: lesson).screen(width: 120, height: 40).lines
        // A node of the graph is written `name  = value`, then its gradient and update if shown.
        let nodes = lines.filter { $0.contains("  = ") }
        #expect(!nodes.contains { $0.contains("∇") || $0.contains("←") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func aGradientAppearsOnceSteppedToAndStaysForTheRestOfTheLesson() throws {
        let softmax = try TutorState.atFirstSlide(in: "deeper") { $0.steps == [.gradients(from: "L", to: "o2")] }
        #expect(softmax.stepCount(of: softmax.slide) == 3)
        func graph(_ state: TutorState) -> String { state.screen(width: 160, height: 50).lines.joined(separator: "\n") }
        #expect(!graph(softmax).contains("o₁  = 0.19  ∇"))
        let stepped = softmax.pressing(.right, .right)
        #expect(graph(stepped).contains("o₁  = 0.19  ∇ −0.42"))
        #expect(!graph(stepped).contains("o₂  = −0.13  ∇"))
        let next = stepped.pressing(.right, .right)
        #expect(next.slideIndex == softmax.slideIndex + 1 && next.step == 0)
        #expect(graph(next).contains("o₁  = 0.19  ∇ −0.42") && graph(next).contains("o₂  = −0.13  ∇ 0.42"))
        #expect(!graph(next).contains("q  = 0.65  ∇"))
    }

    @Test func aSlideStepsOnlyTheStepsItChooses() throws {
        let updates = try TutorState.atFirstSlide(in: "linear") { $0.steps == [.pass(.update)] }
        #expect(updates.steps(of: updates.slide).map(\.node) == ["w", "b"])
        let gradients = try TutorState.atFirstSlide(in: "linear") { $0.steps == [.pass(.backward)] }
        #expect(gradients.steps(of: gradients.slide).map(\.node) == ["L", "h", "w", "b"])
        let sigmoid = try TutorState.atFirstSlide(in: "deeper") { $0.steps == [.gradient("h")] }
        #expect(sigmoid.steps(of: sigmoid.slide).map(\.node) == ["h"])
    }
}
