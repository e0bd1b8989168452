import Testing
@testable import BackpropEngine

/// However large an expression or a model, reading it gives a model or an error that names the
/// limit and points at the place that passes it; nothing runs out of stack or time.
@Suite struct ExpressionLimitsTests {
    static let levels = "the expression is more than 200 levels deep (each operator of a chain such as a + b + c is one level)"

    /// `count` copies of `term` joined by `separator`.
    static func chain(_ term: String, _ count: Int, _ separator: String = "+") -> String {
        Array(repeating: term, count: count).joined(separator: separator)
    }

    /// A model reading `body`, whose line 3 starts `loss L = ` (nine characters).
    static func model(_ body: String) -> String { "eta = 0.1\nparam w = 1\nloss L = \(body)" }

    static let refused: [(source: String, line: Int, column: Int, message: String)] = [
        // The 200th '+' of a flat chain makes its 201st level: column 9 + 2 · 200.
        (model(chain("w", 50_000)), 3, 409, levels),
        (model(chain("w", 50_000, "*")), 3, 409, levels),
        (model(String(repeating: "(", count: 10_000) + "w" + String(repeating: ")", count: 10_000)), 3, 210, levels),
        (model(String(repeating: "-", count: 10_000) + "w"), 3, 209, levels),
        (model(chain("w", 10_000, "^")), 3, 409, levels),
        // Nesting counts where it is entered: at the 201st call, column 10 + 8 · 200.
        (model(String(repeating: "sigmoid(", count: 300) + "w" + String(repeating: ")", count: 300)), 3, 1610, levels),
        // The 1001st part is the 1001st name: column 15 + 3 · 1000.
        (model("sum([" + chain("w", 2_000, ", ") + "])"), 3, 3015, "the expression has more than 1000 parts (names and operations)"),
        // The 90001st number: column 15 + 3 · 90000.
        (model("sum([" + chain("1", 100_000, ", ") + "])"), 3, 270_015, "the expression has more than 90000 numbers"),
        (model(chain("w", 100, "*")), 3, 6, "the gradient of 'w' through 'L' has more than 1000 parts or 200 levels: split the equation into smaller ones"),
        ("eta = 0.1\nparam w = 1\nh = [" + chain("w", 250, ", ") + "]\nloss L = sum(h)", 3, 1,
         "the gradient of 'w' through 'h' has more than 1000 parts or 200 levels: split the equation into smaller ones"),
        ((1...100).map { "param w\($0) = 1" }.joined(separator: "\n") + "\neta = 0.1\nloss L = w1", 101, 1, "a model has at most 100 statements"),
        ("eta = 0.1\nparam w = 1\n" + (1...25).map { "h\($0) = sum([" + chain("w", 900, ", ") + "])" }.joined(separator: "\n"), 14, 1,
         "the model has more than 10000 parts (names and operations)"),
    ]

    @Test(arguments: refused.indices)
    func aModelPastALimitIsRefusedWhereItPassesIt(index: Int) {
        let expected = Self.refused[index]
        #expect(throws: EquationError(expected.message, at: SourceLocation(line: expected.line, column: expected.column))) {
            try Model(parsing: expected.source)
        }
    }

    static let accepted = [
        model(chain("w", 199)),
        model(String(repeating: "(", count: 198) + "w" + String(repeating: ")", count: 198)),
        model(String(repeating: "-", count: 198) + "w"),
        model("sum([" + chain("1", 996, ", ") + "]) * w"),
        "eta = 0.1\nparam W = [" + Array(repeating: "[" + chain("1", 100, ", ") + "]", count: 100).joined(separator: ", ") + "]\nloss L = sum(W)",
        model(chain("w", 20, "*")),
        (1...98).map { "param w\($0) = 1\n" }.joined() + "eta = 0.1\nloss L = " + (1...98).map { "w\($0)" }.joined(separator: " + "),
    ]

    @Test(arguments: accepted.indices)
    func aModelJustWithinTheLimitsTrains(index: Int) throws {
        let traces = try Model(parsing: Self.accepted[index]).train(iterations: 2)
        #expect(traces.count == 2)
    }

    @Test func aConstantValuePastALimitIsRefused() {
        #expect(throws: EquationError(Self.levels, at: SourceLocation(line: 1, column: 400))) {
            try Tensor(reading: Self.chain("1", 60_000))
        }
    }

    @Test func extentCountsPartsAndLevelsAndStopsPastTheLimits() {
        var deep = Expr.name("w")
        for _ in 0..<5_000 { deep = deep + .name("w") }
        #expect(deep.extent() == nil)
        #expect(deep.extent(maximumParts: .max, maximumLevels: .max).map { [$0.parts, $0.levels] } == [10_001, 5_001])
        #expect(Expr.name("w").extent().map { [$0.parts, $0.levels] } == [1, 1])
    }
}
