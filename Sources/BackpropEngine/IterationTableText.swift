/// The iteration table as aligned text: a heading line and a line per iteration, every column,
/// numbers right aligned (what `backprop-tutor print` writes). A long table can be written a
/// line at a time: `headings` and `cells(of:number:)` give the cells, `widths(_:_:)` the
/// columns' widths so far, and `line(_:widths:)` lays a line out.
public struct IterationTableText: Sendable {
    /// The model whose table it is.
    public let model: Model
    /// How numbers are written.
    public let notation: Notation
    /// The table's columns.
    private let columns: [IterationTable.Column]

    /// A table of `model`'s iterations written with `notation`.
    public init(model: Model, notation: Notation) {
        self.model = model
        self.notation = notation
        columns = IterationTable(model: model).columns
    }

    /// The heading and one line per trace.
    public func lines(_ traces: [Trace]) -> [String] {
        let rows = [headings] + traces.enumerated().map { cells(of: $1, number: $0 + 1) }
        let widths = rows.reduce(Array(repeating: 0, count: headings.count), IterationTableText.widths)
        return rows.map { IterationTableText.line($0, widths: widths) }
    }

    /// The heading's cells: `#`, then each column's heading.
    public var headings: [String] {
        ["#"] + columns.map { $0.heading(notation) }
    }

    /// The cells of iteration `number` (counted from 1): its number, then each column's value in `trace`.
    public func cells(of trace: Trace, number: Int) -> [String] {
        ["\(number)"] + columns.map { column in column.value(in: trace).map(notation.tensor) ?? "" }
    }

    /// The columns' widths once `cells` is written in columns at least `widest` wide.
    public static func widths(_ widest: [Int], _ cells: [String]) -> [Int] {
        zip(widest, cells).map { max($0, $1.count) }
    }

    /// `cells` right aligned in columns `widths` wide, two spaces apart.
    public static func line(_ cells: [String], widths: [Int]) -> String {
        zip(cells, widths).map { String(repeating: " ", count: max(0, $1 - $0.count)) + $0 }.joined(separator: "  ")
    }
}
