/// The iteration table as aligned text: a heading line and a line per iteration, numbers right
/// aligned. When the columns do not all fit, the loss and the parameters are kept first.
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

    /// The heading and one line per trace, at most `width` columns wide (nil: no limit), and how
    /// many columns did not fit. Kept first: the loss, the updated parameters, the computed
    /// nodes from the output down, the parameters' gradients, the other gradients.
    public func lines(_ traces: [Trace], width: Int? = nil) -> (lines: [String], hidden: Int) {
        lines(Array(zip(traces.indices.map { $0 + 1 }, traces)), width: width)
    }

    /// The same for some of the iterations, each with its 1-based number.
    public func lines(_ rows: [(number: Int, trace: Trace)], width: Int? = nil) -> (lines: [String], hidden: Int) {
        let traces = rows.map(\.trace)
        let all = IterationTable(model: model).columns
        let cells = all.map { column in
            [column.heading(notation)] + traces.map { trace in column.value(in: trace).map(notation.tensor) ?? "" }
        }
        let widths = cells.map { $0.map(\.count).max() ?? 0 }
        let numbers = ["#"] + rows.map { "\($0.number)" }
        let numberWidth = numbers.map(\.count).max() ?? 1
        let kept = keptColumns(all, widths: widths, room: width.map { $0 - numberWidth } ?? Int.max)
        let lines = numbers.indices.map { row in
            ([pad(numbers[row], numberWidth)] + kept.map { pad(cells[$0][row], widths[$0]) }).joined(separator: "  ")
        }
        return (lines, all.count - kept.count)
    }

    /// The indices of the columns shown within `room` columns, in table order.
    private func keptColumns(_ columns: [IterationTable.Column], widths: [Int], room: Int) -> [Int] {
        if widths.reduce(0, { $0 + $1 + 2 }) <= room { return Array(columns.indices) }
        let parameters = Set(model.parameters)
        let priority = columns.indices.sorted { (rank(columns[$0], parameters), -$0) < (rank(columns[$1], parameters), -$1) }
        var used = 0
        var kept: [Int] = []
        for index in priority {
            guard used + widths[index] + 2 <= room else { break }
            kept.append(index)
            used += widths[index] + 2
        }
        return kept.sorted()
    }

    private func rank(_ column: IterationTable.Column, _ parameters: Set<String>) -> Int {
        switch column {
        case .value(let node) where node == model.loss: 0
        case .updated: 1
        case .value: 2
        case .gradient(let node) where parameters.contains(node): 3
        default: 4
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
