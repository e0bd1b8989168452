import TestSupport
import Testing
@testable import BackpropEngine

/// A training goes on from where it stopped to the iterations a training from the start gives.
@Suite struct TrainingContinuationTests {
    @Test(arguments: [(3, 1), (3, 10), (1, 0), (0, 4)])
    func trainingOnGivesTheIterationsOfATrainingFromTheStart(first: Int, more: Int) throws {
        let model = try Model(parsing: LinearTableTests.source)
        var training = Training(model: model)
        let continued = try training.train(first) + training.train(more)
        #expect(areClose(continued, try model.train(iterations: first + more)))
        #expect(training.count == first + more)
    }

    @Test func nothingFollowsAnIterationThatDiverged() throws {
        var training = Training(model: try Model(parsing: LinearTableTests.source).setting("eta", to: Tensor(1e6)))
        let traces = try training.train(200)
        #expect(traces.last?.diverged == true && training.diverged)
        #expect(try training.next() == nil)
        #expect(training.count == traces.count)
    }

    @Test func anIterationThatCannotBeComputedIsNamedWhereverTheTrainingWentOnFrom() throws {
        var training = Training(model: try Model(parsing: "param w = 0.04\neta = 0.1\nloss L = sqrt(w)"))
        _ = try training.train(1)
        #expect(throws: EvaluationError("at iteration 2: sqrt of a negative number in 'L' (−0.21)")) { try training.train(1) }
    }
}
