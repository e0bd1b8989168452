/// The operations the evaluator applies to tensors. Shapes are checked before evaluation, so a
/// mismatch here is reported as an `EvaluationError` rather than trusted.
extension Tensor {
    /// `self ⊕ other` entry by entry, a scalar broadcast against the other side.
    func zip(_ other: Tensor, _ combine: (Double, Double) -> Double) throws -> Tensor {
        if shape == other.shape {
            return Tensor(shape: shape, scalars: Swift.zip(scalars, other.scalars).map(combine))
        }
        if shape == .scalar { return other.map { combine(scalar, $0) } }
        if other.shape == .scalar { return map { combine($0, other.scalar) } }
        throw EvaluationError("cannot combine a \(shape) with a \(other.shape) entry by entry")
    }

    /// The matrix product: matrix·vector, matrix·matrix, vector·matrix and vector·vector (dot).
    func matmul(_ other: Tensor) throws -> Tensor {
        guard let (m, n, p) = Tensor.productDimensions(shape, other.shape) else {
            throw EvaluationError("cannot multiply a \(shape) by a \(other.shape)")
        }
        var result = [Double](repeating: 0, count: m * p)
        for i in 0..<m {
            for j in 0..<p {
                var total = 0.0
                for k in 0..<n { total += scalars[i * n + k] * other.scalars[k * p + j] }
                result[i * p + j] = total
            }
        }
        return Tensor(shape: Tensor.productShape(shape, other.shape) ?? .scalar, scalars: result)
    }

    /// The dimensions (m, n, p) of `left @ right` seen as an m×n by n×p product, or nil.
    static func productDimensions(_ left: Shape, _ right: Shape) -> (Int, Int, Int)? {
        switch (left, right) {
        case let (.matrix(m, n), .vector(k)) where n == k: (m, n, 1)
        case let (.matrix(m, n), .matrix(k, p)) where n == k: (m, n, p)
        case let (.vector(n), .matrix(k, p)) where n == k: (1, n, p)
        case let (.vector(n), .vector(k)) where n == k: (1, n, 1)
        default: nil
        }
    }

    /// The shape of `left @ right`, or nil when the product is undefined.
    static func productShape(_ left: Shape, _ right: Shape) -> Shape? {
        guard let (m, _, p) = productDimensions(left, right) else { return nil }
        switch (left, right) {
        case (.matrix, .vector): return .vector(m)
        case (.matrix, .matrix): return .matrix(m, p)
        case (.vector, .matrix): return .vector(p)
        default: return .scalar
        }
    }

    /// The transpose of a matrix; vectors and scalars are returned as they are.
    var transposed: Tensor {
        guard case .matrix(let rowCount, let columns) = shape else { return self }
        var result = [Double](repeating: 0, count: scalars.count)
        for i in 0..<rowCount {
            for j in 0..<columns { result[j * rowCount + i] = scalars[i * columns + j] }
        }
        return Tensor(shape: .matrix(columns, rowCount), scalars: result)
    }

    /// The outer product `self · otherᵀ` of two vectors.
    func outer(_ other: Tensor) -> Tensor {
        let rowCount = scalars.count, columns = other.scalars.count
        return Tensor(
            shape: .matrix(rowCount, columns),
            scalars: scalars.flatMap { a in other.scalars.map { a * $0 } }
        )
    }

    /// The sum of all entries.
    var total: Tensor { Tensor(scalars.reduce(0, +)) }

    /// `self` spread over `shape`: a scalar is repeated; any other tensor must already have it.
    func broadcast(to target: Shape) throws -> Tensor {
        if shape == target { return self }
        if shape == .scalar { return Tensor(repeating: scalar, shape: target) }
        throw EvaluationError("a \(shape) does not fit a \(target)")
    }
}
