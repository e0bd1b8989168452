import TestSupport
import Testing
@testable import BackpropEngine

/// `e^a` reads as exp(a), as a person writes it, unless the model has a value of its own called `e`.
@Suite struct EulerNumberTests {
    @Test func eToAPowerIsExpInAModelWithoutE() throws {
        let model = try Model(parsing: "eta = 0.1\nparam w = 1\nloss L = e^w + e^-w")
        #expect(model.equations[0].expression == Expr(.call(.exp, [.name("w")])) + Expr(.call(.exp, [-.name("w")])))
        #expect(isClose(try model.trace().values["L"]?.scalar, 2.718281828459045 + 0.36787944117144233))
    }

    @Test func aModelWithItsOwnEKeepsItAsAValue() throws {
        for source in ["eta = 0.1\nparam e = 3\nloss L = e^2", "eta = 0.1\nparam w = 3\ne = w\nloss L = e^2"] {
            let model = try Model(parsing: source)
            #expect(model.equations.last?.expression == Expr(.binary(.power, .name("e"), .number(2))))
            #expect(isClose(try model.trace().values["L"]?.scalar, 9))
            #expect(isClose(try model.trace().gradients[model.parameters[0]]?.scalar, 6))
        }
    }

    @Test func answersAndStartingValuesReadEToAPowerToo() throws {
        let model = try Model(parsing: "eta = 0.1\nparam h = 0.5\nq = sigmoid(h)\nloss L = q")
        let typed = try model.expression(parsing: "e^(-h) / (1 + e^(-h))^2")
        let bindings = try model.trace().bindings
        #expect(isClose(try bindings.evaluate(typed).scalar, try bindings.evaluate(try model.expression(parsing: "q*(1 - q)")).scalar))
        #expect(isClose(try Tensor(reading: "e^-1").scalar, 0.36787944117144233))
        let own = try Model(parsing: "eta = 0.1\nparam e = 3\nloss L = e")
        #expect(try own.expression(parsing: "e^2") == Expr(.binary(.power, .name("e"), .number(2))))
    }

    @Test(arguments: [
        ("q(1-q)", 2, "missing '*': write q*(1-q)"),
        ("2h", 2, "missing '*': write 2*h"),
        ("2 * h q", 7, "missing '*': write h*q"),
        ("sigmod(h)", 1, "unknown function 'sigmod' (known: sigmoid, tanh, relu, softplus, exp, log, sqrt, abs, step, sign, max, min, softmax, sum, crossentropy)"),
    ])
    func aProductWithoutItsStarIsSpeltOutWhereTheStarGoes(typed: String, column: Int, message: String) throws {
        let model = try Model(parsing: "eta = 0.1\nparam h = 0.5\nq = sigmoid(h)\nloss L = q")
        #expect(throws: EquationError(message, at: SourceLocation(line: 1, column: column))) { try model.expression(parsing: typed) }
    }
}
