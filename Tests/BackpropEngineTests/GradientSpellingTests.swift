import TestSupport
import Testing
@testable import BackpropEngine

/// A formula may read a gradient as the tutor writes it in ASCII, `dL/dh`, when asked to; and a
/// step knows the formula and the value it computes.
@Suite struct GradientSpellingTests {
    static let source = "input x = 2\ntarget y = 3\nparam w = 0.5\nrate eta = 0.1\nh = w*x\nloss L = 0.5*(y - h)^2"

    @Test(arguments: [
        ("dL/dh * x", Expr.gradient("h") * .name("x")),
        ("w - eta*dL/dw", .name("w") - .name("eta") * .gradient("w")),
        ("dL/dh/x", .gradient("h") / .name("x")),
        ("-dL/dL", -.gradient("L")),
    ])
    func aGradientReadsAsTheTutorWritesItInASCII(typed: String, expected: Expr) throws {
        let model = try Model(parsing: Self.source)
        #expect(try model.expression(parsing: typed, gradients: true) == expected)
    }

    @Test func withoutGradientsOrWithItsOwnDLTheSpellingIsADivision() throws {
        let model = try Model(parsing: Self.source)
        #expect(throws: EquationError("unknown name 'dL'", at: SourceLocation(line: 1, column: 1))) { try model.expression(parsing: "dL/dh") }
        #expect(throws: EquationError("unknown name 'z'", at: SourceLocation(line: 1, column: 1))) {
            try model.expression(parsing: "dL/dz", gradients: true)
        }
        #expect(try Expr(parsing: "dL/dh", names: ["dL", "dh", "h"], loss: "L") == .name("dL") / .name("dh"))
    }

    @Test func everyStepsFormulaGivesItsValueButTheLossOwnGradientHasNone() throws {
        let trace = try Model(parsing: Self.source).trace()
        var values: [String: Double] = [:]
        for step in trace.steps {
            let name = "\(step.pass.rawValue) \(step.node)"
            values[name] = step.value.scalar
            guard step.pass != .backward || step.node != "L" else {
                #expect(step.formula == nil)
                continue
            }
            let formula = try #require(step.formula, "\(name)")
            #expect(isClose(try trace.bindings.evaluate(formula).scalar, step.value.scalar), "\(name)")
        }
        #expect(values == ["forward h": 1, "forward L": 2, "backward L": 1, "backward h": -2, "backward w": -4, "backward x": -1, "backward y": 2, "update w": 0.9])
    }
}
