/// Computes the value of an expression from the values (and gradients) of the names it reads.
/// The functions are written to stay finite at the extremes: σ, tanh, softplus, softmax and
/// log-softmax never overflow, and the logarithm of a probability that underflowed to 0 is taken
/// at the smallest normal `Double`. The square root of a negative number is a `DomainError`,
/// not a NaN.
struct Evaluator {
    /// The value of every name in scope.
    let values: [String: Tensor]
    /// ∂loss/∂name for the names whose gradient is known.
    var gradients: [String: Tensor] = [:]

    /// The value of `expression`.
    func evaluate(_ expression: Expr) throws -> Tensor {
        switch expression.kind {
        case .number(let value):
            return Tensor(value)
        case .name(let name):
            guard let value = values[name] else { throw EvaluationError("no value for '\(name)'") }
            return value
        case .gradient(let name):
            guard let value = gradients[name] else { throw EvaluationError("no gradient for '\(name)'") }
            return value
        case .negate(let a):
            return try evaluate(a).map { -$0 }
        case .binary(let op, let a, let b):
            let (left, right) = (try evaluate(a), try evaluate(b))
            switch op {
            case .add: return try left.zip(right, +)
            case .subtract: return try left.zip(right, -)
            case .multiply: return try left.zip(right, *)
            case .divide: return try left.zip(right, /)
            case .power: return try left.zip(right, Evaluator.power)
            case .matmul: return try left.matmul(right)
            }
        case .call(let function, let arguments):
            return try call(function, try arguments.map(evaluate))
        case .vector(let entries):
            return Tensor(vector: try entries.map { try evaluate($0).scalar })
        case .matrix(let rows):
            return Tensor(rows: try rows.map { try $0.map { try evaluate($0).scalar } })
        case .index(let a, let indices):
            let base = try evaluate(a)
            let offset = indices.count == 2 ? (indices[0] - 1) * base.rows[0].count + indices[1] - 1 : indices[0] - 1
            guard base.scalars.indices.contains(offset) else { throw EvaluationError("index out of range") }
            return Tensor(base.scalars[offset])
        case .transpose(let a):
            return try evaluate(a).transposed
        case .outer(let a, let b):
            return try evaluate(a).outer(try evaluate(b))
        case .broadcast(let a, let shape):
            return try evaluate(a).broadcast(to: shape)
        }
    }

    private func call(_ function: Function, _ arguments: [Tensor]) throws -> Tensor {
        switch function {
        case .sigmoid: return arguments[0].map(Evaluator.sigmoid)
        case .tanh: return arguments[0].map(Math.tanh)
        case .relu: return arguments[0].map { Swift.max($0, 0) }
        case .softplus: return arguments[0].map(Evaluator.softplus)
        case .exp: return arguments[0].map(Math.exp)
        case .log: return arguments[0].map(Evaluator.log)
        case .sqrt:
            if let negative = arguments[0].scalars.first(where: { $0 < 0 }) { throw DomainError(function: .sqrt, value: negative) }
            return arguments[0].map { $0.squareRoot() }
        case .abs: return arguments[0].map(\.magnitude)
        case .step: return arguments[0].map { $0 > 0 ? 1 : 0 }
        case .sign: return arguments[0].map { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 }
        case .max: return try arguments[0].zip(arguments[1], Swift.max)
        case .min: return try arguments[0].zip(arguments[1], Swift.min)
        case .sum: return arguments[0].total
        case .softmax, .logsoftmax:
            let logits = arguments.count == 1 ? arguments[0].scalars : arguments.map(\.scalar)
            return Tensor(vector: function == .softmax ? Evaluator.softmax(logits) : Evaluator.logSoftmax(logits))
        case .crossentropy:
            let terms = zip(arguments[0].scalars, arguments[1].scalars).map { p, t in t == 0 ? 0 : t * Evaluator.log(p) }
            return Tensor(-terms.reduce(0, +))
        }
    }

    /// σ(a), computed on the side where the exponential cannot overflow.
    static func sigmoid(_ a: Double) -> Double {
        if a >= 0 { return 1 / (1 + Math.exp(-a)) }
        let e = Math.exp(a)
        return e / (1 + e)
    }

    /// softplus(a) = log(1 + e^a), written as max(a, 0) + log(1 + e^−|a|) so that the exponential
    /// cannot overflow.
    static func softplus(_ a: Double) -> Double {
        Swift.max(a, 0) + Math.log1p(Math.exp(-a.magnitude))
    }

    /// softmax, shifted by the largest logit so that no exponential overflows.
    static func softmax(_ logits: [Double]) -> [Double] {
        let largest = logits.max() ?? 0
        let exponentials = logits.map { Math.exp($0 - largest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// log softmax: each logit less the log of the sum of their exponentials, shifted by the
    /// largest logit so that no exponential overflows and no probability is formed to underflow.
    static func logSoftmax(_ logits: [Double]) -> [Double] {
        let largest = logits.max() ?? 0
        let logTotal = largest + Math.log(logits.map { Math.exp($0 - largest) }.reduce(0, +))
        return logits.map { $0 - logTotal }
    }

    /// The natural logarithm; 0 (an underflowed probability) is taken as the smallest normal number.
    static func log(_ a: Double) -> Double {
        Math.log(a == 0 ? Double.leastNormalMagnitude : a)
    }

    /// aᵇ, exact for small whole exponents.
    static func power(_ a: Double, _ b: Double) -> Double {
        if b == 2 { return a * a }
        if b == 1 { return a }
        return Math.pow(a, b)
    }
}
