import Testing
@testable import BackpropEngine

/// Every mistake in a model is an error with its line and column and a message a person can act on.
@Suite struct ModelErrorTests {
    static let cases: [(source: String, line: Int, column: Int, message: String)] = [
        ("eta = 0.1\nloss L = w*2", 2, 10, "unknown name 'w'"),
        ("eta = 0.1\nparam w = 1\nloss L = w $ 2", 3, 12, "unexpected character '$'"),
        ("eta = 0.1\nparam w = 1\nloss L = (w + 2", 3, 16, "expected ')' but found the end of the line"),
        ("eta = 0.1\nparam w = 1\nloss L = cosh(w)", 3, 10, "unknown function 'cosh' (known: sigmoid, tanh, relu, softplus, exp, log, sqrt, abs, step, sign, max, min, softmax, sum, crossentropy)"),
        ("eta = 0.1\nparam o = [1, 2]\nloss L = sum(logsoftmax(o))", 3, 14, "unknown function 'logsoftmax' (known: sigmoid, tanh, relu, softplus, exp, log, sqrt, abs, step, sign, max, min, softmax, sum, crossentropy)"),
        ("eta = 0.1\nparam x = [1, 2]\nparam z = [1, 2, 3]\nloss L = sum(max(x, z))", 4, 14, "cannot take the max of a 2-vector and a 3-vector: shapes differ"),
        ("eta = 0.1\nparam x = [1, 2]\nparam W = [[1, 2], [3, 4]]\nloss L = sum(min(W, x))", 4, 14, "cannot take the min of a 2×2 matrix and a 2-vector: shapes differ"),
        ("eta = 0.1\nparam x = [1, 2]\nloss L = sum(max(x))", 3, 14, "max takes two arguments (a, b), not 1"),
        ("eta = 0.1\nparam x = [1, 2]\nloss L = sum(tanh(x, x))", 3, 14, "tanh takes one argument, not 2"),
        ("eta = 0.1\nparam w = sqrt(-1)\nloss L = w", 2, 7, "sqrt of a negative number (−1.00)"),
        ("eta = 0.1\nparam x = [1, 2]\nparam W = [[1, 2, 3], [4, 5, 6]]\nloss L = sum(W @ x)", 4, 16, "cannot multiply a 2×3 matrix by a 2-vector with @"),
        ("eta = 0.1\nparam x = [1, 2]\nparam z = [1, 2, 3]\nloss L = sum(x + z)", 4, 16, "cannot apply '+' to a 2-vector and a 3-vector: shapes differ"),
        ("eta = 0.1\nparam x = [1, 2]\nloss L = x", 3, 6, "the loss must be a scalar, but 'L' is a 2-vector"),
        ("eta = 0.1\nparam x = [1, 2]\nloss L = x[3]", 3, 11, "index 3 does not fit a 2-vector"),
        ("eta = 0.1\nparam w = 1\nparam w = 2\nloss L = w", 3, 7, "'w' is already defined at line 2"),
        ("param w = 1\nloss L = w", 1, 1, "the model sets no learning rate: add a line 'rate eta = 0.1'"),
        ("eta = 0.1\nrate lr = 0.2\nparam w = 1\nloss L = w", 2, 6, "the learning rate is already 'eta'; a model has one learning rate"),
        ("eta = 0.1\nparam w = 1\neta = 0.2\nloss L = w", 3, 1, "the learning rate is already 'eta'; a model has one learning rate"),
        ("rate eta = [0.1, 0.2]\nparam w = 1\nloss L = w", 1, 6, "the learning rate is a number, not a 2-vector"),
        ("rate lr = 0.1\nparam w = 1\nloss L = lr * w^2", 3, 10, "the learning rate 'lr' is not part of the network; only the update reads it"),
        ("rate lr = 0.1\nparam lr = 1\nloss L = 1", 2, 7, "'lr' is already defined at line 1"),
        ("eta = 0.1\nparam w = 1\nh = w", 1, 1, "the model has no loss: mark one equation with 'loss', as in 'loss L = ...'"),
        ("eta = 0.1\nparam w = 1\nloss L = h\nh = w", 3, 10, "'h' is used before its equation"),
        ("eta = 0.1\nparam w = [[1, 2], [3]]\nloss L = 1", 2, 11, "a matrix's rows must have the same length"),
        ("eta = 0.1\nparam w = v\nloss L = w", 2, 11, "a value is a number, vector or matrix, but it uses 'v'"),
        ("eta = 0.1\n= 3", 2, 1, "a line starts with a name: 'input', 'target', 'param', 'rate', 'loss' or the node it defines"),
        ("eta = 0.1\nparam w = 1\nloss L = softmax(w)[1]", 3, 10, "softmax takes a vector, or two or more scalars"),
        ("eta = 0.1\nparam w = 1\nloss L = 2w", 3, 11, "missing '*': write 2*w"),
        ("eta = 0.1\nparam w = 1\nloss L = w(1 - w)^2", 3, 11, "missing '*': write w*(1 - w)^2"),
        ("eta = 0.1\nparam w = 1\nloss L = (w + 1)(w - 1)  # a product", 3, 17, "missing '*': write (w + 1)*(w - 1)"),
        ("eta = 0.1\nparam w = 1\nloss L = 2e^w", 3, 11, "missing '*': write 2*e^w"),
        ("eta = 0.1\nparam w = 1\nloss L = (w + 1", 3, 16, "expected ')' but found the end of the line"),
        ("eta = 0.1\nparam w = 1\nloss L = (w + 1 # open", 3, 17, "expected ')' but found the end of the line"),
        ("eta = 0.1\nparam w = 1\nloss L = e^w\ne = w", 3, 10, "'e' is used before its equation"),
    ]

    @Test(arguments: cases.indices)
    func mistakeIsReportedWithLineColumnAndMessage(index: Int) {
        let expected = Self.cases[index]
        #expect(throws: EquationError(expected.message, at: SourceLocation(line: expected.line, column: expected.column))) {
            try Model(parsing: expected.source)
        }
    }

    /// What a person reads when `body` fails: the error as the command line and the tutor print it.
    func printed(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aFailureOfTheEngineReadsAsASentence() throws {
        let model = try Model(parsing: "eta = 0.1\ninput x = 2\nparam w = 1\nloss L = w*x")
        #expect(printed { _ = try model.trace(from: ["w": Tensor(1)]) } == "no value for 'x'")
        #expect(printed { _ = try model.jacobian(of: "L", by: "eta") } == "no node is called 'eta'")
        #expect(printed { _ = try model.setting("z", to: Tensor(1)) } == "no starting value is called 'z' (known: eta, x, w)")
    }

    @Test func settingAValueOfAnotherShapeIsRefused() throws {
        let model = try Model(parsing: "eta = 0.1\nparam x = [1, 2]\nloss L = sum(x)")
        #expect(throws: SettingError("'x' is a 2-vector; 3-vector given")) { try model.setting("x", to: Tensor(vector: [1, 2, 3])) }
        #expect(throws: SettingError("no starting value is called 'z' (known: eta, x)")) { try model.setting("z", to: Tensor(1)) }
    }
}
