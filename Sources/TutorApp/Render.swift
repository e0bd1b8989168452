import BackpropEngine
import TextScreen

/// The smallest terminal the layout supports.
public let minimumSize = (width: 60, height: 16)

/// A drawn screen, and how far its slide column can scroll.
public struct Frame: Sendable {
    /// What the terminal shows.
    public let screen: Screen
    /// How far the slide's column can scroll: the loop hands it back to `update` as `.viewport`.
    public let viewport: Viewport
}

/// Draws the tutor at the size of `state`: a pure function of the state.
public func render(_ state: TutorState) -> Frame {
    let (width, height) = state.size
    var screen = Screen(width: width, height: height)
    guard width >= minimumSize.width, height >= minimumSize.height else {
        let message = "enlarge the terminal to \(minimumSize.width)×\(minimumSize.height)"
        let now = "(it is \(width)×\(height))"
        screen.put(message, x: max(0, (width - message.count) / 2), y: height / 2 - 1, style: Style(.warning, bold: true))
        screen.put(now, x: max(0, (width - now.count) / 2), y: height / 2, style: Style(.dim))
        if !state.unicode { screen.replaceNonASCII() }
        return Frame(screen: screen, viewport: state.viewport)
    }
    let glyphs = state.glyphs
    drawHeader(state, on: &screen, glyphs: glyphs)
    drawStatus(state, on: &screen, glyphs: glyphs)

    let layout = Layout(width: width, height: height, panel: state.model != nil)
    let (panelWidth, mainWidth, bodyTop, bodyHeight) = (layout.panelWidth, layout.mainWidth, layout.bodyTop, layout.bodyHeight)
    // The model editor takes the slide's column; the slide keeps where it was scrolled.
    let column: (lines: [Line], above: Bool, below: Bool)
    var viewport = state.viewport
    if let editor = state.editor {
        column = EditorView(source: state.source, editor: editor, glyphs: glyphs, width: mainWidth, height: bodyHeight).lines()
    } else {
        // Laid out for the lines shown as last drawn; again, in the rare case a band of a large
        // matrix left blank may show, for the lines shown now.
        let shows = { (offset: Int) in offset..<(offset + bodyHeight) }
        let guess = shows(state.viewport.offset(scrolledBy: state.scroll))
        var content = SlideContent(state: state, width: mainWidth, glyphs: glyphs, shows: guess).lines()
        viewport = layout.viewport(of: (content.lines, content.focus, content.tableMaximum))
        let offset = viewport.offset(scrolledBy: state.scroll)
        if content.blanked && shows(offset) != guess {
            content = SlideContent(state: state, width: mainWidth, glyphs: glyphs, shows: shows(offset)).lines()
        }
        column = (Array(content.lines.dropFirst(offset)), offset > 0, viewport.maximum > offset)
    }
    for (row, line) in column.lines.prefix(bodyHeight).enumerated() {
        line.draw(on: &screen, x: 1, y: bodyTop + row, width: mainWidth)
    }
    // Scroll marks stand in the gap right of the column, never over its text.
    if column.above { screen.put(glyphs.scrollUp, x: mainWidth + 1, y: bodyTop, style: Style(.accent, bold: true)) }
    if column.below { screen.put(glyphs.scrollDown, x: mainWidth + 1, y: bodyTop + bodyHeight - 1, style: Style(.accent, bold: true)) }

    if panelWidth > 0, let model = state.model {
        let x = width - panelWidth - 1
        for row in bodyTop..<(bodyTop + bodyHeight) { screen.put(String(glyphs.vertical), x: x - 1, y: row, style: Style(.dim)) }
        let panel = ValuePanel(
            model: model, before: state.before?.model, entries: state.entries, selection: state.selection, notation: state.notation, glyphs: glyphs,
            width: panelWidth, height: bodyHeight
        ).lines()
        for (row, line) in panel.prefix(bodyHeight).enumerated() {
            line.draw(on: &screen, x: x, y: bodyTop + row, width: panelWidth)
        }
    }
    drawOverlay(state, on: &screen, glyphs: glyphs)
    if !state.unicode { screen.replaceNonASCII() }
    return Frame(screen: screen, viewport: viewport)
}

/// Row 0, the lesson and slide; row 1, the slide's title and step.
private func drawHeader(_ state: TutorState, on screen: inout Screen, glyphs: Glyphs) {
    let bar = Style(.status, reverse: true)
    screen.put(String(repeating: " ", count: screen.width), x: 0, y: 0, style: bar)
    let right = "slide \(state.slideIndex + 1) of \(state.lesson.slides.count) "
    let name = screen.width >= 100 ? " backprop-tutor\(glyphs.separator)" : " "
    screen.put(name + "lesson \(state.lessonIndex + 1) of \(state.lessons.count): \(glyphs.display(state.lesson.title))",
               x: 0, y: 0, style: Style(.status, bold: true, reverse: true), maxWidth: screen.width - right.count - 2)
    screen.put(right, x: screen.width - right.count, y: 0, style: bar)

    let count = state.stepCount(of: state.slide)
    let iterates = state.slide.allItems.contains { $0 == .graph || $0.isTrace }
    let unit = state.model?.iterationName ?? "iteration"
    let iteration = iterates ? "\(unit) \(state.current.iteration + 1) of \(state.computation.iterations.count)" : ""
    let rows = state.model?.data?.rows.count
    let batch = iterates ? (state.trace?.batch).map { "row \($0.row + 1) of \(rows ?? $0.rows.count)" } ?? "" : ""
    let steps = count > 0 && state.slide.question == nil ? "step \(state.step) of \(count)" : ""
    let step = [iteration, batch, steps].filter { !$0.isEmpty }.joined(separator: glyphs.separator)
    screen.put(step, x: screen.width - step.count - 1, y: 1, style: Style(.dim))
    screen.put(glyphs.display(state.slide.title), x: 1, y: 1, style: Style(.heading, bold: true, underline: true), maxWidth: screen.width - step.count - 3)
}

/// The last row: the keys of the slides that fit, after the score in predict mode, or what the
/// tutor is waiting for.
private func drawStatus(_ state: TutorState, on screen: inout Screen, glyphs: Glyphs) {
    let y = screen.height - 1
    let topics: [KeyBinding.Topic] = state.model == nil ? [.moving, .view] : [.moving, .view, .values, .training]
    let score = state.current.predictions
    let lead = state.predicting ? " predict \(score.right)/\(score.asked)  " : " "
    let keys = state.editor == nil
        ? KeyBindings.line(glyphs.hints(in: .slides, topics: topics), width: screen.width, lead: lead)
        : " Editing the model: each change is checked at once."
    let text = state.escapePending ? " Press Esc again to quit, any other key to stay." : state.notice.map { " " + glyphs.ui($0) } ?? keys
    screen.put(String(repeating: " ", count: screen.width), x: 0, y: y, style: Style(.status, reverse: true))
    screen.put(text, x: 0, y: y, style: Style(.status, reverse: true))
}

extension Screen {
    /// Every character outside ASCII replaced by a look-alike (arrows, signs) or `?`: the last
    /// pass for a terminal whose locale is not UTF-8.
    mutating func replaceNonASCII() {
        let lookAlikes: [Character: Character] = [
            "→": ">", "←": "<", "↑": "^", "↓": "v", "×": "x", "·": "*", "−": "-", "∇": "g", "…": "~", "▶": ">", "▼": "v",
        ]
        for y in 0..<height {
            for x in 0..<width where !self[x, y].character.isASCII {
                self[x, y].character = lookAlikes[self[x, y].character] ?? "?"
            }
        }
    }
}
