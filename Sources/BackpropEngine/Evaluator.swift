/// Computes the value of an expression from the values (and gradients) of the names it reads,
/// with the arithmetic of `Kernel`: the reference the compiled `Program` is held to, and what
/// formulas with numbers are worked out with.
struct Evaluator {
    /// The value of every name in scope.
    let values: [String: Tensor]
    /// ∂loss/∂name for the names whose gradient is known.
    var gradients: [String: Tensor] = [:]

    /// The value of `expression`.
    func evaluate(_ expression: Expr) throws -> Tensor {
        try evaluate(expression, replacing: { _ in nil })
    }

    /// The value of `expression` with each part for which `replacement` gives a value taken as
    /// that value: a formula redone from numbers as they are shown.
    func evaluate(_ expression: Expr, replacing replacement: (Expr) -> Tensor?) throws -> Tensor {
        if let value = replacement(expression) { return value }
        func evaluate(_ part: Expr) throws -> Tensor { try self.evaluate(part, replacing: replacement) }
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
            return try evaluate(a).map(.negate)
        case .binary(let op, let a, let b):
            let (left, right) = (try evaluate(a), try evaluate(b))
            guard let operation = BinaryOperation(op) else { return try left.matmul(right) }
            return try left.zip(right, operation)
        case .call(let function, let arguments):
            return try call(function, try arguments.map(evaluate))
        case .vector(let entries):
            return Tensor(vector: try entries.map { try evaluate($0).scalar })
        case .matrix(let rows):
            return Tensor(rows: try rows.map { try $0.map { try evaluate($0).scalar } })
        case .index(let a, let indices):
            let base = try evaluate(a)
            let offset = base.shape.offset(of: indices)
            guard base.scalars.indices.contains(offset) else { throw EvaluationError("index out of range") }
            return Tensor(base.scalars[offset])
        case .transpose(let a):
            return try evaluate(a).transposed
        case .outer(let a, let b):
            return try evaluate(a).outer(try evaluate(b))
        case .broadcast(let a, let shape):
            return try evaluate(a).broadcast(to: shape)
        case .sparse(let shape, let entries):
            var scalars = [Double](repeating: 0, count: shape.count)
            for entry in entries { scalars[entry.offset] = try evaluate(entry.value).scalar }
            return Tensor(shape: shape, scalars: scalars)
        }
    }

    private func call(_ function: Function, _ arguments: [Tensor]) throws -> Tensor {
        switch function.computation {
        case .unary(let operation):
            return try arguments[0].map(operation)
        case .binary(let operation):
            return try arguments[0].zip(arguments[1], operation)
        case .sum:
            return arguments[0].total
        case .softmax, .logSoftmax:
            let logits = arguments.count == 1 ? arguments[0] : Tensor(vector: arguments.map(\.scalar))
            return logits.scalars.withUnsafeBufferPointer { a in
                Tensor.filled(logits.shape) { result in
                    if function == .softmax {
                        Kernel.softmax(a.baseAddress!, into: result, count: a.count)
                    } else {
                        Kernel.logSoftmax(a.baseAddress!, into: result, count: a.count)
                    }
                }
            }
        case .crossEntropy:
            return arguments[0].scalars.withUnsafeBufferPointer { p in
                arguments[1].scalars.withUnsafeBufferPointer { t in Tensor(Kernel.crossEntropy(p.baseAddress!, t.baseAddress!, count: p.count)) }
            }
        }
    }
}
