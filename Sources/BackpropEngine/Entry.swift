/// One entry of a vector or matrix expression written out as an expression of entries, the way
/// a person works one number of a Jacobian product out by hand: entry (1, 2) of ∂L/∂h · xᵀ is
/// ∂L/∂h₁ · x₂, entry 1 of W · x is W₁₁ · x₁ + W₁₂ · x₂.
struct Entry {
    /// The shapes of the names the expressions read.
    let shapes: [String: Shape]
    /// The shapes of the parts met, each worked out once.
    private let known = KnownShapes()

    /// Entries of expressions over names of `shapes`.
    init(shapes: [String: Shape]) {
        self.shapes = shapes
    }

    /// Entry `indices` (1-based: `[i]` of a vector, `[i, j]` of a matrix) of `expression`; a
    /// part it cannot open up (a softmax) is indexed whole, `softmax(o)₁`.
    func of(_ expression: Expr, at indices: [Int]) -> Expr {
        func entry(_ part: Expr, _ at: [Int]) -> Expr { of(part, at: at) }
        guard let whole = shape(of: expression), whole != .scalar else { return expression }
        switch expression.kind {
        case .name, .gradient:
            return Expr(.index(expression, indices))
        case .negate(let a):
            return -entry(a, indices)
        case .binary(.matmul, let a, let b):
            let terms: [Expr] = switch (shape(of: a), shape(of: b)) {
            case (.matrix(_, let n), .vector): (0..<n).map { entry(a, [indices[0], $0 + 1]) * entry(b, [$0 + 1]) }
            case (.matrix(_, let n), .matrix): (0..<n).map { entry(a, [indices[0], $0 + 1]) * entry(b, [$0 + 1, indices[1]]) }
            case (.vector(let n), .matrix): (0..<n).map { entry(a, [$0 + 1]) * entry(b, [$0 + 1, indices[0]]) }
            default: []
            }
            guard let first = terms.first else { return Expr(.index(expression, indices)) }
            return terms.dropFirst().reduce(first, +)
        case .binary(let op, let a, let b):
            return Expr(.binary(op, entry(a, indices), entry(b, indices)))
        case .call(let function, let arguments) where function.isEntryWise:
            return Expr(.call(function, arguments.map { entry($0, indices) }))
        case .vector(let entries):
            return entries[indices[0] - 1]
        case .matrix(let rows):
            return rows[indices[0] - 1][indices[1] - 1]
        case .transpose(let a):
            return entry(a, indices.reversed())
        case .outer(let a, let b):
            return entry(a, [indices[0]]) * entry(b, [indices[1]])
        case .broadcast(let a, _):
            return a
        case .sparse(let shape, let entries):
            return entries.first { $0.offset == shape.offset(of: indices) }?.value ?? .number(0)
        case .number, .call, .index:
            return Expr(.index(expression, indices))
        }
    }

    private func shape(of expression: Expr) -> Shape? {
        try? ShapeChecker(shapes: shapes, remembering: known).shape(of: expression, fallback: .unknown)
    }
}
