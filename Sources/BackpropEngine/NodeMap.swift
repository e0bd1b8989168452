/// The value of a node (or one entry of it) over a grid of values of two inputs, the others
/// as given: the data of a decision map, the output probability over the input plane.
public struct NodeMap: Sendable {
    /// The node.
    public let node: String
    /// The node's entry mapped, 0-based, row by row; nil for a scalar node.
    public let entry: Int?
    /// The input across.
    public let x: DataSet.Column
    /// The input up.
    public let y: DataSet.Column
    /// The values of `x` from the left edge to the right.
    public let xs: ClosedRange<Double>
    /// The values of `y` from the bottom edge to the top.
    public let ys: ClosedRange<Double>
    /// Samples across.
    public let columns: Int
    /// Samples up.
    public let rows: Int
    /// The value at each sample, row by row from the top (`ys.upperBound`) down, each row from
    /// the left; NaN where it cannot be computed.
    public let values: [Double]

    /// The value at sample column `column` of row `row` (0 is the top).
    public func value(column: Int, row: Int) -> Double { values[row * columns + column] }
}

extension Model {
    /// The value of `node` (its entry `entry`, 0-based, for a vector or matrix) over `columns` ×
    /// `rows` values of the inputs `x` and `y` spread over `xs` and `ys` (`ys` from the top
    /// down), every other value as `values` give it (the starting values when nil).
    public func nodeMap(
        of node: String, entry: Int?, x: DataSet.Column, y: DataSet.Column, xs: ClosedRange<Double>, ys: ClosedRange<Double>,
        columns: Int, rows: Int, at values: [String: Tensor]? = nil
    ) -> NodeMap {
        let layout = program.layout
        var mapped = [Double](repeating: .nan, count: columns * rows)
        // One buffer holds every value; each sample puts its two inputs in place and runs forward.
        guard var buffer = try? program.buffer(holding: values ?? startingValues),
              let across = layout.position(of: x), let up = layout.position(of: y),
              let slot = layout.value(node), (0..<slot.shape.count).contains(entry ?? 0)
        else { return NodeMap(node: node, entry: entry, x: x, y: y, xs: xs, ys: ys, columns: columns, rows: rows, values: mapped) }
        let fraction = { (index: Int, count: Int) in count > 1 ? Double(index) / Double(count - 1) : 0.5 }
        buffer.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            for row in 0..<rows {
                for column in 0..<columns {
                    start[across] = xs.lowerBound + fraction(column, columns) * (xs.upperBound - xs.lowerBound)
                    start[up] = ys.upperBound - fraction(row, rows) * (ys.upperBound - ys.lowerBound)
                    guard (try? program.forward(start)) != nil else { continue }
                    mapped[row * columns + column] = start[slot.start + (entry ?? 0)]
                }
            }
        }
        return NodeMap(node: node, entry: entry, x: x, y: y, xs: xs, ys: ys, columns: columns, rows: rows, values: mapped)
    }

    /// The value of `node` at `values`, by a forward pass.
    public func value(of node: String, at values: [String: Tensor]) throws -> Tensor {
        guard let slot = program.layout.value(node) else { throw EvaluationError("no value for '\(node)'") }
        return Tensor(shape: slot.shape, scalars: Array(try program.forward(at: values)[slot.range]))
    }

    /// The value of `node` for each row of the data set, at `values` (the starting values when
    /// nil); none without a data set.
    public func rowValues(of node: String, at values: [String: Tensor]? = nil) throws -> [Tensor] {
        guard let data else { return [] }
        return try data.rows.indices.map { try value(of: node, at: data.values(ofRow: $0, in: values ?? startingValues)) }
    }
}
