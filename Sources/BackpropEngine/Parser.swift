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
    /// How deeply the parser is inside the expression being read: parentheses, brackets, calls,
    /// signs and powers.
    private var nesting = 0
    /// How many parts other than numbers the expression being read has so far.
    private(set) var parts = 0
    /// How many numbers the expression being read has so far.
    private var numbers = 0

    /// A part read, with the number of levels of its tree.
    private struct Node {
        let expression: Expr
        let levels: Int
    }

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

    /// Reads one expression; one larger than `ExpressionLimits` allows is refused where it
    /// passes the limit.
    mutating func expression() throws(EquationError) -> Expr {
        (parts, numbers) = (0, 0)
        return try sum().expression
    }

    private mutating func sum() throws(EquationError) -> Node {
        try enter(at: current.location)
        defer { nesting -= 1 }
        var left = try term()
        while let op = take(["+": .add, "-": .subtract]) {
            let right = try term()
            left = try node(.binary(op.0, left.expression, right.expression), at: op.1, over: [left, right])
        }
        return left
    }

    private mutating func term() throws(EquationError) -> Node {
        var left = try unary()
        while let op = take(["*": .multiply, "/": .divide, "@": .matmul]) {
            let right = try unary()
            left = try node(.binary(op.0, left.expression, right.expression), at: op.1, over: [left, right])
        }
        return left
    }

    private mutating func unary() throws(EquationError) -> Node {
        let location = current.location
        guard skip("-") else { return try power() }
        try enter(at: location)
        defer { nesting -= 1 }
        let operand = try unary()
        // A minus written before a number is part of the number: −0.09 is one part, not two.
        if case .number(let value) = operand.expression.kind {
            return Node(expression: Expr(.number(-value), at: location), levels: operand.levels)
        }
        return try node(.negate(operand.expression), at: location, over: [operand])
    }

    private mutating func power() throws(EquationError) -> Node {
        let first = position
        let base = try postfix()
        try refuseMissingProduct(after: first)
        guard let op = take(["^": .power]) else { return base }
        try enter(at: op.1)
        defer { nesting -= 1 }
        let exponent = try unary()
        if base.expression.kind == .name("e"), !names.contains("e") {
            return try node(.call(.exp, [exponent.expression]), at: base.expression.location ?? op.1, over: [exponent])
        }
        return try node(.binary(op.0, base.expression, exponent.expression), at: op.1, over: [base, exponent])
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
        throw EquationError("missing '*': write \(left.abbreviated)*\(spelling(from: middle, to: position).abbreviated)", at: location)
    }

    /// The text of tokens `from..<to` as written, without the spaces after it.
    private func spelling(from: Int, to: Int) -> String {
        let begin = tokens[from].location.column - start.column
        var end = tokens[to].location.column - start.column
        while end > begin, characters[end - 1].isWhitespace { end -= 1 }
        return String(characters[begin..<end])
    }

    /// One level deeper into the text; refused past `ExpressionLimits.levels`.
    private mutating func enter(at location: SourceLocation) throws(EquationError) {
        nesting += 1
        guard nesting <= ExpressionLimits.levels else { throw Parser.tooDeep(at: location) }
    }

    /// A new part of `kind` over the parts `children`, refused past `ExpressionLimits`.
    private mutating func node(_ kind: Expr.Kind, at location: SourceLocation, over children: [Node]) throws(EquationError) -> Node {
        // A number is a leaf every walk passes in constant time: numbers have a limit of their
        // own, so that a large matrix of starting values can be written out.
        if case .number = kind {
            numbers += 1
            guard numbers <= ExpressionLimits.numbers else {
                throw EquationError("the expression has more than \(ExpressionLimits.numbers) numbers", at: location)
            }
        } else {
            parts += 1
            guard parts <= ExpressionLimits.parts else {
                throw EquationError("the expression has more than \(ExpressionLimits.parts) parts (names and operations)", at: location)
            }
        }
        let levels = (children.map(\.levels).max() ?? 0) + 1
        guard levels <= ExpressionLimits.levels else { throw Parser.tooDeep(at: location) }
        return Node(expression: Expr(kind, at: location), levels: levels)
    }

    private static func tooDeep(at location: SourceLocation) -> EquationError {
        EquationError("the expression is more than \(ExpressionLimits.levels) levels deep (each operator of a chain such as a + b + c is one level)", at: location)
    }

    private mutating func postfix() throws(EquationError) -> Node {
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
            expression = try node(.index(expression.expression, indices), at: location, over: [expression])
        }
        return expression
    }

    private mutating func primary() throws(EquationError) -> Node {
        let token = current
        switch token.kind {
        case .number(let value):
            position += 1
            return try node(.number(value), at: token.location, over: [])
        case .name(let name):
            position += 1
            if let gradient = gradientNode(after: name) {
                position += 2
                return try node(.gradient(gradient), at: token.location, over: [])
            }
            let callable = Function(rawValue: name).map(Function.callable.contains) ?? false
            // A name in scope before '(' is a product missing its '*': the caller says so.
            guard current.kind == .symbol("("), callable || !names.contains(name) else { return try node(.name(name), at: token.location, over: []) }
            position += 1
            guard let function = Function(rawValue: name), callable else {
                let known = Function.callable.map(\.rawValue).joined(separator: ", ")
                throw EquationError("unknown function \(name.quoted) (known: \(known))", at: token.location)
            }
            let arguments = try list(closing: ")")
            return try node(.call(function, arguments.map(\.expression)), at: token.location, over: arguments)
        case .symbol("("):
            position += 1
            let inner = try sum()
            try expect(")")
            return inner
        case .symbol("["):
            position += 1
            let entries = try list(closing: "]")
            let rows = entries.compactMap { entry -> [Expr]? in
                if case .vector(let row) = entry.expression.kind { return row }
                return nil
            }
            if rows.count == entries.count {
                return try node(.matrix(rows), at: token.location, over: entries)
            }
            return try node(.vector(entries.map(\.expression)), at: token.location, over: entries)
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
    private mutating func list(closing: Character) throws(EquationError) -> [Node] {
        var items = [try sum()]
        while skip(",") { items.append(try sum()) }
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
