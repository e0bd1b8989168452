import BackpropEngine
import TextScreen

/// The panel of values the learner tweaks: η and every starting value, entry by entry, the
/// selected one highlighted.
struct ValuePanel {
    let state: TutorState
    let width: Int
    let height: Int

    func lines() -> [Line] {
        guard let model = state.model else { return [] }
        let notation = state.notation
        let entries = state.entries
        var lines = [Line("Values", Style(.heading, bold: true))]
        let rows = max(1, height - 4)
        let first = min(max(0, state.selection - rows / 2), max(0, entries.count - rows))
        for (index, entry) in entries.enumerated().dropFirst(first).prefix(rows) {
            let label = entry.label(notation, in: model)
            let value = notation.number(entry.value(in: model))
            let role = entry.name == Model.etaName ? "rate" : model.variable(entry.name)?.role.rawValue ?? ""
            let gap = max(1, width - label.count - value.count - 8)
            var line = Line([
                Span(label + String(repeating: " ", count: gap)), Span(value, Style(.value)),
                Span(" " + role.padding(6), Style(.dim)),
            ])
            if index == state.selection { line = line.restyled { $0.reverse = true; $0.bold = true } }
            lines.append(line)
        }
        if entries.count > rows { lines.append(Line("(\(entries.count) values: ↑↓ scroll)", Style(.dim))) }
        lines.append(Line(width >= 30 ? "+/- 0.1   </> 0.01   e type" : "+- <> nudge  e type", Style(.dim)))
        return lines
    }
}

extension String {
    /// Padded with spaces on the right to `width`.
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
