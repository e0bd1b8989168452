import Lessons
import TestSupport
import Testing
@testable import BackpropEngine

/// The compiled program computes the numbers the formulas give when evaluated one by one: every
/// value, gradient and update of every iteration, on the shipped lessons, on a model per
/// operation and on random models; and the trace built from its numbers is the one the formulas
/// give.
@Suite struct ProgramTests {
    /// One small model per operation of the language and per form its gradient takes.
    static let operations: [String: String] = [
        "sigmoid, exp, log": "param a = [0.3, -1.2]\neta = 0.1\nloss L = sum(sigmoid(a) + exp(a) + log(a*a + 1))",
        "tanh, relu, softplus, abs": "param a = [0.3, -1.2, 0]\neta = 0.1\nloss L = sum(tanh(a)*relu(a) + softplus(a) - abs(a))",
        "sqrt, step, sign": "param a = [0.3, 2.5]\nparam s = -0.4\neta = 0.1\nloss L = sum(sqrt(a) + step(a - 1)*sign(s))",
        "max and min, a scalar broadcast": "param a = [0.3, -1.2, 1]\nparam s = 0.2\neta = 0.1\nloss L = sum(max(a, s) * min(s, a)) + max(s, 0.5)",
        "arithmetic and powers": "param a = 1.3\nparam c = -0.6\ninput x = 0.7\neta = 0.1\nloss L = -(a*x - c/x + x^3 - a^c)^2 / (1 + a^2)",
        "a variable exponent": "param a = 1.3\nparam c = [0.5, 2]\neta = 0.1\nloss L = sum(a^c + c^2)",
        "matrix times vector, outer product": "param W = [[0.1, 0.2, -0.3], [0.4, 0.5, -0.6]]\ninput x = [1, 2, 3]\neta = 0.1\nloss L = sum(W @ x)",
        "matrix times matrix, transposes": "param A = [[0.1, 0.2], [0.4, 0.5], [1, -1]]\nparam B = [[0.3, -0.2, 0.1], [0.7, 0.6, -0.5]]\neta = 0.1\nloss L = sum(A @ B)",
        "vector times matrix, dot product": "param v = [0.5, -1]\nparam M = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]\nparam u = [1, 2, -1]\neta = 0.1\nloss L = (v @ M) @ u",
        "indexing": "param v = [0.5, -1, 2]\nparam M = [[0.1, 0.2], [0.4, 0.5]]\neta = 0.1\nloss L = v[2] * M[2, 1] + v[2] - M[1, 2]^2",
        "literals": "param a = 0.5\nparam b = -1\neta = 0.1\nh = [a*b, a, 3]\nm = [[a, b], [b*b, 1]]\nloss L = sum(h) + sum(m @ [a, b])",
        "sum and broadcasting": "param M = [[0.1, 0.2], [0.4, 0.5]]\nparam s = 2\neta = 0.1\nloss L = sum(M*s + s - M/s)",
        "softmax of a vector": "param o = [0.3, -0.2, 0.5]\neta = 0.1\np = softmax(o)\nloss L = p[1]*p[2]",
        "softmax of scalars": "param a = 0.3\nparam b = -0.2\neta = 0.1\np = softmax(a, b*a, 1)\nloss L = sum(p*p)",
        "a cross-entropy of a softmax node": "param o = [0.3, -0.2]\ntarget y = [1, 0]\neta = 0.5\np = softmax(o)\nloss L = crossentropy(p, y)",
        "a cross-entropy of a softmax written inline, targets not summing to 1":
            "param o = [0.3, -0.2]\ntarget y = [2, 0.5]\neta = 0.5\nloss L = crossentropy(softmax(o), y)",
        "a cross-entropy of a softmax of scalars, targets y and 1 - y":
            "param a = 0.3\ntarget y = 0.8\neta = 0.5\np = softmax(a, -a)\nloss L = crossentropy(p, [y, 1 - y])",
        "a cross-entropy on its own": "param o = [0.3, -0.2]\ntarget y = [0.4, 0.6]\neta = 0.5\np = sigmoid(o)\nloss L = crossentropy(p, y) + p[1]",
        "a product with factors used twice, a scalar broadcast": "param w = 1.1\nparam a = [0.5, -1]\nparam s = 2\neta = 0.1\nloss L = sum(w*a*s*w*a)",
        "entries summed, then the whole": "param W = [[1, 2], [3, 4]]\neta = 0.1\nloss L = W[1, 2] + 3*W[2, 1] + W[1, 2] + sum(W) + W[2, 2]",
        "a loss before other equations": "param w = 0.5\neta = 0.1\nloss L = w^2\nafter = L*w",
    ]

    @Test func numbersAreFiniteOnlyWhenEveryOneIs() {
        let finite: [Double] = [0, -0.0, 1.5, -.greatestFiniteMagnitude, .leastNonzeroMagnitude]
        for count in 0...5 {
            let numbers = (0..<count).map { finite[$0 % finite.count] }
            #expect(numbers.withUnsafeBufferPointer(\.allFinite), "\(numbers)")
            for place in 0..<count {
                for bad in [Double.nan, .infinity, -.infinity] {
                    var spoilt = numbers
                    spoilt[place] = bad
                    #expect(!spoilt.withUnsafeBufferPointer(\.allFinite), "\(spoilt)")
                }
            }
        }
    }

    @Test func everyShippedLessonComputesTheNumbersOfItsFormulas() throws {
        for lesson in try LessonLibrary.shipped() {
            guard let model = lesson.model else { continue }
            try expectSameNumbers(model, lesson.id)
        }
    }

    @Test(arguments: operations.keys.sorted())
    func everyOperationComputesTheNumbersOfItsFormulas(name: String) throws {
        try expectSameNumbers(try Model(parsing: Self.operations[name] ?? ""), name)
    }

    @Test(arguments: GradientCheckTests.models.keys.sorted())
    func everyGradientCheckModelComputesTheNumbersOfItsFormulas(name: String) throws {
        try expectSameNumbers(try Model(parsing: GradientCheckTests.models[name] ?? ""), name)
    }

    @Test func aNetworkOfLargeMatricesComputesTheNumbersOfItsFormulas() throws {
        // 12×12 weights and a 12-vector input: values, gradients and updates kept apart, the
        // parameters and the input carried from one iteration to the next.
        let n = 12
        let vector = { (f: (Int) -> Double) in "[" + (0..<n).map { "\(f($0))" }.joined(separator: ", ") + "]" }
        let matrix = { (f: (Int, Int) -> Double) in "[" + (0..<n).map { i in vector { f(i, $0) } }.joined(separator: ", ") + "]" }
        let text = """
            input x = \(vector { Double($0 % 5) / 5 })
            target y = \(vector { $0 == 0 ? 1 : 0 })
            param W = \(matrix { Double(($0 * 7 + $1 * 3) % 11) / 11 - 0.5 })
            param V = \(matrix { Double(($0 * 5 + $1 * 2) % 13) / 13 - 0.5 })
            param b = \(vector { Double($0) / 20 })
            rate eta = 0.5
            h = W @ x + b
            q = sigmoid(h)
            p = softmax(V @ q)
            loss L = crossentropy(p, y) + 0.01*sum(W*W)
            """
        try expectSameNumbers(try Model(parsing: text), "12×12")
    }

    @Test func randomModelsComputeTheNumbersOfTheirFormulas() throws {
        var generator = SplitMix64(seed: 9)
        for index in 0..<150 {
            let text = RandomModel(&generator).text
            let model: Model
            do {
                model = try Model(parsing: text)
            } catch {
                Issue.record("random model \(index) does not parse: \(error)\n\(text)")
                continue
            }
            try expectSameNumbers(model, "random model \(index):\n\(text)")
        }
    }

    @Test func aTrainingCopiedGoesOnFromWhereItWasAndTracesAreItsNumbersWithTheirFormulas() throws {
        let model = try #require(try LessonLibrary.shipped("wider").model)
        var training = Training(model: model)
        let first = try training.numbers(3)
        var copy = training
        let rest = try training.numbers(4)
        let traces = try copy.train(4)
        #expect(zip(try model.iterations(7), first + rest).allSatisfy { $0.scalars == $1.scalars })
        #expect((first + rest).map(\.iteration) == Array(1...7))
        #expect(zip(traces, rest).allSatisfy { $0.values == $1.values && $0.gradients == $1.gradients && $0.updated == $1.updated })
    }

    @Test func trainingStopsAfterTheIterationThatDiverged() throws {
        let model = try Model(parsing: "param w = 3\neta = 1\nloss L = exp(w^4)")
        let iterations = try model.iterations(10)
        #expect(iterations.count == 2)
        #expect(iterations.last?.diverged == true && iterations.first?.diverged == false)
    }

    /// Over three iterations, `model`'s numbers equal those of its formulas evaluated one by one
    /// from the same starting values, to 1e-12, and the trace built from the numbers chooses the
    /// formulas the evaluation chose; an iteration that cannot be computed fails both ways.
    private func expectSameNumbers(_ model: Model, _ id: String) throws {
        var values = model.startingValues
        var training = Training(model: model)
        for _ in 0..<3 {
            let next = Result { try training.nextNumbers() }
            let reference = Result { try model.evaluatedTrace(from: values) }
            guard case .success(let numbers?) = next, case .success(let evaluated) = reference else {
                #expect((try? next.get()) == nil && (try? reference.get()) == nil, "\(id): only one way fails")
                return
            }
            let trace = model.trace(of: numbers)
            for (kind, computed, expected) in [
                ("value", numbers.values, evaluated.values), ("gradient", numbers.gradients, evaluated.gradients),
                ("update", numbers.updated, evaluated.updated),
            ] {
                #expect(Set(computed.keys) == Set(expected.keys), "\(id): \(kind)s of \(computed.keys.sorted())")
                for (name, value) in expected {
                    #expect(Self.close(computed[name], value), "\(id), iteration \(numbers.iteration): \(kind) of \(name)")
                }
            }
            #expect(trace.backward.map(\.node) == evaluated.backward.map(\.node), "\(id)")
            #expect(trace.backward.map { $0.terms.map(\.expression) } == evaluated.backward.map { $0.terms.map(\.expression) }, "\(id)")
            #expect(trace.diverged == numbers.diverged)
            if numbers.diverged { break }
            values.merge(numbers.updated) { _, new in new }
        }
    }

    /// Equal shapes and entries within 1e-12 of each other, relative to the larger; NaN equals NaN.
    static func close(_ actual: Tensor?, _ expected: Tensor) -> Bool {
        guard let actual, actual.shape == expected.shape else { return false }
        return zip(actual.scalars, expected.scalars).allSatisfy { a, b in
            a == b || (a.isNaN && b.isNaN) || abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
        }
    }
}

/// A random network over scalars, vectors and matrices, using every operation of the language
/// with arguments kept inside their domains.
struct RandomModel {
    let text: String

    private struct Item {
        let text: String
        let shape: Shape
    }

    init(_ generator: inout SplitMix64) {
        func number() -> String {
            "\(Double(generator.next() % 2000) / 1000 - 1)"
        }
        func value(_ shape: Shape) -> String {
            switch shape {
            case .scalar: number()
            case .vector(let n): "[" + (0..<n).map { _ in number() }.joined(separator: ", ") + "]"
            case .matrix(let r, let c): "[" + (0..<r).map { _ in "[" + (0..<c).map { _ in number() }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
            }
        }
        var lines = ["eta = 0.1", "target t = [0.3, 0.7]", "target u = [0.5, 0.9]"]
        var pool: [Item] = []
        for (name, shape) in [("a", Shape.scalar), ("b", .scalar), ("v", .vector(2)), ("w", .vector(3)), ("M", .matrix(2, 3)), ("N", .matrix(3, 2))] {
            lines.append("param \(name) = \(value(shape))")
            pool.append(Item(text: name, shape: shape))
        }
        func pick(_ shape: Shape? = nil) -> Item {
            let fitting = pool.filter { shape == nil || $0.shape == shape }
            return fitting[Int(generator.next() % UInt64(fitting.count))]
        }
        func scalar(_ item: Item) -> String {
            switch item.shape {
            case .scalar: item.text
            case .vector(let n): "\(item.text)[\(Int(generator.next() % UInt64(n)) + 1)]"
            case .matrix: "sum(\(item.text))"
            }
        }
        for equation in 0..<8 {
            let x = pick()
            let y = pick(x.shape)
            let choice = generator.next() % 16
            let item: Item = switch choice {
            case 0: Item(text: "sigmoid(\(x.text)) + tanh(\(y.text))", shape: x.shape)
            case 1: Item(text: "relu(\(x.text)) - softplus(\(y.text)) * abs(\(x.text))", shape: x.shape)
            case 2: Item(text: "log(\(x.text)*\(x.text) + 1) + sqrt(abs(\(y.text)) + 0.5)", shape: x.shape)
            case 3: Item(text: "max(\(x.text), \(scalar(pick()))) - min(\(y.text), \(x.text))", shape: x.shape)
            case 4: Item(text: "step(\(x.text))*\(y.text) + sign(\(y.text))*exp(\(x.text)/4)", shape: x.shape)
            case 5: Item(text: "(\(x.text) - \(y.text))^2 / (\(x.text)*\(x.text) + 1)", shape: x.shape)
            case 6: Item(text: "(\(x.text)*\(x.text) + 1)^\(scalar(pick()))", shape: x.shape)
            case 7: Item(text: "M @ (\(scalar(x))*w)", shape: .vector(2))
            case 8: Item(text: "N @ (\(scalar(x)) * v) + w", shape: .vector(3))
            case 9: Item(text: "(\(scalar(x))*v) @ M", shape: .vector(3))
            case 10: Item(text: "M @ N * \(scalar(x))", shape: .matrix(2, 2))
            case 11: Item(text: "[\(scalar(x)), \(scalar(y)) * 2]", shape: .vector(2))
            case 12: Item(text: "softmax(\(scalar(x)), \(scalar(y)), 0.5)", shape: .vector(3))
            case 13: Item(text: "crossentropy(softmax(v*\(scalar(x))), \(generator.next() % 2 == 0 ? "t" : "u"))", shape: .scalar)
            case 14: Item(text: "crossentropy(sigmoid(v + \(scalar(x))), t) + [[\(scalar(y)), 1, 2], [3, 4, 5]] @ w", shape: .vector(2))
            default: Item(text: "-\(x.text) * \(scalar(y)) + sum(\(y.text))", shape: x.shape)
            }
            lines.append("n\(equation) = \(item.text)")
            pool.append(Item(text: "n\(equation)", shape: item.shape))
        }
        lines.append("loss L = " + pool.suffix(5).map { "0.1*" + scalar($0) }.joined(separator: " + "))
        text = lines.joined(separator: "\n")
    }
}
