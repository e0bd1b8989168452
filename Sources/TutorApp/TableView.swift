import BackpropEngine

/// The iteration table, one row per training iteration, and the loss drawn as a small curve.
struct TableView {
    let state: TutorState
    let width: Int
    let glyphs: Glyphs

    /// Rows of the curve.
    static let curveHeight = 3
    /// A long table shows its first rows, a gap, and its newest rows.
    static let firstRows = 3, lastRows = 5

    func lines() -> [Line] {
        guard let model = state.model else { return [] }
        let traces = state.computation.traces
        let (text, hidden) = IterationTableText(model: model, notation: state.notation).lines(traces, width: width)
        var lines = [Line(text[0], Style(.heading, underline: true))]
        let rows = text.dropFirst()
        if rows.count > TableView.firstRows + TableView.lastRows + 1 {
            lines += rows.prefix(TableView.firstRows).map { Line($0) }
            lines.append(Line("  \(glyphs.ellipsis) \(rows.count - TableView.firstRows - TableView.lastRows) iterations not shown", Style(.dim)))
            lines += rows.suffix(TableView.lastRows).map { Line($0) }
        } else {
            lines += rows.map { Line($0) }
        }
        if hidden > 0 {
            lines += wrap("\(hidden) more columns do not fit; a wider terminal, or backprop-tutor print, shows them all.", width: width)
                .map { Line($0, Style(.dim)) }
        }
        lines.append(Line("s: one more iteration   t: ten more   r: reset", Style(.dim)))
        let losses = traces.compactMap { $0.values[model.loss]?.scalar }.filter(\.isFinite)
        if losses.count >= 2, let first = losses.first, let last = losses.last {
            let notation = state.notation
            lines.append(Line(state.display("Loss over \(losses.count) iterations: \(notation.number(first)) → \(notation.number(last))"), Style(.heading)))
            lines += curve(losses, width: min(width - 2, 60)).map { Line("  " + $0, Style(.value)) }
        }
        return lines
    }

    /// `values` drawn as bars `curveHeight` rows tall, one column per iteration (sampled evenly
    /// when there are more iterations than columns), from 0 to the largest value.
    private func curve(_ values: [Double], width: Int) -> [String] {
        let columns = min(values.count, max(1, width))
        let sampled = (0..<columns).map { values[$0 * (values.count - 1) / max(1, columns - 1)] }
        let top = max(sampled.max() ?? 1, .leastNormalMagnitude)
        let levels = glyphs.bars.count - 1
        return (0..<TableView.curveHeight).map { row in
            let floor = TableView.curveHeight - 1 - row
            return String(sampled.map { value -> Character in
                let filled = Int((max(0, value) / top * Double(levels * TableView.curveHeight)).rounded())
                return glyphs.bars[min(levels, max(0, filled - floor * levels))]
            })
        }
    }
}
