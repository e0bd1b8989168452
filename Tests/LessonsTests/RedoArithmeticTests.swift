import BackpropEngine
import Lessons
import TestSupport
import Testing

/// Every line that plugs numbers into a formula, in every shipped lesson and in a network using
/// every operation of the language, gives the result it shows when a learner redoes it from the
/// numbers shown, at 2, 4 and 6 decimals, in Unicode and in ASCII, over five iterations: the steps
/// of the trace and the answers to the questions, and over a data set every row's steps and the
/// means over the rows.
@Suite struct RedoArithmeticTests {
    @Test(arguments: [
        (2, "∂L/∂W₁₂ = ∂L/∂h₁ · x₂ = −0.09 · 2.00 = −0.18"), (4, "∂L/∂W₁₂ = ∂L/∂h₁ · x₂ = −0.0888 · 2.0000 = −0.1776"),
    ])
    func theWideNetWorksOneEntryOfItsWeightGradientOutByHand(precision: Int, expected: String) throws {
        let model = try #require(try LessonLibrary.shipped("wider").model)
        let trace = try #require(try model.train(iterations: 1).first)
        let writer = FormulaWriter(notation: Notation(loss: model.loss, precision: precision), shapes: model.shapes)
        let step = try #require(trace.backward.first { $0.node == "W" })
        let entry = try #require(writer.text(for: .backward(step), trace.bindings).entries.first)
        #expect(entry.line == expected)
        #expect(Redo.check(entry.parts).problems.isEmpty)
    }

    @Test(arguments: ["linear", "deeper", "wider", "xor", "closing", "playground"], [2, 4, 6])
    func everyLineWithNumbersGivesItsOwnResultWhenRedoneByHand(id: String, precision: Int) throws {
        let lesson = try LessonLibrary.shipped(id)
        let answers = lesson.slides.compactMap(\.question).map(\.answer)
        // Every model of the lesson: its own, and those its slides carry.
        for model in [lesson.model] + lesson.slides.map(\.model) {
            guard let model else { continue }
            try expectEveryLineRedoes(model, answers: answers, precision: precision, id)
        }
    }

    @Test(arguments: [
        (2, "∂L/∂c = (∂L₁/∂c + ∂L₂/∂c + ∂L₃/∂c + ∂L₄/∂c) / 4 = ([−0.50; 0.50] + [0.27; −0.27] + [0.95; −0.95] + [−0.12; 0.12]) / 4 = [0.15; −0.15]"),
        (4, "L = (L₁ + L₂ + L₃ + L₄) / 4 = (0.6931 + 0.3133 + 3.0486 + 0.1269) / 4 = 1.0455"),
    ])
    func theMeanOverTheRowsIsWorkedOutFromEachRowsNumber(precision: Int, expected: String) throws {
        let model = try #require(try LessonLibrary.shipped("xor").model)
        let trace = try #require(try model.train(batches: 1).first?.first)
        let writer = FormulaWriter(notation: Notation(loss: model.loss, precision: precision), shapes: model.shapes)
        let lines = trace.steps.filter { $0.pass == .mean }.map { writer.text(for: $0, trace.bindings(for: $0)) }
        let line = try #require(lines.first { $0.line == expected }, "\(lines.map(\.line))")
        #expect(Redo.check(line.parts).problems.isEmpty)
    }

    /// A network with each of tanh, relu, softplus, abs, sqrt, max and min, on vectors and on
    /// scalars, a scalar broadcast against a vector in max and min.
    static let everyOperation = """
        input x = [1.5, -0.5]
        target y = 0.3
        param W = [[0.4, -0.3], [0.2, 0.6]]
        param b = [0.1, -0.2]
        param v = [0.7, -0.5]
        param s = 0.3
        rate eta = 0.1
        h = W @ x + b
        q = tanh(h)
        r = relu(h)
        m = max(q, s)
        n = min(2*s, r)
        a = sqrt(abs(h) + 1)
        k = max(b[1], 0.1) - min(relu(v[1]), 0.5)
        u = softplus(v @ (m + n)) + tanh(s)
        loss L = (u - y)^2 + 0.1*(a @ a) + abs(k)
        """

    @Test(arguments: [2, 4, 6])
    func everyLineOfANetworkWithEveryOperationGivesItsOwnResultWhenRedoneByHand(precision: Int) throws {
        try expectEveryLineRedoes(try Model(parsing: Self.everyOperation), answers: [], precision: precision, "every operation")
    }

    /// A product of 40 parameters, a loss with a sum of 30 entries: formulas with more numbers than
    /// are given their decimals one by one.
    static let manyNumbers = (1...40).map { "param w\($0) = \(1 + Double($0) / 997)" }.joined(separator: "\n") + """

        param W = [[0.11, 0.2, 0.3, 0.4, 0.5, 0.6], [0.7, 0.8, 0.9, 1.0, 1.1, 1.2], [1.3, 1.4, 1.5, 1.6, 1.7, 1.8], [1.9, 2.0, 2.1, 2.2, 2.3, 2.4], [2.5, 2.6, 2.7, 2.8, 2.9, 3.05]]
        eta = 0.01
        h = \((1...40).map { "w\($0)" }.joined(separator: "*"))
        loss L = 0.5*(h - 1)^2 + 0.01*(\((1...5).flatMap { i in (1...6).map { j in "W[\(i), \(j)]" } }.joined(separator: " + ")))
        """

    @Test(arguments: [2, 4])
    func everyLineOfFormulasWithManyNumbersGivesItsOwnResultWhenRedoneByHand(precision: Int) throws {
        try expectEveryLineRedoes(try Model(parsing: Self.manyNumbers), answers: [], precision: precision, "many numbers")
    }

    /// Every line of five iterations of `model`, and the lines of `answers` to its questions, in
    /// Unicode and in ASCII at `precision` decimals, redone by hand.
    private func expectEveryLineRedoes(_ model: Model, answers: [Expr], precision: Int, _ id: String) throws {
        let traces = try model.train(batches: 5).joined()
        var plugged = 0
        var failing: [String] = []
        for unicode in [true, false] {
            let writer = FormulaWriter(notation: Notation(loss: model.loss, precision: precision, unicode: unicode), shapes: model.shapes)
            for trace in traces {
                var lines = trace.steps.flatMap { step in
                    let text = writer.text(for: step, trace.bindings(for: step))
                    return ([text] + text.entries).map { ($0.line, $0.parts) }
                }
                for answer in answers {
                    let parts = [
                        writer.symbolic(answer), writer.substituted(answer, trace.bindings),
                        writer.notation.tensor(try trace.bindings.evaluate(answer)),
                    ]
                    lines.append(("answer = " + parts.joined(separator: " = "), parts))
                }
                for (line, parts) in lines {
                    let verdict = Redo.check(parts)
                    if verdict.plugsInNumbers { plugged += 1 }
                    if !verdict.problems.isEmpty { failing.append(line + "\n      " + verdict.problems.joined(separator: "\n      ")) }
                }
            }
        }
        #expect(plugged >= 2 * 5 * model.equations.count, "\(id): only \(plugged) lines with numbers found")
        #expect(failing.count == 0, "\(id) at \(precision) decimals: \(failing.count) of \(plugged) lines do not redo:\n\(failing.prefix(8).joined(separator: "\n"))")
    }

    @Test(arguments: [
        (["b − η · ∂L/∂b", "1.61 − 0.20 · (−0.68)", "1.74"], false),
        (["b − η · ∂L/∂b", "1.608 − 0.20 · (−0.68)", "1.74"], true),
        (["−y / p", "−[1.00; 0.00] / [0.53; 0.47]", "[−1.90; 0.00]"], false),
        (["−y / p", "−[1.00; 0.00] / [0.526; 0.47]", "[−1.90; 0.00]"], true),
        (["0.5 · 1.90²", "1.80"], true),
        (["0.5 · 1.90²", "1.81"], true),
        (["0.5 · 1.90²", "1.82"], false),
        (["(−0.42) · 0.30 + 0.42 · (−0.20)", "−0.126 + (−0.084)", "−0.21"], true),
        (["(−0.42) · 0.30 + 0.42 · (−0.20)", "−0.13 + (−0.08)", "−0.21"], true),
        (["(−0.42) · 0.30 + 0.42 · (−0.20)", "−0.12 + (−0.08)", "−0.21"], false),
        (["−0.124 + (−0.124)", "−0.25"], true),
        (["−0.124 + (−0.124)", "−0.24"], false),
        (["[[0.10, 0.20], [−0.30, 0.40]]ᵀ · [−0.47; 0.47]", "[−0.19; 0.10]"], false),
        (["[[0.10, 0.20], [−0.30, 0.40]]^T @ [-0.47; 0.47]", "[-0.19; 0.09]"], true),
        (["[[0.10, 0.20], [−0.30, 0.40]] · [1.00, 2.00]", "[0.50; 0.50]"], false),
        (["[−0.09; 0.06] · [1.00, 2.00]", "[[−0.09, −0.18], [0.06, 0.12]]"], true),
        (["[−0.09; 0.06] · [1.00, 2.00]", "[[−0.09, −0.18], [0.06, 0.13]]"], false),
        (["[−0.09; 0.06] · [1.00; 2.00]ᵀ", "[[−0.09, −0.18], [0.06, 0.12]]"], true),
        // A row times a column is a number, not the matrix a column times a row gives.
        (["[−0.09, 0.06] · [1.00; 2.00]", "[[−0.09, −0.18], [0.06, 0.12]]"], false),
        (["[−0.09, 0.06] · [1.00; 2.00]", "0.03"], true),
        (["[1.00; 2.00] · [3.00; 4.00]", "11.00"], true),
        (["σ(0.60)", "0.65"], true),
        (["σ(0.60)", "0.64"], false),
        (["exp(−0.70²)", "0.61"], true),
        (["softmax(0.19, −0.13)", "[0.58; 0.42]"], true),
        (["softmax(0.19, −0.13)", "[0.57; 0.43]"], false),
        (["crossentropy([0.53; 0.47], [1.00; 0.00])", "0.63"], true),
        (["−log softmax([0.05; −0.06])", "[0.64; 0.75]"], true),
        (["-logsoftmax([0.05; -0.06])", "[0.64; 0.74]"], false),
        (["frobnicate(0.5)", "0.50"], false),
        (["tanh(0.55)", "0.50"], true),
        (["tanh(0.55)", "0.55"], false),
        (["relu([0.30; −0.20])", "[0.30; 0.00]"], true),
        (["relu([0.30; −0.20])", "[0.30; −0.20]"], false),
        (["softplus(−0.40)", "0.51"], true),
        (["softplus(−0.40)", "0.40"], false),
        (["sqrt(2.25)", "1.50"], true),
        (["sqrt(2.25)", "1.12"], false),
        (["abs(−0.70)", "0.70"], true),
        (["abs(−0.70)", "−0.70"], false),
        (["−0.50 · step(0.30)", "−0.50"], true),
        (["−0.50 · step(−0.30)", "−0.50"], false),
        (["0.80 · sign(−0.30)", "−0.80"], true),
        (["0.80 · sign(0.00)", "0.80"], false),
        (["max([0.76; 0.10], 0.30)", "[0.76; 0.30]"], true),
        (["max([0.76; 0.10], 0.30)", "[0.76; 0.10]"], false),
        (["min([0.76; 0.10], 0.30)", "[0.30; 0.10]"], true),
        (["min([0.76; 0.10], 0.30)", "[0.76; 0.30]"], false),
        (["[−0.50; 0.60] ⊙ (1 − step([1.00; 0.10] − [0.7616; 0.0997]))", "[0.00; 0.00]"], true),
        (["[−0.50; 0.60] ⊙ (1 − step([1.00; 0.10] − [0.7616; 0.1]))", "[0.00; 0.60]"], true),
        (["[0.53; 0.47] ⊙ ([−1.90; 0.00] − Σ([−1.90; 0.00] ⊙ [0.53; 0.47]))", "[−0.47; 0.47]"], true),
        (["(∂L₁/∂c + ∂L₂/∂c) / 2", "(−0.50 + 0.27 + 0.95 + (−0.12)) / 4", "0.15"], true),
        (["(−0.50 + 0.27 + 0.95 + (−0.12)) / 4", "0.16"], false),
        (["([−0.50; 0.50] + [0.27; −0.27] + [0.95; −0.95] + [−0.12; 0.12]) / 4", "[0.15; −0.15]"], true),
        (["([−0.50; 0.50] + [0.27; −0.27] + [0.95; −0.95] + [−0.12; 0.12]) / 4", "[0.15; 0.15]"], false),
    ])
    func theRedoCheckCatchesEveryLineThatDoesNotGiveItsResult(parts: [String], holds: Bool) {
        let verdict = Redo.check(parts)
        #expect(verdict.plugsInNumbers)
        #expect(verdict.problems.isEmpty == holds, "\(parts.joined(separator: " = ")): \(verdict.problems)")
    }
}
