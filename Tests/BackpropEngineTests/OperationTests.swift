import Testing
@testable import BackpropEngine

/// tanh, relu, softplus, abs, sqrt, max and min: the chain rule each shows, the derivative each
/// takes at its kink, finite numbers far out, and the errors a model using them can meet.
@Suite struct OperationTests {
    /// The trace of a model with the parameters `values`, the equation `q = call` and the loss `sum(q)`.
    func trace(_ call: String, _ values: [String: String]) throws -> Trace {
        let declarations = values.keys.sorted().map { "param \($0) = \(values[$0] ?? "")" }
        return try Model(parsing: (declarations + ["eta = 0.1", "q = \(call)", "loss L = sum(q)"]).joined(separator: "\n")).trace()
    }

    @Test(arguments: [
        ("tanh(h)", "∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q · (1 − q²) = 1.00 · (1 − 0.46²) = 0.79"),
        ("relu(h)", "∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q · step(h) = 1.00 · step(0.50) = 1.00"),
        ("softplus(h)", "∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q · σ(h) = 1.00 · σ(0.50) = 0.62"),
        ("abs(h)", "∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q · sign(h) = 1.00 · sign(0.50) = 1.00"),
        ("sqrt(h)", "∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q / (2 · q) = 1.00 / (2 · 0.707) = 0.71"),
        ("max(h, k)", "∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q · (1 − step(k − h)) = 1.00 · (1 − step(0.20 − 0.50)) = 1.00"),
        ("max(h, k)", "∂L/∂k = ∂L/∂q · ∂q/∂k = ∂L/∂q · step(k − h) = 1.00 · step(0.20 − 0.50) = 0.00"),
        ("min(h, k)", "∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q · (1 − step(h − k)) = 1.00 · (1 − step(0.50 − 0.20)) = 0.00"),
        ("min(h, k)", "∂L/∂k = ∂L/∂q · ∂q/∂k = ∂L/∂q · step(h − k) = 1.00 · step(0.50 − 0.20) = 1.00"),
        ("step(h)", "∂L/∂h = ∂L/∂q · ∂q/∂h = ∂L/∂q · 0 = 1.00 · 0 = 0.00"),
    ])
    func theTraceShowsEachLocalDerivativeInTheChainRule(call: String, line: String) throws {
        let model = try Model(parsing: "param h = 0.5\nparam k = 0.2\neta = 0.1\nq = \(call)\nloss L = q")
        let trace = try model.trace()
        let writer = FormulaWriter(notation: Notation(loss: model.loss), shapes: model.shapes)
        #expect(trace.backward.map { writer.text(for: .backward($0), trace.bindings).line }.contains(line))
    }

    @Test(arguments: [
        ("relu(h)", ["h": "[0, 1.5, -1.5]"], ["h": Tensor(vector: [0, 1, 0])]),
        ("abs(h)", ["h": "[0, 1.5, -1.5]"], ["h": Tensor(vector: [0, 1, -1])]),
        ("max(a, b)", ["a": "[1, 2, 3]", "b": "[1, 3, 2]"], ["a": Tensor(vector: [1, 0, 1]), "b": Tensor(vector: [0, 1, 0])]),
        ("max(b, a)", ["a": "[1, 2, 3]", "b": "[1, 3, 2]"], ["a": Tensor(vector: [0, 0, 1]), "b": Tensor(vector: [1, 1, 0])]),
        ("min(a, b)", ["a": "[1, 2, 3]", "b": "[1, 3, 2]"], ["a": Tensor(vector: [1, 1, 0]), "b": Tensor(vector: [0, 0, 1])]),
        ("min(b, a)", ["a": "[1, 2, 3]", "b": "[1, 3, 2]"], ["a": Tensor(vector: [0, 1, 0]), "b": Tensor(vector: [1, 0, 1])]),
        // A scalar broadcast against a vector collects the gradient of every entry it wins or ties.
        ("max(s, a)", ["a": "[1, 0.5, 3]", "s": "1"], ["a": Tensor(vector: [0, 0, 1]), "s": Tensor(2)]),
        ("min(a, s)", ["a": "[1, 0.5, 3]", "s": "1"], ["a": Tensor(vector: [1, 1, 0]), "s": Tensor(1)]),
        ("step(h) + sign(h)", ["h": "[0, 1.5, -1.5]"], ["h": Tensor(vector: [0, 0, 0])]),
    ])
    func atAKinkTheDerivativeIsZeroAndATieGoesToTheFirstArgument(call: String, values: [String: String], gradients: [String: Tensor]) throws {
        let trace = try trace(call, values)
        for (name, gradient) in gradients {
            #expect(trace.gradients[name] == gradient, "∂L/∂\(name) of \(call)")
        }
    }

    @Test(arguments: [
        ("tanh(a)", 1000.0, 1.0, 0.0), ("tanh(a)", -1000, -1, 0),
        ("softplus(a)", 1000, 1000, 1), ("softplus(a)", -1000, 0, 0),
        ("relu(a)", 1000, 1000, 1), ("relu(a)", -1000, 0, 0),
        ("abs(a)", 1000, 1000, 1), ("abs(a)", -1000, 1000, -1),
        ("max(a, -a)", 1000, 1000, 1), ("max(a, -a)", -1000, 1000, -1),
        ("min(a, -a)", 1000, -1000, -1), ("min(a, -a)", -1000, -1000, 1),
        ("sqrt(a)", 1000, 1000.0.squareRoot(), 0.5 / 1000.0.squareRoot()),
    ])
    func farOutEveryOperationIsFiniteWithAFiniteGradient(call: String, a: Double, value: Double, gradient: Double) throws {
        let trace = try trace(call, ["a": "\(a)"])
        #expect(trace.values["q"] == Tensor(value))
        #expect(trace.gradients["a"] == Tensor(gradient))
        #expect(!trace.diverged)
    }

    @Test func softplusFarBelowZeroKeepsItsTinyValue() throws {
        // log(1 + e^−40) is e^−40 to the last digits; 1 + e^−40 is 1 in floating point, so only
        // the stable form, log1p(e^−40), does not give 0.
        let value = try #require(try trace("softplus(a)", ["a": "-40"]).values["q"]?.scalar)
        let expected = 4.248354255291589e-18
        #expect(abs(value - expected) < 1e-12 * expected)
    }

    @Test(arguments: [
        ("param w = -0.25\neta = 0.1\nq = sqrt(w)\nloss L = q", "sqrt of a negative number in 'q' (−0.25)"),
        ("param w = [4, -0.001]\neta = 0.1\nloss L = sum(sqrt(w))", "sqrt of a negative number in 'L' (−0.001)"),
        // Training takes w from 0.04 to 0.04 − 0.1 · 2.5 = −0.21: the second iteration cannot be computed.
        ("param w = 0.04\neta = 0.1\nloss L = sqrt(w)", "at iteration 2: sqrt of a negative number in 'L' (−0.21)"),
    ])
    func theSquareRootOfANegativeNumberIsAnErrorNamingTheNode(source: String, message: String) throws {
        let model = try Model(parsing: source)
        #expect(throws: EvaluationError(message)) { try model.train(iterations: 3) }
    }

    @Test func theGradientCheckOfASquareRootNudgedBelowZeroIsAnError() throws {
        let model = try Model(parsing: "param w = 0\neta = 0.1\nloss L = sqrt(w)")
        #expect(throws: EvaluationError("sqrt of a negative number in 'L' (−0.000001)")) { try model.gradientCheck() }
    }

    @Test func theSquareRootOfZeroHasAnInfiniteSlopeAndTrainingSaysItDiverged() throws {
        let trace = try Model(parsing: "param w = 0\neta = 0.1\nloss L = sqrt(w)").trace()
        #expect(trace.values["L"] == Tensor(0))
        #expect(trace.gradients["w"] == Tensor(.infinity))
        #expect(trace.diverged)
    }
}
