/// Rows of numbers for a model's inputs and targets: the data set it trains on. Each column is
/// a declared input or target, or one entry of a vector (`x[1]`); a value the columns leave
/// out keeps its declared value. Training minimises the mean loss over the rows: all of them
/// at once (full batch), or `batch` rows at a time, in turn.
public struct DataSet: Sendable, Equatable {
    /// A column: a scalar input or target, or one entry of a vector.
    public struct Column: Sendable, Hashable {
        /// The declared value.
        public let name: String
        /// The entry's 0-based position in a vector; nil for a scalar.
        public let entry: Int?

        /// The column of `name`, or of its entry `entry` (0-based).
        public init(name: String, entry: Int? = nil) {
            (self.name, self.entry) = (name, entry)
        }

        /// The column as a data block's header writes it: `y`, `x[1]`.
        var written: String { name + (entry.map { "[\($0 + 1)]" } ?? "") }
    }

    /// The inputs' columns, in the header's order.
    public let inputs: [Column]
    /// The targets' columns, in the header's order.
    public let targets: [Column]
    /// The rows, each its inputs' numbers then its targets', in the order of `columns`.
    public internal(set) var rows: [[Double]]
    /// How many rows an iteration trains on, in turn; nil for all of them.
    public let batch: Int?

    /// The inputs' columns, then the targets'.
    public var columns: [Column] { inputs + targets }

    /// True when every iteration trains on every row: an iteration is an epoch.
    public var isFullBatch: Bool { batch.map { $0 >= rows.count } ?? true }

    /// The rows iteration `iteration` (0-based) trains on, 0-based: all of them, or the next
    /// `batch` rows after those of the iteration before, starting over at the first row.
    public func rows(forIteration iteration: Int) -> [Int] {
        guard let batch, batch < rows.count, !rows.isEmpty else { return Array(rows.indices) }
        return (0..<batch).map { (iteration * batch + $0) % rows.count }
    }

    /// `values` with the numbers of row `row` (0-based) in their places.
    public func values(ofRow row: Int, in values: [String: Tensor]) -> [String: Tensor] {
        var result = values
        for (column, number) in zip(columns, rows[row]) {
            guard let value = result[column.name] else { continue }
            var scalars = value.scalars
            scalars[column.entry ?? 0] = number
            result[column.name] = Tensor(shape: value.shape, scalars: scalars)
        }
        return result
    }

    /// The data set with the number in `column` (0-based, in the order of `columns`) of row
    /// `row` set to `value`; unchanged where there is no such cell.
    public func setting(row: Int, column: Int, to value: Double) -> DataSet {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return self }
        var copy = self
        copy.rows[row][column] = value
        return copy
    }

    /// The data set with `rows` in place of its own, when they have as many rows and numbers;
    /// nil otherwise.
    public func setting(rows: [[Double]]) -> DataSet? {
        guard rows.count == self.rows.count, rows.allSatisfy({ $0.count == columns.count }) else { return nil }
        var copy = self
        copy.rows = rows
        return copy
    }
}

extension Model {
    /// The model trained on `data`, whose columns must name its inputs and targets.
    public func setting(data: DataSet?) -> Model {
        var copy = self
        copy.data = data
        return copy
    }
}

extension Notation {
    /// A column of a data set as a header cell writes it: `y`, `x₁` (`x[1]` in ASCII).
    public func column(_ column: DataSet.Column) -> String {
        name(column.name) + (column.entry.map { subscripted("\($0 + 1)") } ?? "")
    }
}

extension Notation {
    /// The numbers of row `row` (0-based) of `data`, each after its column:
    /// `x₁ = 0.00, x₂ = 1.00 | y = 1.00`.
    public func numbers(ofRow row: Int, in data: DataSet) -> String {
        let cells = zip(data.columns, data.rows[row]).map { "\(column($0)) = \(number($1))" }
        return cells.prefix(data.inputs.count).joined(separator: ", ") + " | " + cells.dropFirst(data.inputs.count).joined(separator: ", ")
    }
}
