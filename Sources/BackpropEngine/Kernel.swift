/// A function of one number, applied entry by entry.
enum UnaryOperation: Sendable {
    case negate, sigmoid, tanh, relu, softplus, exp, log, sqrt, abs, step, sign
}

/// A function of two numbers, applied entry by entry.
enum BinaryOperation: Sendable {
    case add, subtract, multiply, divide, power, max, min

    /// The operation of `op`; nil for the matrix product.
    init?(_ op: BinaryOperator) {
        switch op {
        case .add: self = .add
        case .subtract: self = .subtract
        case .multiply: self = .multiply
        case .divide: self = .divide
        case .power: self = .power
        case .matmul: return nil
        }
    }
}

extension Function {
    /// How a function is computed.
    enum Computation {
        /// Entry by entry, of one argument.
        case unary(UnaryOperation)
        /// Entry by entry, of two arguments (a scalar broadcasts).
        case binary(BinaryOperation)
        /// The sum of all entries.
        case sum
        /// softmax of one vector, or of several scalars stacked.
        case softmax
        /// log softmax, likewise.
        case logSoftmax
        /// −Σ t·log p of two arguments of one shape.
        case crossEntropy
    }

    /// How the function is computed.
    var computation: Computation {
        switch self {
        case .sigmoid: .unary(.sigmoid)
        case .tanh: .unary(.tanh)
        case .relu: .unary(.relu)
        case .softplus: .unary(.softplus)
        case .exp: .unary(.exp)
        case .log: .unary(.log)
        case .sqrt: .unary(.sqrt)
        case .abs: .unary(.abs)
        case .step: .unary(.step)
        case .sign: .unary(.sign)
        case .max: .binary(.max)
        case .min: .binary(.min)
        case .sum: .sum
        case .softmax: .softmax
        case .logsoftmax: .logSoftmax
        case .crossentropy: .crossEntropy
        }
    }
}

/// The engine's arithmetic on runs of numbers in memory: the one implementation that both the
/// evaluator (over tensors) and the compiled program (over its buffer) compute with, so that the
/// two give the same numbers to the last bit. The functions are written to stay finite at the
/// extremes: σ, tanh, softplus, softmax and log-softmax never overflow, and the logarithm of a
/// probability that underflowed to 0 is taken at the smallest normal `Double`. The square root of
/// a negative number is a `DomainError`, not a NaN. No result overlaps an operand, but for `zip`,
/// whose result may be its first operand.
enum Kernel {
    /// `result[i] = op(a[i])` for `count` entries.
    static func map(
        _ op: UnaryOperation, _ a: UnsafePointer<Double>, into result: UnsafeMutablePointer<Double>, count: Int
    ) throws(DomainError) {
        switch op {
        case .negate: for i in 0..<count { result[i] = -a[i] }
        case .sigmoid: for i in 0..<count { result[i] = sigmoid(a[i]) }
        case .tanh: for i in 0..<count { result[i] = Math.tanh(a[i]) }
        case .relu: for i in 0..<count { result[i] = Swift.max(a[i], 0) }
        case .softplus: for i in 0..<count { result[i] = softplus(a[i]) }
        case .exp: for i in 0..<count { result[i] = Math.exp(a[i]) }
        case .log: for i in 0..<count { result[i] = log(a[i]) }
        case .sqrt:
            for i in 0..<count where a[i] < 0 { throw DomainError(function: .sqrt, value: a[i]) }
            for i in 0..<count { result[i] = a[i].squareRoot() }
        case .abs: for i in 0..<count { result[i] = a[i].magnitude }
        case .step: for i in 0..<count { result[i] = a[i] > 0 ? 1 : 0 }
        case .sign: for i in 0..<count { result[i] = a[i] > 0 ? 1 : a[i] < 0 ? -1 : 0 }
        }
    }

    /// `result[i] = op(a[i · aStep], b[i · bStep])` for `count` entries: a step of 0 spreads a
    /// scalar over the other operand.
    static func zip(
        _ op: BinaryOperation, _ a: UnsafePointer<Double>, step aStep: Int, _ b: UnsafePointer<Double>, step bStep: Int,
        into result: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch op {
        case .add: for i in 0..<count { result[i] = a[i * aStep] + b[i * bStep] }
        case .subtract: for i in 0..<count { result[i] = a[i * aStep] - b[i * bStep] }
        case .multiply: for i in 0..<count { result[i] = a[i * aStep] * b[i * bStep] }
        case .divide: for i in 0..<count { result[i] = a[i * aStep] / b[i * bStep] }
        case .power: for i in 0..<count { result[i] = power(a[i * aStep], b[i * bStep]) }
        case .max: for i in 0..<count { result[i] = Swift.max(a[i * aStep], b[i * bStep]) }
        case .min: for i in 0..<count { result[i] = Swift.min(a[i * aStep], b[i * bStep]) }
        }
    }

    /// The m×p product of the m×n matrix `a` and the n×p matrix `b`, row by row.
    static func matmul(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into result: UnsafeMutablePointer<Double>, m: Int, n: Int, p: Int
    ) {
        for i in 0..<m {
            for j in 0..<p {
                var total = 0.0
                for k in 0..<n { total += a[i * n + k] * b[k * p + j] }
                result[i * p + j] = total
            }
        }
    }

    /// The transpose of the `rows`×`columns` matrix `a`.
    static func transpose(_ a: UnsafePointer<Double>, into result: UnsafeMutablePointer<Double>, rows: Int, columns: Int) {
        for i in 0..<rows {
            for j in 0..<columns { result[j * rows + i] = a[i * columns + j] }
        }
    }

    /// The outer product a·bᵀ of an n-vector and an m-vector, an n×m matrix.
    static func outer(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into result: UnsafeMutablePointer<Double>, n: Int, m: Int) {
        for i in 0..<n {
            for j in 0..<m { result[i * m + j] = a[i] * b[j] }
        }
    }

    /// The sum of `count` entries, added in order from 0.
    static func sum(_ a: UnsafePointer<Double>, count: Int) -> Double {
        var total = 0.0
        for i in 0..<count { total += a[i] }
        return total
    }

    /// softmax, shifted by the largest logit so that no exponential overflows.
    static func softmax(_ logits: UnsafePointer<Double>, into result: UnsafeMutablePointer<Double>, count: Int) {
        let largest = self.largest(logits, count: count)
        for i in 0..<count { result[i] = Math.exp(logits[i] - largest) }
        let total = sum(result, count: count)
        for i in 0..<count { result[i] /= total }
    }

    /// log softmax: each logit less the log of the sum of their exponentials, shifted by the
    /// largest logit so that no exponential overflows and no probability is formed to underflow.
    static func logSoftmax(_ logits: UnsafePointer<Double>, into result: UnsafeMutablePointer<Double>, count: Int) {
        let largest = self.largest(logits, count: count)
        var total = 0.0
        for i in 0..<count { total += Math.exp(logits[i] - largest) }
        let logTotal = largest + Math.log(total)
        for i in 0..<count { result[i] = logits[i] - logTotal }
    }

    /// −Σ t·log p, a term of 0 where t is 0.
    static func crossEntropy(_ p: UnsafePointer<Double>, _ t: UnsafePointer<Double>, count: Int) -> Double {
        var total = 0.0
        for i in 0..<count { total += t[i] == 0 ? 0 : t[i] * log(p[i]) }
        return -total
    }

    /// The largest of `count` (at least one) numbers, the first of equals; 0 for none.
    private static func largest(_ a: UnsafePointer<Double>, count: Int) -> Double {
        guard count > 0 else { return 0 }
        var largest = a[0]
        for i in 1..<count where largest < a[i] { largest = a[i] }
        return largest
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
