import BackpropEngine
import Lessons
import Testing
@testable import TutorApp

/// What the engine computes for the slide on screen, and what the slide says when it cannot.
@Suite struct ComputationTests {
    @Test func aJacobianOfANodeTheModelLacksIsLeftOutAndTheRestComputed() throws {
        // As after an edit of the model: wider's slides ask for ∂h/∂W, and linear's model has no W.
        let lessons = try LessonLibrary.builtIn()
        let wider = try #require(lessons.first { $0.id == "wider" }), linear = try #require(lessons.first { $0.id == "linear" })
        #expect(wider.slides.flatMap(\.jacobians).contains { $0.input == "W" })
        let computation = Computation(lesson: wider, model: linear.model, iterations: 1)
        #expect(computation.failure == nil)
        #expect(computation.traces.count == 1)
        #expect(Array(computation.jacobians.keys) == ["h/x"])
    }

    @Test func theSquareRootOfANegativeNumberIsSaidWithItsNodeAndValue() throws {
        let linear = try #require(try LessonLibrary.builtIn().first { $0.id == "linear" })
        let model = try Model(parsing: "param w = -0.25\neta = 0.1\nq = sqrt(w)\nloss L = q")
        let computation = Computation(lesson: linear, model: model, iterations: 1)
        #expect(computation.failure == "the engine could not compute this model: sqrt of a negative number in 'q' (−0.25)")
    }
}
