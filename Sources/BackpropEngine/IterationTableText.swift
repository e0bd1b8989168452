/// The iteration table as aligned text: a heading line and a line per iteration, every column,
/// numbers right aligned (what `backprop-tutor print` writes).
public struct IterationTableText: Sendable {
    /// The model whose table it is.
    public let model: Model
    /// How numbers are written.
    public let notation: Notation

    /// A table of `model`'s iterations written with `notation`.
    public init(model: Model, notation: Notation) {
        self.model = model
        self.notation = notation
    }

    /// The heading and one line per iteration: traces, or the numbers alone.
    public func lines(_ iterations: [some IterationResults]) -> [String] {
        let numbers = ["#"] + iterations.indices.map { "\($0 + 1)" }
        let cells = [numbers] + IterationTable(model: model).columns.map { column in
            [column.heading(notation)] + iterations.map { iteration in column.value(in: iteration).map(notation.tensor) ?? "" }
        }
        let widths = cells.map { $0.map(\.count).max() ?? 0 }
        return numbers.indices.map { row in
            cells.indices.map { String(repeating: " ", count: widths[$0] - cells[$0][row].count) + cells[$0][row] }.joined(separator: "  ")
        }
    }
}
