extension Expr {
    /// Parses one expression of the equation language written at `start`, over `names` (`e^a`
    /// is exp(a) unless `e` is one of them); given the loss `loss` (`L`), `dL/dh` is ∂L/∂h.
    public init(
        parsing text: String, at start: SourceLocation = SourceLocation(line: 1, column: 1), names: Set<String> = [], loss: String? = nil
    ) throws(EquationError) {
        self = try Parser.expression(text, start: start, names: names, loss: loss)
    }
}

extension Tensor {
    /// Reads a value as typed wherever a number comes in (`--set`, `--eta`, the tutor's value
    /// prompt; a model's starting values are read the same way): a constant expression of the
    /// equation language, such as `0.5`, `1e-3`, `-2/3`, `[1, 2]` or `[[1, 0], [0, 1]]`, whose
    /// entries are all finite. Hexadecimal, `inf` and `nan` are not numbers; `1e309`, `0/0` and
    /// `2^1024` are refused. Errors give the column in `text`.
    public init(reading text: String) throws(EquationError) {
        let start = SourceLocation(line: 1, column: 1)
        self = try Model.constant(try Expr(parsing: text, at: start), at: start)
    }
}

extension Model {
    /// Parses an expression over this model's names (a question's answer, a learner's answer)
    /// and checks that it reads only those names, with shapes that fit; with `gradients`, it may
    /// also read their gradients, written as the tutor writes them in ASCII: `dL/dh * x`.
    public func expression(
        parsing text: String, at start: SourceLocation = SourceLocation(line: 1, column: 1), gradients: Bool = false
    ) throws(EquationError) -> Expr {
        let expression = try Expr(parsing: text, at: start, names: Set(shapes.keys), loss: gradients ? loss : nil)
        _ = try shape(of: expression, fallback: start)
        return expression
    }

    /// The shape of `expression` over this model's names (the learning rate included), or where
    /// and why it does not type-check.
    public func shape(of expression: Expr, fallback: SourceLocation) throws(EquationError) -> Shape {
        try ShapeChecker(shapes: shapes).shape(of: expression, fallback: fallback)
    }
}
