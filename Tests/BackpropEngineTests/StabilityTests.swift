import Testing
@testable import BackpropEngine

/// At the extremes the engine gives finite numbers, or says it diverged; it never traps.
@Suite struct StabilityTests {
    @Test(arguments: [800.0, -800.0])
    func sigmoidOfAnExtremeIsFiniteWithAFiniteGradient(h: Double) throws {
        let model = try Model(parsing: "param h = \(h)\neta = 1\nq = sigmoid(h)\nloss L = q")
        let trace = try model.trace()
        #expect(trace.values["q"]?.scalar == (h > 0 ? 1 : 0))
        #expect(trace.gradients["h"]?.scalar == 0)
        #expect(!trace.diverged)
    }

    @Test func logOfAnUnderflowedProbabilityIsFinite() throws {
        let model = try Model(parsing: "param o = -800\neta = 1\np = sigmoid(o)\nloss L = -log(p)")
        let trace = try model.trace()
        #expect(trace.values["p"]?.scalar == 0)
        #expect(trace.values["L"]?.isFinite == true)
    }

    @Test func aLearningRateThatIsTooLargeEndsInDivergedInsteadOfATrap() throws {
        let model = try Model(parsing: LinearTableTests.source).setting("eta", to: Tensor(1e6))
        let traces = try model.train(iterations: 200)
        #expect(traces.last?.diverged == true)
        #expect(traces.count < 200)
    }

    @Test func overflowingExpIsReportedAsDiverged() throws {
        let model = try Model(parsing: "param a = 1000\neta = 1\nloss L = exp(a)")
        #expect(try model.trace().diverged)
    }
}
