/// The shape of a value: a scalar, a vector of `n` entries or a `rows × columns` matrix.
public enum Shape: Hashable, Sendable, CustomStringConvertible {
    case scalar
    case vector(Int)
    case matrix(Int, Int)

    /// How many numbers a value of this shape holds.
    public var count: Int {
        switch self {
        case .scalar: 1
        case .vector(let n): n
        case .matrix(let rows, let columns): rows * columns
        }
    }

    /// Where the entry at 1-based `indices` (`[i]` of a vector, `[i, j]` of a matrix) comes, from 0,
    /// row by row.
    func offset(of indices: [Int]) -> Int {
        if case .matrix(_, let columns) = self, indices.count == 2 { return (indices[0] - 1) * columns + indices[1] - 1 }
        return indices[0] - 1
    }

    /// `scalar`, `2-vector` or `2×3 matrix`.
    public var description: String {
        switch self {
        case .scalar: "scalar"
        case .vector(let n): "\(n)-vector"
        case .matrix(let rows, let columns): "\(rows)×\(columns) matrix"
        }
    }
}

/// A scalar, vector or small matrix of `Double`, stored row by row.
public struct Tensor: Hashable, Sendable {
    /// The shape.
    public let shape: Shape
    /// The entries, row by row; `shape.count` of them.
    public let scalars: [Double]

    /// A tensor of `shape` holding `scalars` (row by row). The count must match the shape.
    public init(shape: Shape, scalars: [Double]) {
        precondition(scalars.count == shape.count, "\(scalars.count) numbers do not fill a \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A scalar.
    public init(_ value: Double) {
        self.init(shape: .scalar, scalars: [value])
    }

    /// A vector.
    public init(vector: [Double]) {
        self.init(shape: .vector(vector.count), scalars: vector)
    }

    /// A matrix from its rows, which must all have the same length.
    public init(rows: [[Double]]) {
        self.init(shape: .matrix(rows.count, rows.first?.count ?? 0), scalars: rows.flatMap { $0 })
    }

    /// A tensor of `shape` with every entry `value`.
    public init(repeating value: Double, shape: Shape) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.count))
    }

    /// The value of a scalar, or the first entry.
    public var scalar: Double { scalars[0] }

    /// True when every entry is finite.
    public var isFinite: Bool { scalars.allSatisfy(\.isFinite) }

    /// The rows of a matrix, the entries of a vector as one row, or the scalar as one row.
    public var rows: [[Double]] {
        guard case .matrix(let rowCount, let columns) = shape else { return [scalars] }
        return (0..<rowCount).map { Array(scalars[$0 * columns..<($0 + 1) * columns]) }
    }

    /// The same numbers with each entry replaced by `transform(entry)`.
    public func map(_ transform: (Double) -> Double) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// The tensor in brackets with each entry written by `number`: `x`, `[a, b]`, `[[a, b], [c, d]]`.
    public func written(_ number: (Double) -> String) -> String {
        switch shape {
        case .scalar:
            return number(scalar)
        case .vector:
            return Tensor.list(scalars[...], separator: ", ", number)
        case .matrix(let rows, let columns):
            var text = "["
            for row in 0..<rows {
                if row > 0 { text += ", " }
                text += Tensor.list(scalars[row * columns..<(row + 1) * columns], separator: ", ", number)
            }
            return text + "]"
        }
    }

    /// `entries` in brackets, `separator` between them, each written by `number`: `[a, b]`.
    static func list(_ entries: ArraySlice<Double>, separator: String, _ number: (Double) -> String) -> String {
        var text = "["
        for index in entries.indices {
            if index > entries.startIndex { text += separator }
            text += number(entries[index])
        }
        return text + "]"
    }
}
