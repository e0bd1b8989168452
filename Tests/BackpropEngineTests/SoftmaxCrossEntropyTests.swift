import Foundation
import Testing
@testable import BackpropEngine

/// A cross-entropy of a softmax is taken as one step, ∂L/∂o = p · Σt − t: its numbers equal a
/// log-softmax worked out here even at logits ±1000, where going through p would divide by 0.
@Suite struct SoftmaxCrossEntropyTests {
    /// log softmax(o), shifted by the largest logit: worked out here, apart from the engine.
    static func logSoftmax(_ o: [Double]) -> [Double] {
        let largest = o.max() ?? 0
        let logTotal = largest + log(o.reduce(0) { $0 + exp($1 - largest) })
        return o.map { $0 - logTotal }
    }

    static func expectClose(_ got: [Double]?, _ want: [Double], _ what: String) {
        let got = got ?? []
        #expect(got.count == want.count, "\(what): \(got) vs \(want)")
        for (g, w) in zip(got, want) {
            #expect(g.isFinite && abs(g - w) <= 1e-12 * max(1, abs(w)), "\(what): \(got) vs \(want)")
        }
    }

    /// Logits o and targets t, with the softmax named or written inline.
    static let vectorCases: [(source: String, logits: [Double], targets: [Double])] = [
        ("param o = [1000, -1000]\ntarget t = [0, 1]\neta = 1\np = softmax(o)\nloss L = crossentropy(p, t)", [1000, -1000], [0, 1]),
        ("param o = [-1000, 1000]\ntarget t = [0.3, 0.7]\neta = 1\np = softmax(o)\nloss L = crossentropy(p, t)", [-1000, 1000], [0.3, 0.7]),
        ("param o = [1000, -1000, 0]\ntarget t = [2, 0.5, 0]\neta = 1\nloss L = crossentropy(softmax(o), t)", [1000, -1000, 0], [2, 0.5, 0]),
    ]

    @Test(arguments: vectorCases.indices)
    func atLogitsOfAThousandTheLossAndGradientsAreTheLogSoftmaxOnes(index: Int) throws {
        let (source, o, t) = Self.vectorCases[index]
        let trace = try Model(parsing: source).trace()
        let logSoftmax = Self.logSoftmax(o)
        let p = logSoftmax.map { exp($0) }
        let sum = t.reduce(0, +)
        Self.expectClose(trace.values["L"]?.scalars, [-zip(t, logSoftmax).map(*).reduce(0, +)], "L")
        Self.expectClose(trace.gradients["o"]?.scalars, zip(p, t).map { $0 * sum - $1 }, "∂L/∂o")
        Self.expectClose(trace.gradients["t"]?.scalars, logSoftmax.map { -$0 }, "∂L/∂t")
        #expect(!trace.diverged)
    }

    @Test func scalarLogitsOfAThousandWithTargetsYAndOneMinusYGiveTheLogSoftmaxGradients() throws {
        let model = try Model(parsing: """
            param o1 = 1000
            param o2 = -1000
            target y = 0.25
            eta = 1
            p = softmax(o1, o2)
            loss L = crossentropy(p, [y, 1 - y])
            """)
        let trace = try model.trace()
        let logSoftmax = Self.logSoftmax([1000, -1000])
        let (p, t) = (logSoftmax.map { exp($0) }, [0.25, 0.75])
        Self.expectClose(trace.values["L"]?.scalars, [-zip(t, logSoftmax).map(*).reduce(0, +)], "L")
        Self.expectClose([trace.gradients["o1"], trace.gradients["o2"]].map { $0?.scalar ?? .nan }, zip(p, t).map(-), "∂L/∂o")
        // L = −y·ls₁ − (1 − y)·ls₂, so ∂L/∂y = −ls₁ + ls₂.
        Self.expectClose(trace.gradients["y"]?.scalars, [-logSoftmax[0] + logSoftmax[1]], "∂L/∂y")
    }

    @Test(arguments: [
        ("[1, 0]", "∂L/∂o = p − t"),
        ("[0.25, 0.75]", "∂L/∂o = p − t"),
        ("[2, 0.5]", "∂L/∂o = p · Σ(t) − t"),
    ])
    func theTraceLeavesOutSumOfTargetsWhereTheTargetsSumToOne(targets: String, formula: String) throws {
        let model = try Model(parsing: "param o = [0.3, -0.2]\ntarget t = \(targets)\neta = 1\np = softmax(o)\nloss L = crossentropy(p, t)")
        let trace = try model.trace()
        let step = try #require(trace.backward.first { $0.node == "o" })
        let text = FormulaWriter(notation: Notation(), shapes: model.shapes).text(for: .backward(step), trace.bindings)
        #expect("\(text.target) = \(text.parts[0])" == formula)
    }

    @Test func theSoftmaxGetsNoBackwardStepButKeepsItsJacobian() throws {
        let model = try Model(parsing: "param o = [0.3, -0.2]\ntarget t = [1, 0]\neta = 1\np = softmax(o)\nloss L = crossentropy(p, t)")
        let trace = try model.trace()
        #expect(trace.backward.map(\.node) == ["L", "o", "t"])
        #expect(trace.gradients["p"] == nil)
        let p = Self.logSoftmax([0.3, -0.2]).map { exp($0) }
        let jacobian = try model.jacobian(of: "p", by: "o").matrix.scalars
        let expected = [p[0] * (1 - p[0]), -p[0] * p[1], -p[1] * p[0], p[1] * (1 - p[1])]
        for (got, want) in zip(jacobian, expected) { #expect(abs(got - want) < 1e-15) }
    }

    @Test func aSoftmaxReadByAnotherEquationTooIsNotTakenTogether() throws {
        let model = try Model(parsing: "param o = [0.3, -0.2]\ntarget t = [1, 0]\neta = 1\np = softmax(o)\nc = crossentropy(p, t)\nloss L = c + p[1]")
        #expect(try model.trace().backward.map(\.node) == ["L", "c", "p", "o", "t"])
    }

    @Test func logSoftmaxPassesTheGradientMinusSoftmaxTimesItsSum() throws {
        let o = [0.3, -0.2, 1.1], g = [0.5, -1.5, 2.0]
        let derivative = Derivative(shapes: ["o": .vector(3), "g": .vector(3)])
        let expression = Expr(.call(.logsoftmax, [.name("o")]))
        let contributions = try derivative.contributions(of: expression, upstream: .name("g"), result: expression)
        let evaluator = Evaluator(values: ["o": Tensor(vector: o), "g": Tensor(vector: g)])
        let got = try evaluator.evaluate(try #require(contributions.first { $0.0 == "o" }?.1)).scalars
        // Σᵢ gᵢ · ∂ log softmax(o)ᵢ/∂oⱼ by central differences.
        let epsilon = 1e-6
        let want = o.indices.map { j in
            let nudged = { (delta: Double) in
                var shifted = o
                shifted[j] += delta
                return zip(g, Self.logSoftmax(shifted)).map(*).reduce(0, +)
            }
            return (nudged(epsilon) - nudged(-epsilon)) / (2 * epsilon)
        }
        for (a, b) in zip(got, want) { #expect(abs(a - b) < 1e-8, "\(got) vs \(want)") }
    }
}
