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
        let layout = program.layout
        let scalar = { (name: String) in layout.declared.first { $0.name == name && $0.slot.shape == .scalar }?.slot.start }
        var losses = [Double](repeating: .nan, count: columns * rows)
        // One buffer holds every value; each sample puts its two values in place and, over each
        // row of the data set in turn (its numbers in place too), runs forward.
        guard var buffer = try? program.buffer(holding: values ?? startingValues),
              let across = scalar(x), let up = scalar(y), let lossSlot = layout.value(loss)
        else { return LossMap(x: x, y: y, xs: xs, ys: ys, columns: columns, rows: rows, losses: losses) }
        let placings = data.map { data in
            data.rows.map { row in zip(data.columns, row).compactMap { column, number in layout.position(of: column).map { ($0, number) } } }
        } ?? [[]]
        let empty = LossMap(x: x, y: y, xs: xs, ys: ys, columns: columns, rows: rows, losses: [])
        buffer.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            for row in 0..<rows {
                samples: for column in 0..<columns {
                    let point = empty.point(column: column, row: row)
                    var sum = 0.0
                    for (index, placing) in placings.enumerated() {
                        for (position, number) in placing { start[position] = number }
                        (start[across], start[up]) = (point.x, point.y)
                        guard (try? program.forward(start)) != nil else { continue samples }
                        sum = index == 0 ? start[lossSlot.start] : sum + start[lossSlot.start]
                    }
                    // The mean as `RowMean` takes it, with no array a sample: the sum in order, then
                    // divided (without a data set, the one loss divided by one: itself).
                    losses[row * columns + column] = sum / Double(placings.count)
                }
            }
        }
        return LossMap(x: x, y: y, xs: xs, ys: ys, columns: columns, rows: rows, losses: losses)
    }
}
