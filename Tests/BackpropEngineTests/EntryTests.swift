import Testing
@testable import BackpropEngine

/// One entry of a vector or matrix formula is written as a person works it out, from entries,
/// and it has the value of that entry.
@Suite struct EntryTests {
    static let shapes: [String: Shape] = ["x": .vector(2), "W": .matrix(2, 2), "M": .matrix(2, 2), "h": .vector(2), "s": .scalar]
    static let bindings = Bindings(
        values: [
            "x": Tensor(vector: [1, 2]), "W": Tensor(rows: [[0.1, 0.2], [-0.3, 0.4]]),
            "M": Tensor(rows: [[1, -1], [0.5, 2]]), "s": Tensor(3),
        ],
        gradients: ["h": Tensor(vector: [-0.5, 0.25])]
    )

    @Test(arguments: [
        (Expr(.outer(.gradient("h"), .name("x"))), [1, 2], "∂L/∂h₁ · x₂"),
        (Expr(.binary(.matmul, .name("W"), .name("x"))), [2], "W₂₁ · x₁ + W₂₂ · x₂"),
        (Expr(.binary(.matmul, Expr(.transpose(.name("W"))), .gradient("h"))), [1], "W₁₁ · ∂L/∂h₁ + W₂₁ · ∂L/∂h₂"),
        (Expr(.binary(.matmul, .name("W"), .name("M"))), [1, 2], "W₁₁ · M₁₂ + W₁₂ · M₂₂"),
        (Expr(.binary(.matmul, .name("x"), .name("M"))), [2], "x₁ · M₁₂ + x₂ · M₂₂"),
        (Expr(.binary(.multiply, .gradient("h"), Expr(.call(.sigmoid, [.name("x")])))), [2], "∂L/∂h₂ · σ(x₂)"),
        (Expr(.binary(.multiply, .name("s"), .name("W"))), [2, 1], "s · W₂₁"),
        (-Expr(.binary(.subtract, .name("M"), Expr(.broadcast(.name("s"), .matrix(2, 2))))), [2, 2], "−(M₂₂ − s)"),
        (Expr(.call(.softmax, [.name("x")])), [1], "softmax(x)₁"),
    ])
    func anEntryIsWrittenFromEntriesAndHasTheirValue(expression: Expr, indices: [Int], written: String) throws {
        let entry = Entry(shapes: Self.shapes).of(expression, at: indices)
        #expect(FormulaWriter(notation: Notation(), shapes: Self.shapes).symbolic(entry) == written)
        #expect(try Self.bindings.evaluate(entry) == Self.bindings.evaluate(Expr(.index(expression, indices))))
    }
}
