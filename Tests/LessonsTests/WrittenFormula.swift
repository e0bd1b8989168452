/// A formula with numbers as the tutor writes it (`1.608 − 0.20 · (−0.68)`, `σ([0.50; 0.60])`,
/// `[−0.09; 0.06] · [1.00, 2.00]`, in Unicode or ASCII), read back by a parser of its own so
/// that a test can redo the arithmetic the way a learner does, from the text alone.
indirect enum WrittenFormula: Equatable {
    /// A number as written, with the decimals it was written with.
    case number(Double, decimals: Int)
    /// `[a, b]`: a row, or a matrix when its entries are rows.
    case list([WrittenFormula])
    /// `[a; b]`: a column.
    case column([WrittenFormula])
    /// −a.
    case negate(WrittenFormula)
    /// a + b, a − b, a · b (a scalar product or a matrix product), a ⊙ b, a / b, a ^ b.
    case binary(Operator, WrittenFormula, WrittenFormula)
    /// σ(a), tanh(a), relu(a), softplus(a), exp(a), log(a), sqrt(a), abs(a), step(a), sign(a),
    /// max(a, b), min(a, b), softmax(a, …), log softmax(a, …), Σ(a), crossentropy(p, t).
    case call(String, [WrittenFormula])
    /// aᵀ.
    case transpose(WrittenFormula)

    /// An operator between two parts.
    enum Operator: Equatable {
        case add, subtract, product, entryWise, divide, power
    }

    /// Why a text is not a formula with numbers only.
    enum Unreadable: Error, Equatable {
        /// It names something (`w`, `∂L/∂h`, `η`): a formula in symbols, nothing to redo.
        case symbolic
        /// It has numbers only but does not parse.
        case malformed(String)
    }

    /// The formula written in `text`.
    init(reading text: String) throws(Unreadable) {
        var parser = Parser(tokens: try Parser.tokens(of: text))
        let formula = try parser.sum()
        guard parser.position == parser.tokens.count else { throw .malformed("unexpected '\(parser.tokens[parser.position])' in \(text)") }
        self = formula
    }

    /// The formula's terms when it is a sum (`a + b + c`), else the formula alone.
    var terms: [WrittenFormula] {
        if case .binary(.add, let a, let b) = self { return a.terms + [b] }
        return [self]
    }

    /// The numbers of a number, vector or matrix written out, each with its decimals, row by row;
    /// nil for anything to compute.
    var literal: [(value: Double, decimals: Int)]? {
        switch self {
        case .number(let value, let decimals): return [(value, decimals)]
        case .negate(let inner): return inner.literal.flatMap { $0.count == 1 ? [(-$0[0].value, $0[0].decimals)] : nil }
        case .list(let entries), .column(let entries):
            let flat = entries.map(\.literal)
            return flat.contains { $0 == nil } ? nil : flat.flatMap { $0 ?? [] }
        default: return nil
        }
    }
}

/// A recursive-descent parser over the precedence the formula writer follows: sum, product,
/// unary minus, power, postfix ᵀ, atom.
private struct Parser {
    enum Token: Equatable, CustomStringConvertible {
        case number(Double, decimals: Int)
        case symbol(String)
        case function(String)
        case superscript(Int)

        var description: String {
            switch self {
            case .number(let value, _): "\(value)"
            case .symbol(let text), .function(let text): text
            case .superscript(let power): "^\(power)"
            }
        }
    }

    let tokens: [Token]
    var position = 0

    static let functions = ["σ": "sigmoid", "sigmoid": "sigmoid", "exp": "exp", "log": "log", "softmax": "softmax",
                            "Σ": "sum", "sum": "sum", "crossentropy": "crossentropy", "log softmax": "logsoftmax", "logsoftmax": "logsoftmax"]
        .merging(["tanh", "relu", "softplus", "sqrt", "abs", "step", "sign", "max", "min"].map { ($0, $0) }) { old, _ in old }
    static let superscripts: [Character: Int] = ["⁰": 0, "¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9]

    static func tokens(of text: String) throws(WrittenFormula.Unreadable) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == " " {
                index += 1
            } else if character.isASCII, character.isNumber {
                var end = index
                while end < characters.count, characters[end].isASCII, characters[end].isNumber || characters[end] == "." { end += 1 }
                let written = String(characters[index..<end])
                guard let value = Double(written) else { throw .malformed("bad number \(written)") }
                tokens.append(.number(value, decimals: written.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0))
                index = end
            } else if let power = superscripts[character] {
                tokens.append(.superscript(power))
                index += 1
            } else if character == "^", next == "T" {
                tokens.append(.symbol("ᵀ"))
                index += 2
            } else if character == ".", next == "*" {
                tokens.append(.symbol("⊙"))
                index += 2
            } else if "+−-·*@⊙/^()[],;ᵀ".contains(character) {
                tokens.append(.symbol(String(character)))
                index += 1
            } else if character == "σ" || character == "Σ" {
                tokens.append(.function(functions[String(character)] ?? ""))
                index += 1
            } else if character.isLetter {
                var end = index
                while end < characters.count, characters[end].isLetter || (characters[end] == " " && String(characters[index..<end]) == "log") {
                    end += 1
                }
                let word = String(characters[index..<end])
                guard end < characters.count, characters[end] == "(" else { throw .symbolic }
                guard let function = functions[word] else { throw .malformed("unknown function \(word)") }
                tokens.append(.function(function))
                index = end
            } else {
                throw .symbolic
            }
        }
        return tokens
    }

    mutating func sum() throws(WrittenFormula.Unreadable) -> WrittenFormula {
        var formula = try product()
        while let op = take(["+": .add, "−": .subtract, "-": .subtract]) {
            formula = .binary(op, formula, try product())
        }
        return formula
    }

    mutating func product() throws(WrittenFormula.Unreadable) -> WrittenFormula {
        var formula = try unary()
        while let op = take(["·": .product, "*": .product, "@": .product, "⊙": .entryWise, "/": .divide]) {
            formula = .binary(op, formula, try unary())
        }
        return formula
    }

    mutating func unary() throws(WrittenFormula.Unreadable) -> WrittenFormula {
        if take("−") || take("-") { return .negate(try unary()) }
        return try power()
    }

    mutating func power() throws(WrittenFormula.Unreadable) -> WrittenFormula {
        var formula = try postfix()
        while true {
            if position < tokens.count, case .superscript(let power) = tokens[position] {
                position += 1
                formula = .binary(.power, formula, .number(Double(power), decimals: 0))
            } else if take("^") {
                formula = .binary(.power, formula, try atom())
            } else {
                return formula
            }
        }
    }

    mutating func postfix() throws(WrittenFormula.Unreadable) -> WrittenFormula {
        var formula = try atom()
        while take("ᵀ") { formula = .transpose(formula) }
        return formula
    }

    mutating func atom() throws(WrittenFormula.Unreadable) -> WrittenFormula {
        guard position < tokens.count else { throw .malformed("the formula ends too soon") }
        let token = tokens[position]
        position += 1
        switch token {
        case .number(let value, let decimals):
            return .number(value, decimals: decimals)
        case .function(let name):
            try expect("(")
            return .call(name, try list(closing: ")"))
        case .symbol("("):
            let inner = try sum()
            try expect(")")
            return inner
        case .symbol("["):
            let first = try sum()
            if take(";") {
                var entries = [first, try sum()]
                while take(";") { entries.append(try sum()) }
                try expect("]")
                return .column(entries)
            }
            var entries = [first]
            while take(",") { entries.append(try sum()) }
            try expect("]")
            return .list(entries)
        default:
            throw .malformed("unexpected '\(token)'")
        }
    }

    mutating func list(closing: String) throws(WrittenFormula.Unreadable) -> [WrittenFormula] {
        var entries = [try sum()]
        while take(",") { entries.append(try sum()) }
        try expect(closing)
        return entries
    }

    mutating func expect(_ symbol: String) throws(WrittenFormula.Unreadable) {
        guard take(symbol) else { throw .malformed("expected '\(symbol)'") }
    }

    /// True, consuming it, when the next token is `symbol`.
    mutating func take(_ symbol: String) -> Bool {
        guard position < tokens.count, tokens[position] == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    /// The operator of the next token when it is one of `symbols`, consuming it.
    mutating func take(_ symbols: [String: WrittenFormula.Operator]) -> WrittenFormula.Operator? {
        guard position < tokens.count, case .symbol(let text) = tokens[position], let op = symbols[text] else { return nil }
        position += 1
        return op
    }
}
