import BackpropEngine

/// Writing and measuring the cells of the iteration table.
extension TableView {
    /// The fewest columns `value`'s cell can take, since every number takes a column at least:
    /// one per entry on one line; stacked, a matrix as wide as its row at the least.
    static func leastWidth(of value: Tensor?, stacked: Bool) -> Int {
        switch value?.shape {
        case nil: 0
        case .matrix(_, let columns) where stacked: TextBlock.leastWidth(ofMatrixWith: columns)
        case .vector where stacked: TextBlock.leastWidth(ofMatrixWith: 1)
        case let shape?: shape.count
        }
    }

    /// How many lines `cell(value, stacked:)` takes: a vector or matrix stacked, one per row.
    static func lineCount(of value: Tensor?, stacked: Bool) -> Int {
        switch value?.shape {
        case .vector(let count) where stacked: count
        case .matrix(let rows, _) where stacked: rows
        default: 1
        }
    }

    /// A cell's lines: the value on one line, or a vector or matrix stacked with tall brackets.
    func cell(_ value: Tensor?, stacked: Bool) -> [String] {
        guard let value else { return [""] }
        switch value.shape {
        case .scalar: return [notation.number(value.scalar)]
        case .vector where stacked: return TextBlock(matrix: value.scalars.map { [notation.number($0)] }, glyphs: glyphs).lines
        case .matrix where stacked: return TextBlock(matrix: value.rows.map { $0.map(notation.number) }, glyphs: glyphs).lines
        default: return [notation.tensor(value)]
        }
    }

    /// The columns `cell(value, stacked:)` takes, the widest line's; a vector or matrix stacked
    /// is measured without writing every entry: only the widest of each of its columns.
    func width(of value: Tensor?, stacked: Bool) -> Int {
        guard let value, stacked, !value.scalars.isEmpty else { return cell(value, stacked: stacked).map(\.count).max() ?? 0 }
        switch value.shape {
        case .vector: return TextBlock.width(ofMatrixWith: [widest(value.scalars)])
        case .matrix(_, let columns):
            return TextBlock.width(ofMatrixWith: (0..<columns).map { column in
                widest(stride(from: column, to: value.scalars.count, by: columns).map { value.scalars[$0] })
            })
        case .scalar: return notation.number(value.scalar).count
        }
    }

    /// Numbers nearer zero than this take more columns written the farther they lie from zero,
    /// on either side of it.
    static let widerFartherBelow = 1e6

    /// The most columns one of `numbers` takes written: of numbers nearer zero than
    /// `widerFartherBelow`, the largest's or the smallest's; when some are not, every one is
    /// written.
    private func widest(_ numbers: [Double]) -> Int {
        var (low, high) = (Double.infinity, -Double.infinity)
        for number in numbers {
            guard abs(number) < TableView.widerFartherBelow else { return numbers.map { notation.number($0).count }.max() ?? 0 }
            (low, high) = (min(low, number), max(high, number))
        }
        return low > high ? 0 : max(notation.number(low).count, notation.number(high).count)
    }
}
