/// Writes expressions as formulas, symbolically (`∂L/∂h · x`) or with numbers substituted
/// (`−1.90 · 1.00`), parenthesising only where precedence needs it. A vector is a column,
/// `[a; b]`; its transpose with numbers is the row `[a, b]`, so that `∂L/∂h · xᵀ` reads
/// `[−0.09; 0.06] · [1.00, 2.00]`, a column times a row.
public struct FormulaWriter: Sendable {
    /// How numbers and names are written.
    public let notation: Notation
    /// The shapes of the names, which tell a scalar product `·` from an entry-wise `⊙`.
    public let shapes: [String: Shape]

    /// A writer for a model's formulas.
    public init(notation: Notation, shapes: [String: Shape]) {
        self.notation = notation
        self.shapes = shapes
    }

    /// The formula in symbols.
    public func symbolic(_ expression: Expr) -> String {
        write(expression, numbers: OperandTable([])).text
    }

    /// The formula with every name and gradient replaced by its number, each with the fewest
    /// decimals (at least `precision`) that let a learner redo the line by hand and get its result.
    public func substituted(_ expression: Expr, _ bindings: Bindings) -> String {
        substituted(expression, bindings, alsoGiving: [])
    }

    /// The formula with numbers, whose terms also give `paths`, the numbers of the line after it.
    func substituted(_ expression: Expr, _ bindings: Bindings, alsoGiving paths: [Operand]) -> String {
        let result = (try? bindings.evaluate(expression)).map { Claim(expression: expression, value: $0, decimals: notation.precision) }
        let claims = [result].compactMap { $0 } + paths.map { Claim(expression: $0.expression, value: $0.value, decimals: $0.decimals) }
        return written(expression, fewestDecimals(operands(of: expression, bindings), claims))
    }

    /// The formula with each of `operands` written as its number.
    func written(_ expression: Expr, _ operands: [Operand]) -> String {
        write(expression, numbers: OperandTable(operands)).text
    }

    /// How tightly a piece of text binds, from a sum (loosest) to an atom.
    private enum Precedence: Int, Comparable {
        case sum = 1, product, unary, power, postfix, atom
        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    private struct Piece {
        let text: String
        let precedence: Precedence
        func wrapped(if condition: Bool) -> String { condition ? "(\(text))" : text }
    }

    private func write(_ expression: Expr, numbers: OperandTable) -> Piece {
        // A long formula works out each part's shape once; a short one walks its few parts again.
        let long = expression.extent(maximumParts: 64, maximumLevels: .max) == nil
        return write(expression, numbers: numbers, ShapeChecker(shapes: shapes, remembering: long ? KnownShapes() : nil))
    }

    /// `expression` written, with `numbers` in place of their parts; `checker` tells the shapes of
    /// the parts, each worked out once.
    private func write(_ expression: Expr, numbers: OperandTable, _ checker: ShapeChecker) -> Piece {
        func w(_ e: Expr) -> Piece { write(e, numbers: numbers, checker) }
        if let operand = numbers[expression] { return number(operand.value, decimals: operand.decimals) }
        switch expression.kind {
        case .number(let value):
            return Piece(text: notation.constant(value), precedence: value < 0 ? .unary : .atom)
        case .name(let name):
            return Piece(text: notation.name(name), precedence: .atom)
        case .gradient(let name):
            return Piece(text: notation.gradient(name), precedence: .atom)
        case .negate(let a):
            let inner = w(a)
            return Piece(text: notation.minus + inner.wrapped(if: inner.precedence < .product || inner.precedence == .unary), precedence: .unary)
        case .binary(let op, let a, let b):
            return binary(op, a, b, numbers: numbers, checker)
        case .call(let function, let arguments):
            let list = arguments.map { w($0).text }.joined(separator: ", ")
            return Piece(text: "\(name(of: function))(\(list))", precedence: .atom)
        case .vector(let entries):
            return Piece(text: "[" + entries.map { w($0).text }.joined(separator: Notation.columnSeparator) + "]", precedence: .atom)
        case .matrix(let rows):
            let text = rows.map { "[" + $0.map { w($0).text }.joined(separator: ", ") + "]" }.joined(separator: ", ")
            return Piece(text: "[\(text)]", precedence: .atom)
        case .index(let a, let indices):
            let base = w(a)
            let position = indices.map(String.init).joined(separator: notation.unicode ? "" : ",")
            return Piece(text: base.wrapped(if: base.precedence < .postfix) + notation.subscripted(position), precedence: .postfix)
        case .transpose(let a):
            if let operand = numbers[a], case .vector = operand.value.shape {
                return Piece(text: notation.row(operand.value, decimals: operand.decimals), precedence: .atom)
            }
            let base = w(a)
            return Piece(text: base.wrapped(if: base.precedence < .postfix) + (notation.unicode ? "ᵀ" : "^T"), precedence: .postfix)
        case .outer(let a, let b):
            return binary(.matmul, a, Expr(.transpose(b)), numbers: numbers, checker)
        case .broadcast(let a, _):
            return w(a)
        case .sparse(let shape, let entries):
            var texts = Array(repeating: notation.constant(0), count: shape.count)
            for entry in entries { texts[entry.offset] = w(entry.value).text }
            guard case .matrix(let rows, let columns) = shape else {
                return Piece(text: "[" + texts.joined(separator: Notation.columnSeparator) + "]", precedence: .atom)
            }
            let text = (0..<rows).map { "[" + texts[$0 * columns..<($0 + 1) * columns].joined(separator: ", ") + "]" }.joined(separator: ", ")
            return Piece(text: "[\(text)]", precedence: .atom)
        }
    }

    /// How a function is written: in Unicode, σ, Σ and log softmax by their symbols.
    private func name(of function: Function) -> String {
        switch function {
        case .sigmoid where notation.unicode: "σ"
        case .sum where notation.unicode: "Σ"
        case .logsoftmax where notation.unicode: "log softmax"
        default: function.rawValue
        }
    }

    private func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, numbers: OperandTable, _ checker: ShapeChecker) -> Piece {
        let (left, right) = (write(a, numbers: numbers, checker), write(b, numbers: numbers, checker))
        if op == .power {
            let base = left.wrapped(if: left.precedence < .postfix)
            if notation.unicode, case .number(let exponent) = b.kind, exponent == exponent.rounded(), exponent >= 0, exponent < 10 {
                let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
                return Piece(text: base + String(superscripts[Int(exponent)]), precedence: .power)
            }
            return Piece(text: base + "^" + right.wrapped(if: right.precedence < .atom), precedence: .power)
        }
        let precedence: Precedence = op == .add || op == .subtract ? .sum : .product
        let associative = op == .add || op == .multiply
        let sameOperator: Bool = {
            if case .binary(let inner, _, _) = b.kind { return inner == op }
            return false
        }()
        let rightWrapped = right.precedence < precedence || right.precedence == .unary
            || (right.precedence == precedence && !(associative && sameOperator))
        return Piece(
            text: left.wrapped(if: left.precedence < precedence) + " \(symbol(op, a, b, checker)) " + right.wrapped(if: rightWrapped),
            precedence: precedence
        )
    }

    /// The operator's sign; `*` between two non-scalars is the entry-wise ⊙.
    private func symbol(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ checker: ShapeChecker) -> String {
        switch op {
        case .add: return "+"
        case .subtract: return notation.minus
        case .divide: return "/"
        case .power: return "^"
        case .matmul: return notation.unicode ? "·" : "@"
        case .multiply:
            let here = SourceLocation(line: 0, column: 0)
            let entryWise = (try? checker.shape(of: a, fallback: here)) != .scalar && (try? checker.shape(of: b, fallback: here)) != .scalar
            if notation.unicode { return entryWise ? "⊙" : "·" }
            return entryWise ? ".*" : "*"
        }
    }

    private func number(_ value: Tensor, decimals: Int) -> Piece {
        let text = notation.tensor(value, decimals: decimals)
        return Piece(text: text, precedence: value.shape == .scalar && text.hasPrefix(notation.minus) ? .unary : .atom)
    }
}
