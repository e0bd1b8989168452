import TestSupport
import Testing
@testable import BackpropEngine

/// Training on from a trace gives the iterations a training from the start would have given.
@Suite struct TrainingContinuationTests {
    @Test(arguments: [(3, 1), (3, 10), (1, 0), (0, 4)])
    func iterationsAfterALastTraceContinueTheTraining(first: Int, more: Int) throws {
        let model = try Model(parsing: LinearTableTests.source)
        let start = try model.train(iterations: first)
        let continued = start + (try model.train(iterations: more, after: start.last))
        #expect(areClose(continued, try model.train(iterations: first + more)))
    }

    @Test func nothingFollowsAnIterationThatDiverged() throws {
        let model = try Model(parsing: LinearTableTests.source).setting("eta", to: Tensor(1e6))
        let traces = try model.train(iterations: 200)
        #expect(traces.last?.diverged == true)
        #expect(try model.train(iterations: 5, after: traces.last).isEmpty)
    }
}
