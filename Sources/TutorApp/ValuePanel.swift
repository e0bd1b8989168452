import BackpropEngine
import TextScreen

/// The panel of values the learner tweaks: η and every starting value, entry by entry, the
/// selected one highlighted and one just changed marked.
struct ValuePanel {
    let model: Model
    /// The model before the last change of a value, if the last key changed one.
    let before: Model?
    /// The entries listed.
    let entries: [ValueEntry]
    /// The index of the selected entry.
    let selection: Int
    let notation: Notation
    let glyphs: Glyphs
    let width: Int
    let height: Int

    func lines() -> [Line] {
        let footer = hintLines(glyphs.hints(in: .slides, topics: [.values]), width: width)
        var lines = [Line("Values", Style(.heading, bold: true))]
        let rows = max(1, height - 3 - footer.count)
        let first = min(max(0, selection - rows / 2), max(0, entries.count - rows))
        for (index, entry) in entries.enumerated().dropFirst(first).prefix(rows) {
            let label = entry.label(notation, in: model)
            let value = notation.number(entry.value(in: model))
            let role = model.variable(entry.name)?.role.rawValue ?? ""
            let gap = max(1, width - label.count - value.count - 8)
            var line = Line([
                Span(label + String(repeating: " ", count: gap)),
                Span(value, Style(.value, underline: before.map { notation.number(entry.value(in: $0)) != value } ?? false)),
                Span(" " + role.padding(6), Style(.dim)),
            ])
            if index == selection { line = line.restyled { $0.reverse = true; $0.bold = true } }
            lines.append(line)
        }
        if entries.count > rows {
            // The count alone where the keys do not fit (the ASCII names are longer).
            let more = glyphs.ui("(\(entries.count) values: ↑/↓ scroll)")
            lines.append(Line(more.count <= width ? more : "(\(entries.count) values)", Style(.dim)))
        }
        return lines + footer.map { Line($0, Style(.dim)) }
    }
}

/// `hints` in lines of at most `width` columns, two spaces apart.
func hintLines(_ hints: [(text: String, rank: Int)], width: Int) -> [String] {
    wrapPieces(hints.first?.text ?? "", hints.dropFirst().map(\.text), separator: "  ", width: width, indent: 0)
}

extension String {
    /// Padded with spaces on the right to `width`.
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
