/// Works out the shape of an expression from the shapes of the names it reads, and says where
/// and why when the shapes do not fit together.
struct ShapeChecker {
    /// The shape of every name in scope.
    let shapes: [String: Shape]
    /// Where the shapes of parts already worked out are kept, if anywhere.
    var known: KnownShapes?

    /// A checker over names of `shapes`, keeping the shapes it works out in `known`.
    init(shapes: [String: Shape], remembering known: KnownShapes? = nil) {
        self.shapes = shapes
        self.known = known
    }

    /// A checker over the names of the values and gradients at hand, a name's value giving its
    /// shape where both are.
    init(values: [String: Shape], gradients: [String: Shape]) {
        self.init(shapes: values.merging(gradients) { value, _ in value })
    }

    /// The shape of `expression`; errors point at the offending part, or at `fallback` when the
    /// expression carries no location.
    func shape(of expression: Expr, fallback: SourceLocation) throws(EquationError) -> Shape {
        if let shape = known?.table[expression] { return shape }
        let shape = try workOut(expression, fallback: fallback)
        known?.table[expression] = shape
        return shape
    }

    private func workOut(_ expression: Expr, fallback: SourceLocation) throws(EquationError) -> Shape {
        let location = expression.location ?? fallback
        func fail(_ message: String) -> EquationError { EquationError(message, at: location) }
        func child(_ e: Expr) throws(EquationError) -> Shape { try shape(of: e, fallback: location) }

        switch expression.kind {
        case .number:
            return .scalar
        case .name(let name), .gradient(let name):
            guard let shape = shapes[name] else { throw fail("unknown name \(name.quoted)" + ShapeChecker.entryHint(for: name, shapes)) }
            return shape
        case .negate(let a):
            return try child(a)
        case .binary(.matmul, let a, let b):
            let (left, right) = (try child(a), try child(b))
            guard let result = Tensor.productShape(left, right) else {
                throw fail("cannot multiply a \(left) by a \(right) with @")
            }
            return result
        case .binary(let op, let a, let b):
            let (left, right) = (try child(a), try child(b))
            guard let result = ShapeChecker.entryWise(left, right) else {
                throw fail("cannot apply '\(op.rawValue)' to a \(left) and a \(right): shapes differ")
            }
            return result
        case .call(let function, let arguments):
            let argumentShapes = try arguments.map { (e: Expr) throws(EquationError) -> Shape in try child(e) }
            return try ShapeChecker.result(of: function, argumentShapes, fail: fail)
        case .vector(let entries):
            for entry in entries where try child(entry) != .scalar {
                throw EquationError("a vector's entries are scalars", at: entry.location ?? location)
            }
            return .vector(entries.count)
        case .matrix(let rows):
            guard rows.allSatisfy({ $0.count == rows[0].count }) else { throw fail("a matrix's rows must have the same length") }
            for entry in rows.joined() where try child(entry) != .scalar {
                throw EquationError("a matrix's entries are scalars", at: entry.location ?? location)
            }
            return .matrix(rows.count, rows[0].count)
        case .index(let a, let indices):
            let base = try child(a)
            switch (base, indices.count) {
            case (.vector(let n), 1) where indices[0] <= n:
                return .scalar
            case (.matrix(let r, let c), 2) where indices[0] <= r && indices[1] <= c:
                return .scalar
            default:
                throw fail("index \(indices.map(String.init).joined(separator: ", ")) does not fit a \(base)")
            }
        case .transpose(let a):
            let base = try child(a)
            if case .matrix(let r, let c) = base { return .matrix(c, r) }
            return base
        case .outer(let a, let b):
            return .matrix(try child(a).count, try child(b).count)
        case .broadcast(_, let shape), .sparse(let shape, _):
            return shape
        }
    }

    /// The shape of an entry-by-entry combination: equal shapes, or a scalar with anything.
    static func entryWise(_ left: Shape, _ right: Shape) -> Shape? {
        if left == right || right == .scalar { return left }
        if left == .scalar { return right }
        return nil
    }

    /// The shape `function` returns for arguments of `shapes`.
    private static func result(
        of function: Function, _ shapes: [Shape], fail: (String) -> EquationError
    ) throws(EquationError) -> Shape {
        switch function {
        case .sigmoid, .tanh, .relu, .softplus, .exp, .log, .sqrt, .abs, .step, .sign, .sum:
            guard shapes.count == 1 else { throw fail("\(function.rawValue) takes one argument, not \(shapes.count)") }
            return function == .sum ? .scalar : shapes[0]
        case .max, .min:
            guard shapes.count == 2 else { throw fail("\(function.rawValue) takes two arguments (a, b), not \(shapes.count)") }
            guard let result = entryWise(shapes[0], shapes[1]) else {
                throw fail("cannot take the \(function.rawValue) of a \(shapes[0]) and a \(shapes[1]): shapes differ")
            }
            return result
        case .softmax, .logsoftmax:
            if shapes.count == 1, case .vector = shapes[0] { return shapes[0] }
            guard shapes.count >= 2, shapes.allSatisfy({ $0 == .scalar }) else {
                throw fail("\(function.rawValue) takes a vector, or two or more scalars")
            }
            return .vector(shapes.count)
        case .crossentropy:
            guard shapes.count == 2 else { throw fail("crossentropy takes two arguments (p, t), not \(shapes.count)") }
            guard shapes[0] == shapes[1] else {
                throw fail("crossentropy compares p and t of one shape, not a \(shapes[0]) and a \(shapes[1])")
            }
            return .scalar
        }
    }

    /// For a name like `W12` or `x2` that is no node but reads as an entry of one, how to write
    /// that entry: ` (an entry of W is written W[1, 2])`; empty otherwise.
    static func entryHint(for name: String, _ shapes: [String: Shape]) -> String {
        let digits = name.reversed().prefix(while: \.isNumber).reversed().compactMap(\.wholeNumberValue)
        let stem = String(name.dropLast(digits.count))
        switch (shapes[stem], digits.count) {
        case (.vector(let n), 1) where (1...n).contains(digits[0]):
            return " (an entry of \(stem) is written \(stem)[\(digits[0])])"
        case (.matrix(let rows, let columns), 2) where (1...rows).contains(digits[0]) && (1...columns).contains(digits[1]):
            return " (an entry of \(stem) is written \(stem)[\(digits[0]), \(digits[1])])"
        default:
            return ""
        }
    }
}
