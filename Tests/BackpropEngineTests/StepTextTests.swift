import Testing
@testable import BackpropEngine

/// Lines with numbers show each number with the digits its line needs, and a node used more
/// than once shows what each path brings.
@Suite struct StepTextTests {
    static let deeper = """
        input x = 2
        target y = 1
        param w = 0.25
        param b = 0.1
        param v1 = 0.3
        param v2 = -0.2
        eta = 0.5
        h = w*x + b
        q = sigmoid(h)
        o1 = v1*q
        o2 = v2*q
        p = softmax(o1, o2)
        loss L = -(y*log(p[1]) + (1 - y)*log(p[2]))
        """

    /// Every step of iteration `iteration` of `source` as written at `precision` decimals.
    func lines(_ source: String, iteration: Int, precision: Int = 2) throws -> [String] {
        let model = try Model(parsing: source)
        let trace = try model.train(iterations: iteration)[iteration - 1]
        let writer = FormulaWriter(notation: Notation(loss: model.loss, precision: precision), shapes: model.shapes)
        return trace.steps.map { writer.text(for: $0, trace.bindings).line }
    }

    @Test func theDecksSlipIsRedoneFromAnOperandWithTheDigitItNeeds() throws {
        // The deck carried 1.61 and −0.68 and wrote 1.75; the exact 1.7448 rounds to 1.74.
        #expect(try lines(LinearTableTests.source, iteration: 3).contains("b ← b − η · ∂L/∂b = 1.608 − 0.20 · (−0.68) = 1.74"))
    }

    @Test func aResultHalfwayBetweenTwoNumbersIsAvoidedWhenADigitMoreAvoidsIt() throws {
        // 0.30 · 0.65 = 0.195 could be 0.19 or 0.20; 0.30 · 0.646 is 0.19 plainly.
        #expect(try lines(Self.deeper, iteration: 1).contains("o₁ = v₁ · q = 0.30 · 0.646 = 0.19"))
    }

    @Test(arguments: [
        (2, "∂L/∂q = ∂L/∂o₁ · ∂o₁/∂q + ∂L/∂o₂ · ∂o₂/∂q = ∂L/∂o₁ · v₁ + ∂L/∂o₂ · v₂ = −0.42 · 0.30 + 0.42 · (−0.20) = −0.13 + (−0.08) = −0.21"),
        (4, "∂L/∂q = ∂L/∂o₁ · ∂o₁/∂q + ∂L/∂o₂ · ∂o₂/∂q = ∂L/∂o₁ · v₁ + ∂L/∂o₂ · v₂ = −0.4200 · 0.3000 + 0.4200 · (−0.2000) = −0.1260 + (−0.0840) = −0.2100"),
    ])
    func aNodeUsedTwiceAddsUpTheNumberOfEachPath(precision: Int, expected: String) throws {
        #expect(try lines(Self.deeper, iteration: 1, precision: precision).contains(expected))
    }

    @Test func pathNumbersGetTheDigitsTheirSumNeeds() throws {
        // Each path brings 0.124; 0.12 + 0.12 would not give the 0.25 shown.
        let source = """
            input x = 1
            param w = 1
            eta = 0.1
            a = w*x
            c = w*x
            loss L = 0.124*a + 0.124*c
            """
        #expect(try lines(source, iteration: 1).contains(
            "∂L/∂w = ∂L/∂a · ∂a/∂w + ∂L/∂c · ∂c/∂w = ∂L/∂a · x + ∂L/∂c · x = 0.124 · 1.00 + 0.124 · 1.00 = 0.124 + 0.124 = 0.25"
        ))
    }
}
