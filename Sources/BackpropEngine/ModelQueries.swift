extension Expr {
    /// Parses one expression of the equation language written at `start`.
    public init(parsing text: String, at start: SourceLocation = SourceLocation(line: 1, column: 1)) throws(EquationError) {
        self = try Parser.expression(text, start: start)
    }
}

extension Tensor {
    /// Reads a constant value: a number, `[1, 2]` or `[[0.1, 0.2], [0.3, 0.4]]` (constant
    /// expressions such as `-1/2` allowed).
    public init(parsing text: String) throws(EquationError) {
        let start = SourceLocation(line: 1, column: 1)
        self = try Model.constant(try Expr(parsing: text, at: start), at: start)
    }
}

extension Model {
    /// The shape of `expression` over this model's names (the learning rate included), or where
    /// and why it does not type-check.
    public func shape(of expression: Expr, fallback: SourceLocation) throws(EquationError) -> Shape {
        try ShapeChecker(shapes: shapes).shape(of: expression, fallback: fallback)
    }
}
