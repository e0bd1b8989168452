import BackpropEngine
import TextScreen

/// The iteration table, one row per training iteration, and the loss drawn as a small curve.
struct TableView {
    let model: Model
    /// One trace per iteration.
    let traces: [Trace]
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    /// Rows of the curve.
    static let curveHeight = 3
    /// How many of the first and of the newest rows a long table shows.
    static let firstRows = 3, lastRows = 5

    func lines() -> [Line] {
        // A long table shows its first rows, a gap, and its newest rows; only those are written.
        let numbered = Array(zip(traces.indices.map { $0 + 1 }, traces))
        let long = traces.count > TableView.firstRows + TableView.lastRows + 1
        let shown = long ? Array(numbered.prefix(TableView.firstRows) + numbered.suffix(TableView.lastRows)) : numbered
        let (text, hidden) = IterationTableText(model: model, notation: notation).lines(shown, width: width)
        var lines = [Line(text[0], Style(.heading, underline: true))]
        for (index, row) in text.dropFirst().enumerated() {
            if long && index == TableView.firstRows {
                lines.append(Line("  \(glyphs.ellipsis) \(traces.count - shown.count) iterations not shown", Style(.dim)))
            }
            lines.append(Line(row))
        }
        if hidden > 0 {
            lines += wrap("\(hidden) more columns do not fit; a wider terminal, or backprop-tutor print, shows them all.", width: width)
                .map { Line($0, Style(.dim)) }
        }
        lines.append(Line(KeyBindings.line(glyphs.hints(in: .slides, topics: [.training]), width: width, lead: ""), Style(.dim)))
        let losses = traces.compactMap { $0.values[model.loss]?.scalar }.filter(\.isFinite)
        if losses.count >= 2, let first = losses.first, let last = losses.last {
            lines.append(Line(glyphs.display("Loss over \(losses.count) iterations: \(notation.number(first)) → \(notation.number(last))"), Style(.heading)))
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
