/// Tidies a derived expression the way a person would write it: constants folded, factors of 1
/// and terms of 0 dropped, signs pulled to the front (also out of an entry: (−a)₁ is −a₁), and
/// ∂L/∂L replaced by 1.
struct Simplifier {
    /// The loss, whose gradient with respect to itself is 1.
    let loss: String

    /// The tidied expression, equal in value to `expression`.
    func simplify(_ expression: Expr) -> Expr {
        switch expression.kind {
        case .gradient(let name) where name == loss:
            return .number(1)
        case .number, .name, .gradient:
            return expression
        case .negate(let a):
            return negate(simplify(a))
        case .binary(.multiply, _, _):
            return product(of: factors(of: expression).map(simplify))
        case .binary(let op, let a, let b):
            return binary(op, simplify(a), simplify(b))
        case .call(let function, let arguments):
            return Expr(.call(function, arguments.map(simplify)))
        case .vector(let entries):
            return Expr(.vector(entries.map(simplify)))
        case .matrix(let rows):
            return Expr(.matrix(rows.map { $0.map(simplify) }))
        case .index(let a, let indices):
            let base = simplify(a)
            if case .negate(let inner) = base.kind { return negate(Expr(.index(inner, indices))) }
            return Expr(.index(base, indices))
        case .transpose(let a):
            return Expr(.transpose(simplify(a)))
        case .outer(let a, let b):
            return Expr(.outer(simplify(a), simplify(b)))
        case .broadcast(let a, let shape):
            return Expr(.broadcast(simplify(a), shape))
        }
    }

    private func negate(_ a: Expr) -> Expr {
        switch a.kind {
        case .number(let value): return .number(-value)
        case .negate(let inner): return inner
        case .binary(.subtract, let x, let y): return y - x
        default: return -a
        }
    }

    /// The operands of a chain of `*`, in order.
    private func factors(of expression: Expr) -> [Expr] {
        guard case .binary(.multiply, let a, let b) = expression.kind else { return [expression] }
        return factors(of: a) + factors(of: b)
    }

    /// The product of `factors` with the numbers multiplied into one leading coefficient and
    /// minus signs pulled out in front.
    private func product(of factors: [Expr]) -> Expr {
        var coefficient = 1.0
        var rest: [Expr] = []
        for factor in factors.flatMap({ self.factors(of: $0) }) {
            switch factor.kind {
            case .number(let value): coefficient *= value
            case .negate(let inner): coefficient = -coefficient; rest.append(inner)
            default: rest.append(factor)
            }
        }
        if coefficient == 0 { return .number(0) }
        let magnitude = abs(coefficient)
        let body = (magnitude == 1 ? [] : [Expr.number(magnitude)]) + rest
        let joined = body.dropFirst().reduce(body.first ?? .number(1)) { $0 * $1 }
        return coefficient < 0 ? negate(joined) : joined
    }

    private func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr) -> Expr {
        switch (op, a.kind, b.kind) {
        case (.add, .number(let x), .number(let y)): return .number(x + y)
        case (.subtract, .number(let x), .number(let y)): return .number(x - y)
        case (.divide, .number(let x), .number(let y)) where y != 0: return .number(x / y)
        case (.add, .number(0), _): return b
        case (.add, _, .number(0)), (.subtract, _, .number(0)): return a
        case (.subtract, .number(0), _): return negate(b)
        case (.add, .vector(let x), .vector(let y)) where x.count == y.count:
            return Expr(.vector(zip(x, y).map { binary(.add, $0, $1) }))
        case (.add, _, .negate(let inner)): return a - inner
        case (.subtract, _, .negate(let inner)): return a + inner
        case (.divide, _, .number(1)), (.power, _, .number(1)): return a
        case (.power, _, .number(0)): return .number(1)
        case (.divide, .negate(let inner), _): return negate(inner / b)
        default: return Expr(.binary(op, a, b))
        }
    }
}
