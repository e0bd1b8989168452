import Testing
@testable import BackpropEngine

/// The chain rule of a big model stays as big as the model: a product of n factors passes on
/// gradients of n parts in all, not n terms of n factors; entries read one by one add up into one
/// vector or matrix, not a whole matrix per entry; and the compiled program grows in step.
@Suite struct LinearSizeTests {
    /// `h = w*w*…*w` with `n` factors.
    static func power(_ n: Int) -> String {
        "param w = 1.001\neta = 0.01\nh = " + Array(repeating: "w", count: n).joined(separator: "*") + "\nloss L = h"
    }

    /// `h = w1*w2*…*wn`.
    static func product(_ n: Int) -> String {
        (1...n).map { "param w\($0) = 1.001" }.joined(separator: "\n") + "\neta = 0.01\nh = "
            + (1...n).map { "w\($0)" }.joined(separator: "*") + "\nloss L = h"
    }

    /// `L = W[1, 1] + W[1, 2] + … + W[n, n]`.
    static func entries(_ n: Int) -> String {
        let rows = (1...n).map { i in "[" + (1...n).map { j in "\(Double(i * n + j) / 100)" }.joined(separator: ", ") + "]" }
        let terms = (1...n).flatMap { i in (1...n).map { j in "W[\(i), \(j)]" } }
        return "param W = [" + rows.joined(separator: ", ") + "]\neta = 0.1\nloss L = " + terms.joined(separator: " + ")
    }

    /// The number of distinct parts of every chain-rule term of `model`.
    static func termParts(_ model: Model) -> Int {
        var seen = PartTable<Bool>()
        var count = 0
        func visit(_ part: Expr) {
            guard seen[part] == nil else { return }
            seen[part] = true
            count += 1
            part.children.forEach(visit)
        }
        for planned in model.plan.terms.values.joined() { visit(planned.term.expression) }
        return count
    }

    @Test(arguments: [
        ("w*w*w*w*w", "w", "∂L/∂h · ∂h/∂w = 5 · ∂L/∂h · w · w · w · w"),
        ("a*b*c", "a", "∂L/∂h · ∂h/∂a = ∂L/∂h · b · c"),
        ("a*b*c", "b", "∂L/∂h · ∂h/∂b = ∂L/∂h · a · c"),
        ("a*b*c", "c", "∂L/∂h · ∂h/∂c = ∂L/∂h · a · b"),
        ("a*w*b*w", "w", "∂L/∂h · ∂h/∂w = 2 · ∂L/∂h · a · b · w"),
    ])
    func eachFactorOfAProductReceivesTheOthersOnceAndANameUsedAgainItsCount(product: String, factor: String, chain: String) throws {
        let model = try Model(parsing: "param a = 0.5\nparam b = -2\nparam c = 3\nparam w = 1.5\neta = 0.1\nh = \(product)\nloss L = h")
        let trace = try model.trace()
        let step = try #require(trace.backward.first { $0.node == factor })
        let line = FormulaWriter(notation: Notation(loss: model.loss), shapes: model.shapes).text(for: .backward(step), trace.bindings).line
        #expect(line.hasPrefix("∂L/∂\(factor) = " + chain + " = "), "\(line)")
    }

    @Test func entriesReadOneByOneAddUpIntoOneMatrixOfTheirGradients() throws {
        let model = try Model(parsing: "param W = [[1, 2], [3, 4]]\neta = 0.1\nloss L = W[1, 2] + 3*W[2, 1] + W[1, 2]")
        let trace = try model.trace()
        let step = try #require(trace.backward.first { $0.node == "W" })
        let line = FormulaWriter(notation: Notation(loss: model.loss), shapes: model.shapes).text(for: .backward(step), trace.bindings).line
        #expect(line == "∂L/∂W = [[0, 2], [3, 0]] = [[0.00, 2.00], [3.00, 0.00]]")
    }

    @Test(arguments: [
        ("a power", power, 40),
        ("a product of distinct factors", product, 20),
        ("entries summed", entries, 6),
    ] as [(String, @Sendable (Int) -> String, Int)])
    func theChainRuleAndTheProgramGrowInStepWithTheModel(name: String, model: @Sendable (Int) -> String, size: Int) throws {
        let small = try Model(parsing: model(size)), large = try Model(parsing: model(2 * size))
        let growth = Double(LinearSizeTests.termParts(large)) / Double(LinearSizeTests.termParts(small))
        let programGrowth = Double(large.program.instructions.count) / Double(small.program.instructions.count)
        // Twice the size (four times the entries of a matrix twice as wide) and the same again.
        let expected = name == "entries summed" ? 4.0 : 2.0
        #expect(growth < expected * 1.1, "\(name): terms grew \(growth)×")
        #expect(programGrowth < expected * 1.1, "\(name): the program grew \(programGrowth)×")
    }
}
