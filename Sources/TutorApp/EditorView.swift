import BackpropEngine
import TextScreen

/// The model editor in the slide's column: the model block's lines numbered, the chosen one
/// highlighted, a mistake marked at its line and column and said below, then the editor's keys.
struct EditorView {
    /// The lines as edited.
    let source: [String]
    let editor: ModelEditor
    let glyphs: Glyphs
    let width: Int
    let height: Int

    /// The lines to draw, and whether lines of the model are out of view above and below.
    func lines() -> (lines: [Line], above: Bool, below: Bool) {
        let footer = [Line()] + message() + hintLines(glyphs.hints(in: .editor, topics: [.moving]), width: width).map { Line($0, Style(.dim)) }
        let (rows, chosen) = numbered()
        let room = max(1, height - 1 - footer.count)
        let first = min(max(0, chosen - room / 2), max(0, rows.count - room))
        let shown = Array(rows.dropFirst(first).prefix(room))
        let title = Line("Your model", Style(.heading, bold: true))
        return ([title] + shown + footer, first > 0, first + shown.count < rows.count)
    }

    /// The model's lines numbered, a caret under the mistake, and the row of the chosen line.
    private func numbered() -> (rows: [Line], chosen: Int) {
        guard !source.isEmpty else {
            return ([Line(glyphs.ui("(no lines: \(KeyBindings.key(for: .addLine, in: .editor)) adds one)"), Style(.dim))], 0)
        }
        let digits = "\(source.count)".count
        var rows: [Line] = []
        var chosen = 0
        for (index, text) in source.enumerated() {
            let wrong = editor.error?.location.line == index + 1
            let number = String(repeating: " ", count: digits - "\(index + 1)".count) + "\(index + 1)"
            var line = Line([
                Span(index == editor.line ? glyphs.cursor : "  "),
                Span(number + " ", wrong ? Style(.warning, bold: true) : Style(.dim)),
                Span(glyphs.display(text), wrong ? Style(.warning) : Style(.value)),
            ])
            if index == editor.line {
                line = line.restyled { $0.reverse = true }
                chosen = rows.count
            }
            rows.append(line)
            if wrong, let column = editor.error?.location.column {
                rows.append(Line([Span(String(repeating: " ", count: 2 + digits + column)), Span("^", Style(.warning, bold: true))]))
            }
        }
        return (rows, chosen)
    }

    /// What the check found: the mistake with its line and column, or that the lines make the
    /// model on screen.
    private func message() -> [Line] {
        guard let error = editor.error else {
            return wrap("Names and shapes check: the slides show this model.", width: width).map { Line($0, Style(.update)) }
        }
        let text = "Line \(error.location.line), column \(error.location.column): \(error.message). The slides keep the last model that was right."
        return wrap(glyphs.ui(text), width: width).map { Line($0, Style(.warning, bold: true)) }
    }
}
