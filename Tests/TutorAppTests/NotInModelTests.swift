import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// A slide item that names a node the learner's edited model no longer has says so in its place,
/// while the rest of the slide and the engine go on.
@Suite struct NotInModelTests {
    /// A lesson with one slide per kind of item that names a node, every one of them naming q.
    static let text = """
        # Names
        ```model
        input x = 1
        target y = 0.5
        param w = 0.3
        rate eta = 0.1
        h = w*x
        q = sigmoid(h)
        loss L = 0.5*(y - q)^2
        ```
        ## A Jacobian
        jacobian: q h
        ## Steps
        show: trace
        steps: q w
        ## Columns
        show: table q L
        ## A question
        question: What is dq/dh?
        answer: q*(1 - q)
        ## A range of steps
        show: trace
        steps: L..q
        """

    /// The lesson's model edited so that q is called r: the first edit leaves L reading q, the
    /// second mends it.
    static func renamed(at slide: Int) throws -> TutorState {
        let lesson = try Lesson(parsing: text, file: "names.md", id: "names")
        let keys: [Key] = [.character("E")] + .replacing(line: 5, with: "r = sigmoid(h)") + [.down, .enter] + "loss L = 0.5*(y - r)^2".map(Key.character) + [.enter, .escape]
        return TutorState(lessons: [lesson]).pressing([Key](repeating: .pageDown, count: slide) + keys)
    }

    @Test(arguments: [
        (0, "Jacobian ∂q/∂h: q is not in your model"),
        (1, "Steps q: q is not in your model"),
        (2, "Columns q: q is not in your model"),
        (3, "The question's answer: q is not in your model"),
        (4, "Steps L..q: q is not in your model"),
    ])
    func anItemNamingANodeTheModelLostSaysNotInYourModel(slide: Int, expected: String) throws {
        let state = try Self.renamed(at: slide)
        #expect(state.slideIndex == slide && state.mode == .slides)
        #expect(state.model?.nodes.contains("r") == true && state.computation.failure == nil)
        let stepped = state.applying(.next, times: state.stepCount(of: state.slide))
        for shown in [state, stepped] {
            let screen = shown.screen(width: 80, height: 24).lines.joined(separator: "\n")
            #expect(screen.contains(expected), "slide \(slide + 1):\n\(screen)")
        }
    }

    @Test func whatTheSlideStillHasGoesOn() throws {
        // The steps still chosen (w) are stepped through; the table goes on with the columns the model has.
        let steps = try Self.renamed(at: 1)
        #expect(steps.steps(of: steps.slide).map(\.node) == ["w"])
        let table = try Self.renamed(at: 2).screen(width: 80, height: 24).lines.joined(separator: "\n")
        #expect(table.contains("#     h     r     L  ∂L/∂h  ∂L/∂r"))
        // The question is not asked of a model that cannot answer it.
        #expect(try Self.renamed(at: 3).pressing(.character("a")).mode == .slides)
    }
}
