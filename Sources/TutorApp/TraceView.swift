import BackpropEngine
import TextScreen

/// The revealed steps of the iteration being stepped through, grouped as forward, backward and
/// update, each written as formula, formula with numbers, and result; a result that differs
/// from `before` is marked.
struct TraceView {
    let model: Model
    let trace: Trace
    /// The same iteration before the last change of a value, if any.
    let before: Trace?
    /// The steps the learner steps through.
    let steps: [Trace.Step]
    /// How many of them are revealed.
    let revealed: Int
    /// Steps say why their result is what it is (∂L/∂L = 1), as on the lesson's first slide
    /// that steps there.
    let remarks: Bool
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    /// The lines, and which of them is the step just revealed.
    func lines() -> (lines: [Line], focus: Int?) {
        let revealed = min(self.revealed, steps.count)
        let writer = FormulaWriter(notation: notation, shapes: model.shapes)
        var lines: [Line] = []
        var focus: Int?
        var phase = ""
        for (index, step) in steps.prefix(revealed).enumerated() {
            let (title, role) = TraceView.phase(of: step, notation, rate: model.rate, trace.bindings)
            if title != phase {
                phase = title
                lines += wrap(title, width: width).map { Line($0, Style(role, bold: true)) }
            }
            let text = writer.text(for: step, trace.bindings)
            let current = index == revealed - 1
            let head = (current ? glyphs.cursor : "  ") + text.target + " \(text.relation) " + (text.parts.first ?? "")
            let wrapped = wrapPieces(head, Array(text.parts.dropFirst()), separator: " = ", width: width, indent: 6)
            let marker = (current ? glyphs.cursor : "  ") + text.target
            let result = text.parts.last ?? ""
            let old = before.flatMap { before in
                before.steps.first { Reveal.Key($0) == Reveal.Key(step) }.map { writer.text(for: $0, before.bindings) }
            }
            let changed = old.map { $0.parts.last != result } ?? false
            for (row, piece) in wrapped.enumerated() {
                var line = TraceView.colour(
                    piece, target: row == 0 ? marker : "", result: row == wrapped.count - 1 ? result : "", role: role, changed: changed
                )
                if current { line = line.restyled { $0.reverse = true } }
                lines.append(line)
            }
            if remarks, let remark = text.remark {
                lines += wrap("(\(remark))", width: width - 6).map { Line("      " + $0, Style(.dim)) }
            }
            if current { focus = lines.count - 1 }
        }
        let key = KeyBindings.key(for: .next)
        if revealed < steps.count {
            let next = writer.target(of: steps[revealed])
            let hint = revealed == 0 ? "Press \(key) to compute \(next) first." : "Press \(key) for \(next)."
            lines.append(Line(glyphs.ui(hint), Style(.dim)))
        } else {
            lines.append(Line(glyphs.ui("All \(steps.count) steps done. \(key) goes on to the next slide."), Style(.dim)))
        }
        return (lines, focus)
    }

    /// A row of a step: what it computes and its result in the step's colour, the formulas
    /// between them plain.
    static func colour(_ row: String, target: String, result: String, role: Style.Role, changed: Bool) -> Line {
        var middle = Substring(row)
        var spans: [Span] = []
        if !target.isEmpty, middle.hasPrefix(target) {
            spans.append(Span(target, Style(role, bold: true)))
            middle = middle.dropFirst(target.count)
        }
        var tail: Span?
        if !result.isEmpty, middle.hasSuffix(result) {
            tail = Span(result, Style(role, bold: true, underline: changed))
            middle = middle.dropLast(result.count)
        }
        spans.append(Span(String(middle)))
        if let tail { spans.append(tail) }
        return Line(spans)
    }

    /// The heading and colour of the group a step belongs to; the update's names the learning
    /// rate `rate` with its value in `bindings`.
    static func phase(of step: Trace.Step, _ notation: Notation, rate: String, _ bindings: Bindings) -> (String, Style.Role) {
        switch step {
        case .forward: ("Forward pass: values", .value)
        case .backward: ("Backward pass: gradients by the chain rule", .gradient)
        case .update: ("Update: \(notation.name(rate)) = \(bindings.values[rate].map(notation.tensor) ?? "?")", .update)
        }
    }
}
