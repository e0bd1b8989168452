/// The loss over a grid of values of two scalar declared values, the others held: the data of a
/// loss landscape.
public struct LossMap: Sendable {
    /// The value across.
    public let x: String
    /// The value up.
    public let y: String
    /// The values of `x` from the left edge to the right.
    public let xs: ClosedRange<Double>
    /// The values of `y` from the bottom edge to the top.
    public let ys: ClosedRange<Double>
    /// Samples across.
    public let columns: Int
    /// Samples up.
    public let rows: Int
    /// The loss at each sample, row by row from the top (`ys.upperBound`) down, each row from
    /// the left; NaN where the loss cannot be computed.
    public let losses: [Double]

    /// The loss at sample column `column` of row `row` (0 is the top).
    public func loss(column: Int, row: Int) -> Double { losses[row * columns + column] }

    /// The value of `x` at sample column `column`, and of `y` at sample row `row`.
    public func point(column: Int, row: Int) -> (x: Double, y: Double) {
        let across = columns > 1 ? Double(column) / Double(columns - 1) : 0.5
        let up = rows > 1 ? Double(rows - 1 - row) / Double(rows - 1) : 0.5
        return (xs.lowerBound + across * (xs.upperBound - xs.lowerBound), ys.lowerBound + up * (ys.upperBound - ys.lowerBound))
    }
}

extension Model {
    /// The loss over `columns` × `rows` values of the scalar declared values `x` and `y` spread
    /// over `xs` and `ys`, every other value as `values` give it (the starting values when nil);
    /// over a data set, the mean loss over its rows.
    public func lossMap(x: String, y: String, xs: ClosedRange<Double>, ys: ClosedRange<Double>, columns: Int, rows: Int,
                        at values: [String: Tensor]? = nil) -> LossMap {
        let start = values ?? startingValues
        var losses: [Double] = []
        losses.reserveCapacity(columns * rows)
        let empty = LossMap(x: x, y: y, xs: xs, ys: ys, columns: columns, rows: rows, losses: [])
        for row in 0..<rows {
            for column in 0..<columns {
                let point = empty.point(column: column, row: row)
                var nudged = start
                nudged[x] = Tensor(point.x)
                nudged[y] = Tensor(point.y)
                losses.append((try? data.map { try meanLoss(over: $0, at: nudged) } ?? lossValue(at: nudged)) ?? .nan)
            }
        }
        return LossMap(x: x, y: y, xs: xs, ys: ys, columns: columns, rows: rows, losses: losses)
    }
}
