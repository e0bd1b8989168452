import BackpropEngine
import TextScreen

/// The smallest terminal the layout supports.
public let minimumSize = (width: 60, height: 16)

/// Draws the tutor for a terminal of `width` × `height`: a pure function of the state.
public func render(_ state: TutorState, width: Int, height: Int) -> Screen {
    var screen = Screen(width: width, height: height)
    guard width >= minimumSize.width, height >= minimumSize.height else {
        let message = "enlarge the terminal to \(minimumSize.width)×\(minimumSize.height)"
        let now = "(it is \(width)×\(height))"
        screen.put(message, x: max(0, (width - message.count) / 2), y: height / 2 - 1, style: Style(.warning, bold: true))
        screen.put(now, x: max(0, (width - now.count) / 2), y: height / 2, style: Style(.dim))
        return screen
    }
    let glyphs = state.unicode ? Glyphs.unicode : .ascii
    drawHeader(state, on: &screen, glyphs: glyphs)
    drawStatus(state, on: &screen)

    let layout = Layout(state, width: width, height: height)
    let (panelWidth, mainWidth, bodyTop, bodyHeight) = (layout.panelWidth, layout.mainWidth, layout.bodyTop, layout.bodyHeight)
    let content = SlideContent(state: state, width: mainWidth, glyphs: glyphs).lines()
    let (offset, _, overflow) = layout.offset(of: content, scroll: state.scroll)
    for (row, line) in content.lines.dropFirst(offset).prefix(bodyHeight).enumerated() {
        line.draw(on: &screen, x: 1, y: bodyTop + row, width: mainWidth)
    }
    // Scroll marks stand in the gap right of the column, never over its text.
    if offset > 0 { screen.put(glyphs.scrollUp, x: mainWidth + 1, y: bodyTop, style: Style(.accent, bold: true)) }
    if overflow > offset { screen.put(glyphs.scrollDown, x: mainWidth + 1, y: bodyTop + bodyHeight - 1, style: Style(.accent, bold: true)) }

    if panelWidth > 0 {
        let x = width - panelWidth - 1
        for row in bodyTop..<(bodyTop + bodyHeight) { screen.put(String(glyphs.vertical), x: x - 1, y: row, style: Style(.dim)) }
        let panel = ValuePanel(state: state, width: panelWidth, height: bodyHeight).lines()
        for (row, line) in panel.prefix(bodyHeight).enumerated() {
            line.draw(on: &screen, x: x, y: bodyTop + row, width: panelWidth)
        }
    }
    drawOverlay(state, on: &screen, glyphs: glyphs)
    if !state.unicode { screen.replaceNonASCII() }
    return screen
}

/// Row 0, the lesson and slide; row 1, the slide's title and step.
private func drawHeader(_ state: TutorState, on screen: inout Screen, glyphs: Glyphs) {
    let bar = Style(.status, reverse: true)
    screen.put(String(repeating: " ", count: screen.width), x: 0, y: 0, style: bar)
    let right = "slide \(state.slideIndex + 1) of \(state.lesson.slides.count) "
    let name = screen.width >= 100 ? " backprop-tutor\(glyphs.separator)" : " "
    screen.put(name + "lesson \(state.lessonIndex + 1) of \(state.lessons.count): \(state.display(state.lesson.title))",
               x: 0, y: 0, style: Style(.status, bold: true, reverse: true), maxWidth: screen.width - right.count - 2)
    screen.put(right, x: screen.width - right.count, y: 0, style: bar)

    let count = state.stepCount(of: state.slide)
    let step = count > 0 && state.slide.question == nil ? "step \(state.step) of \(count)" : ""
    screen.put(step, x: screen.width - step.count - 1, y: 1, style: Style(.dim))
    screen.put(state.display(state.slide.title), x: 1, y: 1, style: Style(.heading, bold: true, underline: true), maxWidth: screen.width - step.count - 3)
}

/// The last row: the main keys, or what the tutor is waiting for.
private func drawStatus(_ state: TutorState, on screen: inout Screen) {
    let y = screen.height - 1
    let variants = state.model == nil
        ? [" →/← step  PgDn/PgUp slide  m lessons  j/k scroll  ? help  q quit", " →/← step  m lessons  ? help  q quit"]
        : [" →/← step  PgDn/PgUp slide  m lessons  ↑/↓ select  +/- nudge  e edit  s/t train  r reset  p decimals  ? help  q quit",
           " →/← step  PgDn/PgUp slide  ↑/↓ +/- tweak  e edit  s train  ? help  q quit",
           " →/← step  ↑/↓ +/- tweak  e edit  ? help  q quit"]
    let keys = variants.map(state.ui).first { $0.count <= screen.width } ?? state.ui(variants[variants.count - 1])
    let text = state.escapePending ? " Press Esc again to quit, any other key to stay." : keys
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
