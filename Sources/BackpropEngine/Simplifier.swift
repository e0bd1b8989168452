/// Tidies a derived expression the way a person would write it: constants folded, factors of 1
/// and terms of 0 dropped, the numbers of a product gathered into one coefficient written first,
/// signs pulled to the front (also out of an entry: (−a)₁ is −a₁), and ∂L/∂L replaced by 1.
///
/// It tidies a part from its tidied parts, each part once however many expressions share it, so
/// the cost follows the number of distinct parts: a product grows by one factor without being
/// taken apart, and a product that is one factor of another stays whole (the chain rule's
/// factors, then that product).
struct Simplifier {
    /// The loss, whose gradient with respect to itself is 1.
    let loss: String
    /// The tidied form of each part met.
    private var tidied = PartTable<Expr>()

    /// A simplifier for gradients of `loss`.
    init(loss: String) {
        self.loss = loss
    }

    /// The tidied expression, equal in value to `expression`.
    mutating func simplify(_ expression: Expr) -> Expr {
        if let known = tidied[expression] { return known }
        let result = tidy(expression)
        tidied[expression] = result
        return result
    }

    private mutating func tidy(_ expression: Expr) -> Expr {
        switch expression.kind {
        case .gradient(let name) where name == loss:
            return .number(1)
        case .number, .name, .gradient:
            return expression
        case .negate(let a):
            return Simplifier.negate(simplify(a))
        case .binary(.multiply, let a, let b):
            return Simplifier.product(simplify(a), simplify(b))
        case .binary(let op, let a, let b):
            return Simplifier.binary(op, simplify(a), simplify(b))
        case .call(let function, let arguments):
            return Expr(.call(function, arguments.map { simplify($0) }))
        case .vector(let entries):
            return Expr(.vector(entries.map { simplify($0) }))
        case .matrix(let rows):
            return Expr(.matrix(rows.map { $0.map { simplify($0) } }))
        case .index(let a, let indices):
            let base = simplify(a)
            if case .negate(let inner) = base.kind { return Simplifier.negate(Expr(.index(inner, indices))) }
            return Expr(.index(base, indices))
        case .transpose(let a):
            return Expr(.transpose(simplify(a)))
        case .outer(let a, let b):
            return Expr(.outer(simplify(a), simplify(b)))
        case .broadcast(let a, let shape):
            return Expr(.broadcast(simplify(a), shape))
        case .sparse(let shape, let entries):
            return Expr(.sparse(shape, entries.map { Expr.SparseEntry(offset: $0.offset, value: simplify($0.value)) }))
        }
    }

    private static func negate(_ a: Expr) -> Expr {
        switch a.kind {
        case .number(let value): return .number(-value)
        case .negate(let inner): return inner
        case .binary(.subtract, let x, let y): return y - x
        default: return -a
        }
    }

    /// x · y of tidied x and y: their coefficients multiplied into one written first, a minus
    /// sign pulled in front, and their other factors in order, each product kept whole.
    private static func product(_ x: Expr, _ y: Expr) -> Expr {
        let (left, right) = (split(x), split(y))
        let coefficient = left.coefficient * right.coefficient
        if coefficient == 0 { return .number(0) }
        let body: Expr? = switch (left.body, right.body) {
        case let (a?, b?): a * b
        case let (a, b): a ?? b
        }
        let magnitude = abs(coefficient)
        let joined = body.map { magnitude == 1 ? $0 : .number(magnitude) * $0 } ?? .number(magnitude)
        return coefficient < 0 ? negate(joined) : joined
    }

    /// A tidied expression as its coefficient times the rest: −(2 · x · y) is −2 times x · y, and a
    /// number is itself times nothing.
    private static func split(_ expression: Expr) -> (coefficient: Double, body: Expr?) {
        switch expression.kind {
        case .number(let value):
            return (value, nil)
        case .negate(let inner):
            let (coefficient, body) = split(inner)
            return (-coefficient, body)
        case .binary(.multiply, let a, let b):
            if case .number(let value) = a.kind { return (value, b) }
            return (1, expression)
        default:
            return (1, expression)
        }
    }

    private static func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr) -> Expr {
        switch (op, a.kind, b.kind) {
        case (.add, .number(let x), .number(let y)): return .number(x + y)
        case (.subtract, .number(let x), .number(let y)): return .number(x - y)
        case (.divide, .number(let x), .number(let y)) where y != 0: return .number(x / y)
        case (.add, .number(0), _): return b
        case (.add, _, .number(0)), (.subtract, _, .number(0)): return a
        case (.subtract, .number(0), _): return negate(b)
        case (.add, _, .negate(let inner)): return a - inner
        case (.subtract, _, .negate(let inner)): return a + inner
        case (.divide, _, .number(1)), (.power, _, .number(1)): return a
        case (.power, _, .number(0)): return .number(1)
        case (.divide, .negate(let inner), _): return negate(inner / b)
        default: return Expr(.binary(op, a, b))
        }
    }
}
