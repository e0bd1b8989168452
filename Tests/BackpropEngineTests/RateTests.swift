import Testing
@testable import BackpropEngine

/// The learning rate is a declared value with the role `rate`, written `rate NAME = NUMBER` or
/// `eta = NUMBER`: the update reads it under its own name, and it is no node of the network.
@Suite struct RateTests {
    /// The first example of the deck with its learning rate declared by `declaration`.
    static func linear(_ declaration: String) -> String {
        "input x = 1\ntarget y = 3\nparam w = 0.1\nparam b = 1\n\(declaration)\nh = w*x + b\nloss L = 0.5*(y - h)^2"
    }

    /// Every step of three iterations, written as `print` writes them.
    static func written(_ model: Model) throws -> [String] {
        let writer = FormulaWriter(notation: Notation(loss: model.loss), shapes: model.shapes)
        return try model.train(iterations: 3).flatMap { trace in trace.steps.map { writer.text(for: $0, trace.bindings).line } }
    }

    @Test func theShorthandAndTheRateStatementGiveTheSameTrace() throws {
        let shorthand = try Model(parsing: Self.linear("eta = 0.2")), statement = try Model(parsing: Self.linear("rate eta = 0.2"))
        let lines = try Self.written(statement)
        #expect(try Self.written(shorthand) == lines)
        #expect(lines.contains("w ← w − η · ∂L/∂w = 0.10 − 0.20 · (−1.90) = 0.48"))
        #expect([shorthand, statement].allSatisfy { $0.rate == "eta" && $0.variable("eta")?.role == .rate && $0.learningRate == 0.2 })
    }

    @Test func aRenamedRateIsReadByTheUpdateUnderItsName() throws {
        let renamed = try Self.written(Model(parsing: Self.linear("rate lr = 0.2")))
        #expect(renamed.contains("w ← w − lr · ∂L/∂w = 0.10 − 0.20 · (−1.90) = 0.48"))
        #expect(renamed == (try Self.written(Model(parsing: Self.linear("eta = 0.2")))).map { $0.replacing("η", with: "lr") })
    }

    @Test func theRateHasNoGradientAndIsNoNodeOfTheNetwork() throws {
        let model = try Model(parsing: Self.linear("rate lr = 0.2"))
        let trace = try model.trace()
        #expect(trace.values["lr"] == Tensor(0.2))
        #expect(trace.gradients["lr"] == nil && trace.gradients["w"] != nil)
        #expect(!trace.backward.contains { $0.node == "lr" })
        #expect(model.nodes == ["x", "y", "w", "b", "h", "L"])
        #expect(throws: JacobianError("no node is called 'lr'")) { try model.jacobian(of: "L", by: "lr") }
    }

    @Test func theRateIsSetByItsNameAndStaysANumber() throws {
        let model = try Model(parsing: Self.linear("rate lr = 0.2")).setting("lr", to: Tensor(0.1))
        #expect(model.learningRate == 0.1)
        #expect(abs((try model.trace().updated["w"]?.scalar ?? 0) - 0.29) < 1e-12)
        #expect(throws: SettingError("'lr' is a scalar; 2-vector given")) { try model.setting("lr", to: Tensor(vector: [1, 2])) }
    }

    @Test func anAnswerMayReadTheRateAsTheUpdateDoes() throws {
        let model = try Model(parsing: Self.linear("rate lr = 0.2"))
        #expect(try model.shape(of: Expr(parsing: "w - lr * h"), fallback: SourceLocation(line: 1, column: 1)) == .scalar)
    }
}
