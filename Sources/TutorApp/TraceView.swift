import BackpropEngine
import TextScreen

/// The revealed steps of the iteration being stepped through, grouped as forward, backward and
/// update, each written as formula, formula with numbers, and result, with vectors as columns
/// and matrices drawn tall, and under a matrix gradient one of its entries worked out; a result
/// that differs from `before` is marked.
struct TraceView {
    let model: Model
    let trace: Trace
    /// The same iteration before the last change of a value, if any.
    let before: Trace?
    /// The central differences to show under the gradients, by node; empty when not checking.
    let check: [String: [CentralDifference]]
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
    /// Where the steps' lines are compiled and kept.
    let written: WrittenSteps

    /// The lines, and which of them is the step just revealed.
    func lines() -> (lines: [Line], focus: Int?) {
        let revealed = min(self.revealed, steps.count)
        let writer = FormulaWriter(notation: notation, shapes: model.shapes)
        var lines = rowLines()
        var focus: Int?
        var phase = ""
        for (index, step) in steps.prefix(revealed).enumerated() {
            let (title, role) = TraceView.phase(of: step, notation, rate: model.rate, trace.bindings)
            if title != phase {
                phase = title
                lines += wrap(title, width: width).map { Line($0, Style(role, bold: true)) }
            }
            let text = written.text(for: step, trace.bindings(for: step), by: writer)
            let current = index == revealed - 1
            let old = before.flatMap { before in
                before.steps.first { Reveal.Key($0) == Reveal.Key(step) }.map { written.text(for: $0, before.bindings(for: $0), by: writer) }
            }
            var rows = self.rows(of: text, after: current ? glyphs.cursor : "  ", role: role, changed: old.map { $0.parts.last != text.parts.last } ?? false)
            for (offset, entry) in text.entries.enumerated() {
                let changed = old.map { $0.entries.indices.contains(offset) && $0.entries[offset].parts.last != entry.parts.last } ?? false
                rows += self.rows(of: entry, after: "    ", role: role, changed: changed)
            }
            if current { rows = rows.map { $0.restyled { $0.reverse = true } } }
            if case .backward(let backward) = step, let differences = check[backward.node] {
                let text = CheckText(notation: notation).beside(backward.value, differences, long: true)
                rows += wrap(glyphs.display(text), width: width - 6).map { Line("      " + $0, Style(.dim)) }
            }
            if remarks, let remark = text.remark {
                rows += wrap("(\(remark))", width: width - 6).map { Line("      " + $0, Style(.dim)) }
            }
            if current { focus = lines.count + rows.count - 1 }
            lines += rows
        }
        let key = KeyBindings.key(for: .next)
        if revealed < steps.count {
            let next = writer.target(of: steps[revealed])
            let hint = revealed == 0 ? "Press \(key) to compute \(next) first." : "Press \(key) for \(next)."
            lines.append(Line(glyphs.ui(hint), Style(.dim)))
        } else {
            let done = steps.count == 1 ? "The step is done." : "All \(steps.count) steps done."
            lines.append(Line(glyphs.ui("\(done) \(key) goes on to the next slide."), Style(.dim)))
        }
        return (lines, focus)
    }

    /// The rows of a written step after `lead`: as many of its parts on a row as fit, the rows
    /// after the first indented, vectors and matrices drawn tall where the row fits and inline
    /// otherwise.
    private func rows(of text: StepText, after lead: String, role: Style.Role, changed: Bool) -> [Line] {
        let marker = lead + text.target
        let head = marker + " \(text.relation) " + (text.parts.first ?? "")
        let pieces = wrapPieces(head, Array(text.parts.dropFirst()), separator: " = ", width: width, indent: lead.count + 4) {
            formulaBlock($0, glyphs: glyphs).width
        }
        let result = text.parts.last ?? ""
        let results = formulaBlock(result, glyphs: glyphs).lines + [result]
        return pieces.enumerated().flatMap { index, piece in
            let block = formulaBlock(piece, glyphs: glyphs)
            return (block.width <= width ? block.lines : [piece]).map { row in
                let ending = index == pieces.count - 1 ? results.first { ending in ending.contains { $0 != " " } && row.hasSuffix(ending) } : nil
                return TraceView.colour(row, target: index == 0 ? marker : "", result: ending ?? "", role: role, changed: changed)
            }
        }
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
        case .mean(let mean):
            ("Mean over the \(mean.rows.count) rows (\(notation.name(notation.loss + "1")) is row 1's loss): what training minimises", .gradient)
        case .update: ("Update: \(notation.name(rate)) = \(bindings.values[rate].map(notation.tensor) ?? "?")", .update)
        }
    }

    /// Over a data set, which row's passes the trace shows, with its numbers, and the keys that
    /// pick another; nothing for a model trained on one example.
    private func rowLines() -> [Line] {
        guard let batch = trace.batch, let data = model.data else { return [] }
        let row = "Row \(batch.row + 1) of \(data.rows.count): \(notation.numbers(ofRow: batch.row, in: data))"
        let keys = batch.rows.count > 1
            ? "; \(KeyBindings.key(for: .pickRow(by: 1)))/\(KeyBindings.key(for: .pickRow(by: -1))) picks another row"
            : "; each iteration trains on one row"
        return wrap(glyphs.ui(row + keys), width: width).map { Line($0, Style(.heading, bold: true)) }
    }
}
