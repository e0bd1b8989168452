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
        formula(expression, numbers: OperandTable([])).symbols
    }

    /// The formula with every name and gradient replaced by its number, each with the fewest
    /// decimals (at least `precision`) that let a learner redo the line by hand and get its result.
    public func substituted(_ expression: Expr, _ bindings: Bindings) -> String {
        let request = LineProgram.Request(plugging: expression, into: bindings)
        var program = LineProgram([request], over: bindings)
        _ = program.load(.bindings(bindings))
        program.run(notation)
        var (text, parts): ([UInt8], [Range<Int>]) = ([], [])
        formula(expression, numbers: OperandTable(request.operands)).write(into: &text, parts: &parts, minus: notation.minus) { segment, text in
            if case .number(let index, let form) = segment { program.write(operand: index, asRow: form == .row, notation, into: &text) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The formula with a place for the number of each of `operands` where it stands.
    func formula(_ expression: Expr, numbers: OperandTable) -> LineText {
        // A long formula works out each part's shape once; a short one walks its few parts again.
        let long = expression.extent(maximumParts: 64, maximumLevels: .max) == nil
        return write(expression, numbers: numbers, ShapeChecker(shapes: shapes, remembering: long ? KnownShapes() : nil)).text
    }

    /// How tightly a piece of text binds, from a sum (loosest) to an atom.
    private enum Precedence: Int, Comparable {
        case sum = 1, product, unary, power, postfix, atom
        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    /// A part of a formula written out, and how tightly it binds; an operand's number that is a
    /// scalar binds as a unary minus when it is negative.
    private struct Piece {
        let text: LineText
        let precedence: Precedence
        var signed = false

        init(_ text: LineText, _ precedence: Precedence, signed: Bool = false) {
            (self.text, self.precedence, self.signed) = (text, precedence, signed)
        }

        init(_ text: String, _ precedence: Precedence) {
            self.init(LineText(text), precedence)
        }

        /// The text, in parentheses where `wraps` says a piece that binds so tightly needs them.
        func wrapped(when wraps: (Precedence) -> Bool) -> LineText {
            if wraps(precedence) { return LineText("(") + text + LineText(")") }
            return signed && wraps(.unary) ? text.parenthesisedWhenNegative : text
        }
    }

    /// `expression` written, with `numbers` in place of their parts; `checker` tells the shapes of
    /// the parts, each worked out once.
    private func write(_ expression: Expr, numbers: OperandTable, _ checker: ShapeChecker) -> Piece {
        func w(_ e: Expr) -> Piece { write(e, numbers: numbers, checker) }
        if let index = numbers.index(of: expression) {
            return Piece(LineText(number: index), .atom, signed: numbers.operands[index].shape == .scalar)
        }
        switch expression.kind {
        case .number(let value):
            return Piece(notation.constant(value), value < 0 ? .unary : .atom)
        case .name(let name):
            return Piece(notation.name(name), .atom)
        case .gradient(let name):
            return Piece(notation.gradient(name), .atom)
        case .negate(let a):
            let inner = w(a).wrapped { $0 < .product || $0 == .unary }
            return Piece(LineText(notation.minus) + inner, .unary)
        case .binary(let op, let a, let b):
            return binary(op, a, b, numbers: numbers, checker)
        case .call(let function, let arguments):
            let list = LineText.joined(arguments.map { w($0).text }, separator: ", ")
            return Piece(LineText("\(name(of: function))(") + list + LineText(")"), .atom)
        case .vector(let entries):
            return Piece(bracketed(LineText.joined(entries.map { w($0).text }, separator: Notation.columnSeparator)), .atom)
        case .matrix(let rows):
            return Piece(bracketed(LineText.joined(rows.map { bracketed(LineText.joined($0.map { w($0).text }, separator: ", ")) }, separator: ", ")), .atom)
        case .index(let a, let indices):
            let base = w(a).wrapped { $0 < .postfix }
            let position = indices.map(String.init).joined(separator: notation.unicode ? "" : ",")
            return Piece(base + LineText(notation.subscripted(position)), .postfix)
        case .transpose(let a):
            if let index = numbers.index(of: a), case .vector = numbers.operands[index].shape {
                return Piece(LineText(number: index, .row), .atom)
            }
            let base = w(a).wrapped { $0 < .postfix }
            return Piece(base + LineText(notation.unicode ? "ᵀ" : "^T"), .postfix)
        case .outer(let a, let b):
            return binary(.matmul, a, Expr(.transpose(b)), numbers: numbers, checker)
        case .broadcast(let a, _):
            return w(a)
        case .sparse(let shape, let entries):
            var texts = Array(repeating: LineText(notation.constant(0)), count: shape.count)
            for entry in entries { texts[entry.offset] = w(entry.value).text }
            guard case .matrix(let rows, let columns) = shape else {
                return Piece(bracketed(LineText.joined(texts, separator: Notation.columnSeparator)), .atom)
            }
            let lines = (0..<rows).map { bracketed(LineText.joined(Array(texts[$0 * columns..<($0 + 1) * columns]), separator: ", ")) }
            return Piece(bracketed(LineText.joined(lines, separator: ", ")), .atom)
        }
    }

    /// `text` in square brackets.
    private func bracketed(_ text: LineText) -> LineText {
        LineText("[") + text + LineText("]")
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
            let base = left.wrapped { $0 < .postfix }
            if notation.unicode, case .number(let exponent) = b.kind, exponent == exponent.rounded(), exponent >= 0, exponent < 10 {
                let superscripts = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
                return Piece(base + LineText(superscripts[Int(exponent)]), .power)
            }
            return Piece(base + LineText("^") + right.wrapped { $0 < .atom }, .power)
        }
        let precedence: Precedence = op == .add || op == .subtract ? .sum : .product
        let associative = op == .add || op == .multiply
        let sameOperator: Bool = {
            if case .binary(let inner, _, _) = b.kind { return inner == op }
            return false
        }()
        let rightText = right.wrapped { $0 < precedence || $0 == .unary || ($0 == precedence && !(associative && sameOperator)) }
        return Piece(left.wrapped { $0 < precedence } + LineText(" \(symbol(op, a, b, checker)) ") + rightText, precedence)
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
            let entryWise = (try? checker.shape(of: a, fallback: .unknown)) != .scalar && (try? checker.shape(of: b, fallback: .unknown)) != .scalar
            if notation.unicode { return entryWise ? "⊙" : "·" }
            return entryWise ? ".*" : "*"
        }
    }
}
