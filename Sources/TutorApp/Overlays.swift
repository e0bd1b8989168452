import Lessons
import TextScreen
/// Draws what is open over the slides: the help, the lesson menu or a prompt.
func drawOverlay(_ state: TutorState, on screen: inout Screen, glyphs: Glyphs) {
    switch state.mode {
    case .slides, .editor:
        return
    case .help:
        let rows = KeyBindings.bindings(in: .slides).map { (keys: glyphs.ui($0.label), meaning: glyphs.ui($0.help)) }
        let keyWidth = rows.map(\.keys.count).max() ?? 0
        var lines = rows.map { Line([Span($0.keys.padding(keyWidth + 2), Style(.accent, bold: true)), Span($0.meaning)]) }
        let close = Line(KeyBindings.line(glyphs.hints(in: .help, topics: [.moving]), width: screen.width, lead: ""), Style(.dim))
        if screen.height >= lines.count + 7 {
            lines += [Line(), Line(glyphs.display(graphLegend(state.notation, glyphs)), Style(.dim))]
        }
        drawBox(title: "Keys", lines: lines + [close], on: &screen, glyphs: glyphs)
    case .menu(let selected):
        let lines = state.lessons.enumerated().map { index, lesson in
            let line = Line("\(index + 1)  \(glyphs.display(lesson.title))  \(place(state.progress[index], of: lesson, glyphs: glyphs))",
                            Style(index == state.lessonIndex ? .heading : .normal))
            return index == selected ? line.restyled { $0.reverse = true } : line
        }
        let inner = min(screen.width - 4, max(44, lines.map(\.width).max() ?? 0, state.lessons.map { min(60, $0.summary.count) }.max() ?? 0))
        let about = wrap(glyphs.display(state.lessons[selected].summary), width: inner)
        // Every lesson when they fit with the frame, a blank line and the hints; otherwise those
        // around the selected one, leaving room for three lines about it.
        let shown = lines.count + 4 <= screen.height ? lines.count : max(1, screen.height - 6 - min(3, about.count))
        let first = min(max(0, selected - shown / 2), lines.count - shown)
        let title = shown < lines.count ? glyphs.ui("Lessons \(first + 1)–\(first + shown) of \(lines.count)") : "Lessons"
        let summary = about.prefix(max(0, screen.height - shown - 6)).map { Line($0, Style(.dim)) }
        let hints = Line(KeyBindings.line(glyphs.hints(in: .menu, topics: [.moving]), width: inner, lead: ""), Style(.dim))
        drawBox(title: title, lines: Array(lines[first..<(first + shown)]) + [Line()] + summary + (summary.isEmpty ? [] : [Line()]) + [hints],
                on: &screen, glyphs: glyphs, minimumWidth: inner)
    case .prompt(let prompt):
        guard let model = state.model else { return }
        let title: String
        let keys = KeyBindings.line(glyphs.hints(in: .prompt, topics: [.moving]), width: screen.width, lead: "")
        var hints = [Line(keys, Style(.dim))]
        var said = prompt.error
        var room = min(screen.width - 4, max(44, prompt.text.count + 3))
        // A refused value or answer says why in place of the hints; a prediction keeps them.
        var hintsStay = false
        switch prompt.purpose {
        case .value(let entry): title = "New value of \(entry.label(state.notation, in: model))"
        case .answer: title = "Your answer, as a formula"
        case .prediction(let miss):
            title = "Predict \(state.prediction?.subject ?? "the next step")"
            said = said ?? miss
            room = min(screen.width - 4, max(60, room))
            let (enter, escape) = (KeyBindings.key(for: .confirm, in: .prompt), KeyBindings.key(for: .escape, in: .prompt))
            hints = wrap(glyphs.ui(state.prediction?.hint ?? ""), width: room).map { Line($0, Style(.dim)) }
                + [Line(glyphs.ui("\(enter) check  \(escape) skip: the step shows, unscored"), Style(.dim))]
            hintsStay = true
        case .line(let editor, let inserting):
            title = inserting ? "A new line after line \(editor.line + 1) of the model" : "Line \(editor.line + 1) of the model"
        }
        var lines = [Line([Span("> ", Style(.accent)), Span(prompt.text, Style(.value, bold: true, reverse: prompt.fresh)), Span("_", Style(.value))])]
        let warning = said.map { wrap(glyphs.ui($0), width: room).map { Line($0, Style(.warning, bold: true)) } } ?? []
        lines += warning + (warning.isEmpty || hintsStay ? hints : [])
        drawBox(title: title, lines: lines, on: &screen, glyphs: glyphs, minimumWidth: room)
    }
}

/// How far the learner is in `lesson`, as the menu says it: `(5 slides)` before a visit,
/// `(slide 3 of 5)` during one, `(5 slides) ✓` once finished.
private func place(_ progress: LessonProgress, of lesson: Lesson, glyphs: Glyphs) -> String {
    let count = lesson.slideCount
    if progress.visited && !progress.finished { return "(slide \(progress.slide + 1) of \(count))" }
    return "(\(count) slide\(count == 1 ? "" : "s"))" + (progress.finished ? " " + glyphs.finished : "")
}

/// A framed box in the middle of the screen holding `lines`.
private func drawBox(title: String, lines: [Line], on screen: inout Screen, glyphs: Glyphs, minimumWidth: Int = 0) {
    let inner = min(screen.width - 4, max(minimumWidth, title.count + 4, lines.map(\.width).max() ?? 0))
    let height = min(screen.height, lines.count + 2)
    let x = (screen.width - inner - 4) / 2, y = max(0, (screen.height - height) / 2)
    let frame = Style(.accent, bold: true)
    let (topLeft, topRight, bottomLeft, bottomRight) = glyphs.corners
    let horizontal = String(repeating: glyphs.horizontal, count: inner + 2)
    screen.put("\(topLeft)\(horizontal)\(topRight)", x: x, y: y, style: frame)
    screen.put(" \(title) ", x: x + 2, y: y, style: frame)
    for row in 1..<(height - 1) {
        screen.put("\(glyphs.vertical)" + String(repeating: " ", count: inner + 2) + "\(glyphs.vertical)", x: x, y: y + row, style: frame)
        if row - 1 < lines.count { lines[row - 1].draw(on: &screen, x: x + 2, y: y + row, width: inner) }
    }
    screen.put("\(bottomLeft)\(horizontal)\(bottomRight)", x: x, y: y + height - 1, style: frame)
}
