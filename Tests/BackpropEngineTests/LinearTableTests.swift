import TestSupport
import Testing
@testable import BackpropEngine

/// The primer's first example, h = w·x + b with L = ½(y − h)², must reproduce the deck's table.
@Suite struct LinearTableTests {
    static let source = """
        input x = 1
        target y = 3
        param w = 0.1
        param b = 1
        eta = 0.2
        h = w*x + b
        loss L = 0.5*(y - h)^2
        """

    @Test func threeIterationsMatchTheDecksTableInFullPrecision() throws {
        let traces = try Model(parsing: Self.source).train(iterations: 3)
        let rows = traces.map { trace in
            [trace.values["h"], trace.values["L"], trace.gradients["h"], trace.gradients["w"], trace.gradients["b"],
             trace.updated["w"], trace.updated["b"]].map { $0?.scalar ?? .nan }
        }
        // Worked by hand: h = w + b, L = ½(3 − h)², ∂L/∂h = h − 3, w ← w − 0.2·∂L/∂h, same for b.
        let expected: [[Double]] = [
            [1.1, 1.805, -1.9, -1.9, -1.9, 0.48, 1.38],
            [1.86, 0.6498, -1.14, -1.14, -1.14, 0.708, 1.608],
            [2.316, 0.233928, -0.684, -0.684, -0.684, 0.8448, 1.7448],
        ]
        for (row, want) in zip(rows, expected) {
            for (got, value) in zip(row, want) { #expect(isClose(got, value), "\(row) vs \(want)") }
        }
    }

    @Test func threeIterationsMatchTheDecksTableAtTwoDecimals() throws {
        let traces = try Model(parsing: Self.source).train(iterations: 3)
        let notation = Notation(precision: 2, unicode: false)
        let rows = traces.map { trace in
            [trace.values["h"], trace.values["L"], trace.gradients["h"], trace.gradients["w"], trace.gradients["b"],
             trace.updated["w"], trace.updated["b"]].map { notation.number($0?.scalar ?? .nan) }.joined(separator: " ")
        }
        #expect(rows == [
            "1.10 1.80 -1.90 -1.90 -1.90 0.48 1.38",
            "1.86 0.65 -1.14 -1.14 -1.14 0.71 1.61",
            // The deck prints b = 1.75 from the rounded 1.61; exact arithmetic gives 1.7448.
            "2.32 0.23 -0.68 -0.68 -0.68 0.84 1.74",
        ])
    }

    @Test func traceWritesEachStepAsTheDeckDoes() throws {
        let model = try Model(parsing: Self.source)
        let trace = try model.trace()
        let writer = FormulaWriter(notation: Notation(loss: model.loss), shapes: model.shapes)
        let lines = trace.steps.map { writer.text(for: $0, trace.bindings).line }
        #expect(lines == [
            "h = w · x + b = 0.10 · 1.00 + 1.00 = 1.10",
            "L = 0.5 · (y − h)² = 0.5 · (3.00 − 1.10)² = 1.80",
            "∂L/∂L = 1.00",
            "∂L/∂h = h − y = 1.10 − 3.00 = −1.90",
            "∂L/∂w = ∂L/∂h · ∂h/∂w = ∂L/∂h · x = −1.90 · 1.00 = −1.90",
            "∂L/∂b = ∂L/∂h · ∂h/∂b = ∂L/∂h = −1.90",
            "∂L/∂x = ∂L/∂h · ∂h/∂x = ∂L/∂h · w = −1.90 · 0.10 = −0.19",
            "∂L/∂y = y − h = 3.00 − 1.10 = 1.90",
            "w ← w − η · ∂L/∂w = 0.10 − 0.20 · (−1.90) = 0.48",
            "b ← b − η · ∂L/∂b = 1.00 − 0.20 · (−1.90) = 1.38",
        ])
    }
}
