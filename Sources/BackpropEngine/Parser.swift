/// Reads expressions of the equation language:
///
///     expr    := term (('+' | '-') term)*
///     term    := unary (('*' | '/' | '@') unary)*
///     unary   := '-' unary | power
///     power   := postfix ('^' unary)?
///     postfix := primary ('[' INT (',' INT)* ']')*
///     primary := NUMBER | NAME | NAME '(' expr (',' expr)* ')' | '(' expr ')' | '[' expr (',' expr)* ']'
///
/// A bracketed list of bracketed lists is a matrix, row by row. `e^a` is `exp(a)` unless `e` is
/// one of the names in scope. Given the loss `L`, `dL/dh` is the gradient ∂L/∂h, as the tutor
/// writes it in ASCII, unless `dL` is a name in scope. Two operands side by side (`2h`, `q(1-q)`) are refused with the
/// product spelt out, since the language writes every `*`.
struct Parser {
    private var tokens: [Token]
    /// The line read, to quote its own spelling in an error.
    private let characters: [Character]
    /// Where the line starts.
    private let start: SourceLocation
    /// The names in scope: such a name before `(` is a product missing its `*`, not a call, and
    /// `e` among them is a value, not Euler's number.
    private let names: Set<String>
    /// The loss whose gradients `dL/dh` reads, if gradients are read at all.
    private let loss: String?
    private var position = 0
    /// How deeply the expression being read is nested.
    private var depth = 0
    /// Deeper nesting is refused rather than risk the stack.
    static let maximumDepth = 64

    /// A parser over one line of text starting at `start`, with `names` in scope, reading the
    /// gradients of `loss` when it is given.
    init(line: String, start: SourceLocation, names: Set<String> = [], loss: String? = nil) throws(EquationError) {
        tokens = try Lexer.tokens(line, start: start)
        characters = Array(line)
        self.start = start
        self.names = names
        self.loss = loss
    }

    /// Parses a whole line of text (starting at `start`) as one expression over `names`, reading
    /// the gradients of `loss` when it is given.
    static func expression(
        _ text: String, start: SourceLocation = SourceLocation(line: 1, column: 1), names: Set<String> = [], loss: String? = nil
    ) throws(EquationError) -> Expr {
        var parser = try Parser(line: text, start: start, names: names, loss: loss)
        let expression = try parser.expression()
        try parser.expectEnd()
        return expression
    }

    /// The token under the cursor.
    var current: Token { tokens[position] }

    /// Fails unless every token has been read.
    func expectEnd() throws(EquationError) {
        guard current.kind == .end else {
            throw EquationError("unexpected \(current.spelling) after the expression", at: current.location)
        }
    }

    /// Reads one expression.
    mutating func expression() throws(EquationError) -> Expr {
        try enter(at: current.location)
        defer { depth -= 1 }
        var left = try term()
        while let op = take(["+": .add, "-": .subtract]) {
            left = Expr(.binary(op.0, left, try term()), at: op.1)
        }
        return left
    }

    private mutating func term() throws(EquationError) -> Expr {
        var left = try unary()
        while let op = take(["*": .multiply, "/": .divide, "@": .matmul]) {
            left = Expr(.binary(op.0, left, try unary()), at: op.1)
        }
        return left
    }

    private mutating func unary() throws(EquationError) -> Expr {
        let location = current.location
        guard skip("-") else { return try power() }
        try enter(at: location)
        defer { depth -= 1 }
        return Expr(.negate(try unary()), at: location)
    }

    private mutating func power() throws(EquationError) -> Expr {
        let first = position
        let base = try postfix()
        try refuseMissingProduct(after: first)
        guard let op = take(["^": .power]) else { return base }
        try enter(at: op.1)
        defer { depth -= 1 }
        let exponent = try unary()
        if base.kind == .name("e"), !names.contains("e") {
            return Expr(.call(.exp, [exponent]), at: base.location)
        }
        return Expr(.binary(op.0, base, exponent), at: op.1)
    }

    /// Refuses an operand standing right after the one that began at token `first`, as in `2h`
    /// or `q(1-q)`: a product without its `*`, spelt out in the error where the `*` belongs.
    private mutating func refuseMissingProduct(after first: Int) throws(EquationError) {
        switch current.kind {
        case .number, .name, .symbol("("): break
        default: return
        }
        let (left, middle, location) = (spelling(from: first, to: position), position, current.location)
        _ = try power()
        throw EquationError("missing '*': write \(left)*\(spelling(from: middle, to: position))", at: location)
    }

    /// The text of tokens `from..<to` as written, without the spaces after it.
    private func spelling(from: Int, to: Int) -> String {
        let begin = tokens[from].location.column - start.column
        var end = tokens[to].location.column - start.column
        while end > begin, characters[end - 1].isWhitespace { end -= 1 }
        return String(characters[begin..<end])
    }

    /// One level deeper; refused past `maximumDepth` rather than risk the stack.
    private mutating func enter(at location: SourceLocation) throws(EquationError) {
        depth += 1
        guard depth <= Parser.maximumDepth else {
            throw EquationError("the expression is nested more than \(Parser.maximumDepth) deep", at: location)
        }
    }

    private mutating func postfix() throws(EquationError) -> Expr {
        var expression = try primary()
        while current.kind == .symbol("[") {
            let location = current.location
            position += 1
            var indices: [Int] = []
            repeat {
                guard case .number(let value) = current.kind, value >= 1, value == value.rounded(), value < 1e9 else {
                    throw EquationError("an index is a whole number from 1, not \(current.spelling)", at: current.location)
                }
                indices.append(Int(value))
                position += 1
            } while skip(",")
            try expect("]")
            expression = Expr(.index(expression, indices), at: location)
        }
        return expression
    }

    private mutating func primary() throws(EquationError) -> Expr {
        let token = current
        switch token.kind {
        case .number(let value):
            position += 1
            return Expr(.number(value), at: token.location)
        case .name(let name):
            position += 1
            if let node = gradientNode(after: name) {
                position += 2
                return Expr(.gradient(node), at: token.location)
            }
            let callable = Function(rawValue: name).map(Function.callable.contains) ?? false
            // A name in scope before '(' is a product missing its '*': the caller says so.
            guard current.kind == .symbol("("), callable || !names.contains(name) else { return Expr(.name(name), at: token.location) }
            position += 1
            guard let function = Function(rawValue: name), callable else {
                let known = Function.callable.map(\.rawValue).joined(separator: ", ")
                throw EquationError("unknown function '\(name)' (known: \(known))", at: token.location)
            }
            let arguments = try list(closing: ")")
            return Expr(.call(function, arguments), at: token.location)
        case .symbol("("):
            position += 1
            let inner = try expression()
            try expect(")")
            return inner
        case .symbol("["):
            position += 1
            let entries = try list(closing: "]")
            let rows = entries.compactMap { entry -> [Expr]? in
                if case .vector(let row) = entry.kind { return row }
                return nil
            }
            if rows.count == entries.count {
                return Expr(.matrix(rows), at: token.location)
            }
            return Expr(.vector(entries), at: token.location)
        default:
            throw EquationError("expected a number, a name or '(' but found \(token.spelling)", at: token.location)
        }
    }

    /// The node `h` when `name` and the tokens after it read `dL/dh`, `L` being the loss whose
    /// gradients are read and `dL` not a name in scope.
    private func gradientNode(after name: String) -> String? {
        guard let loss, name == "d" + loss, !names.contains(name), position + 1 < tokens.count,
              tokens[position].kind == .symbol("/"), case .name(let next) = tokens[position + 1].kind, next.count > 1, next.hasPrefix("d")
        else { return nil }
        return String(next.dropFirst())
    }

    /// Reads `expr (',' expr)*` and the closing symbol.
    private mutating func list(closing: Character) throws(EquationError) -> [Expr] {
        var items = [try expression()]
        while skip(",") { items.append(try expression()) }
        try expect(closing)
        return items
    }

    /// Consumes `symbol` and fails when it is not next.
    mutating func expect(_ symbol: Character) throws(EquationError) {
        guard skip(symbol) else {
            throw EquationError("expected '\(symbol)' but found \(current.spelling)", at: current.location)
        }
    }

    /// Consumes `symbol` when it is next.
    mutating func skip(_ symbol: Character) -> Bool {
        guard current.kind == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    /// Consumes a name when it is next.
    mutating func takeName() -> (String, SourceLocation)? {
        guard case .name(let name) = current.kind else { return nil }
        position += 1
        return (name, tokens[position - 1].location)
    }

    private mutating func take(_ operators: [Character: BinaryOperator]) -> (BinaryOperator, SourceLocation)? {
        guard case .symbol(let symbol) = current.kind, let op = operators[symbol] else { return nil }
        position += 1
        return (op, tokens[position - 1].location)
    }
}
