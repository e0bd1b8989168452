/// The operations the evaluator applies to tensors, computed by the engine's `Kernel`. Shapes are
/// checked before evaluation, so a mismatch here is reported as an `EvaluationError` rather than
/// trusted.
extension Tensor {
    /// A tensor of `shape` whose entries `fill` writes, every one of them.
    static func filled(_ shape: Shape, _ fill: (UnsafeMutablePointer<Double>) throws -> Void) rethrows -> Tensor {
        let scalars = try [Double](unsafeUninitializedCapacity: shape.count) { buffer, count in
            if let start = buffer.baseAddress { try fill(start) }
            count = shape.count
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// `op` applied to each entry.
    func map(_ op: UnaryOperation) throws -> Tensor {
        try scalars.withUnsafeBufferPointer { a in
            try Tensor.filled(shape) { result in try Kernel.map(op, a.baseAddress!, into: result, count: a.count) }
        }
    }

    /// `op` of `self` and `other` entry by entry, a scalar broadcast against the other side.
    func zip(_ other: Tensor, _ op: BinaryOperation) throws -> Tensor {
        guard let shape = ShapeChecker.entryWise(self.shape, other.shape) else {
            throw EvaluationError("cannot combine a \(self.shape) with a \(other.shape) entry by entry")
        }
        return scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                Tensor.filled(shape) { result in
                    Kernel.zip(
                        op, a.baseAddress!, step: self.shape == shape ? 1 : 0, b.baseAddress!, step: other.shape == shape ? 1 : 0,
                        into: result, count: shape.count
                    )
                }
            }
        }
    }

    /// The matrix product: matrix·vector, matrix·matrix, vector·matrix and vector·vector (dot).
    func matmul(_ other: Tensor) throws -> Tensor {
        guard let (m, n, p) = Tensor.productDimensions(shape, other.shape), let product = Tensor.productShape(shape, other.shape) else {
            throw EvaluationError("cannot multiply a \(shape) by a \(other.shape)")
        }
        return scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                Tensor.filled(product) { Kernel.matmul(a.baseAddress!, b.baseAddress!, into: $0, m: m, n: n, p: p) }
            }
        }
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
        return scalars.withUnsafeBufferPointer { a in
            Tensor.filled(.matrix(columns, rowCount)) { Kernel.transpose(a.baseAddress!, into: $0, rows: rowCount, columns: columns) }
        }
    }

    /// The outer product `self · otherᵀ` of two vectors.
    func outer(_ other: Tensor) -> Tensor {
        scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                Tensor.filled(.matrix(a.count, b.count)) { Kernel.outer(a.baseAddress!, b.baseAddress!, into: $0, n: a.count, m: b.count) }
            }
        }
    }

    /// The sum of all entries.
    var total: Tensor { scalars.withUnsafeBufferPointer { Tensor(Kernel.sum($0.baseAddress!, count: $0.count)) } }

    /// `self` spread over `shape`: a scalar is repeated; any other tensor must already have it.
    func broadcast(to target: Shape) throws -> Tensor {
        if shape == target { return self }
        if shape == .scalar { return Tensor(repeating: scalar, shape: target) }
        throw EvaluationError("a \(shape) does not fit a \(target)")
    }
}
