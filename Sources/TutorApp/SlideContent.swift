import BackpropEngine
import TextScreen
import Lessons

/// The main column of a slide, top to bottom: its text, then the panels its directives ask for,
/// its Jacobians and its question; with the line that must stay in view.
struct SlideContent {
    let state: TutorState
    let width: Int
    let glyphs: Glyphs

    func lines() -> (lines: [Line], focus: Int?) {
        var lines: [Line] = []
        var focus: Int?
        let slide = state.slide
        for block in slide.blocks {
            if !lines.isEmpty { lines.append(Line()) }
            lines += text(of: block)
        }
        if let failure = state.computation.failure {
            lines += [Line(), Line(failure, Style(.warning, bold: true))]
        }
        guard let trace = state.computation.trace else { return (lines, focus) }
        if let warning = trainingWarning(), !slide.panels.isEmpty {
            lines.append(Line())
            lines += wrap(state.ui(warning), width: width).map { Line($0, Style(.warning, bold: true)) }
        }
        for panel in slide.panels {
            lines.append(Line())
            switch panel {
            case .graph:
                let legend = "Computation graph (\(glyphs.valueMark)value, \(glyphs.gradientMark)\(state.notation.gradient("node")), ← after the update)"
                lines += wrap(state.display(legend), width: width).map { Line($0, Style(.heading)) }
                lines += GraphView(state: state, trace: trace, width: width, glyphs: glyphs).lines()
            case .trace:
                let view = TraceView(state: state, trace: trace, width: width, glyphs: glyphs).lines()
                focus = view.focus.map { $0 + lines.count }
                lines += view.lines
            case .table:
                let table = TableView(state: state, width: width, glyphs: glyphs).lines()
                // After training more, keep the newest rows and the curve in view.
                if state.iterations[state.lessonIndex] > TutorState.initialIterations { focus = lines.count + table.count - 1 }
                lines += table
            }
        }
        for request in slide.jacobians {
            lines.append(Line())
            lines += jacobian(request)
        }
        if let question = slide.question {
            lines.append(Line())
            let answer = self.answer(question, trace: trace)
            if state.step > 0 || state.feedback != nil { focus = lines.count + answer.count - 1 }
            lines += answer
        }
        return (lines, focus)
    }

    /// What to say when training goes wrong: it diverged, or the loss grows.
    private func trainingWarning() -> String? {
        let traces = state.computation.traces
        let fix = "Lower η (select it with ↑, then - or e), or press r."
        if state.computation.diverged {
            return "Diverged at iteration \(traces.count): a value is no longer finite. " + fix
        }
        guard let loss = state.model?.loss, traces.count >= 2,
              let first = traces.first?.values[loss]?.scalar, let last = traces.last?.values[loss]?.scalar, last > first else { return nil }
        return "The loss grows over the iterations instead of shrinking: η is too large (or negative). " + fix
    }

    private func text(of block: Slide.Block) -> [Line] {
        switch block {
        case .paragraph(let text):
            return wrap(state.display(text), width: width).map { Line($0) }
        case .bullet(let text):
            return wrap(state.display(text), width: width - 2).enumerated().map { index, line in
                Line((index == 0 ? glyphs.bullet : "  ") + line)
            }
        case .note(let text):
            return wrap(state.display(text), width: width - 2).map { Line([Span(glyphs.noteBar, Style(.accent)), Span($0, Style(.accent))]) }
        case .formulas(let formulas):
            return formulas.flatMap { formula in
                formulaLines(state.display(formula), width: width - 2, glyphs: glyphs).map { Line("  " + $0, Style(.heading, bold: true)) }
            }
        }
    }

    private func jacobian(_ request: Slide.JacobianRequest) -> [Line] {
        guard let jacobian = state.computation.jacobians[Computation.key(request)] else { return [] }
        let notation = state.notation
        let label = notation.derivative(of: request.output, by: request.input)
        var lines = [Line("Jacobian \(label), computed from the current values:", Style(.heading))]
        let written = { (tensor: Tensor) in tensor.rows.map { $0.map(notation.number) } }
        let blocks: [TextBlock]
        if case .matrix = jacobian.rows.first?.shape {
            blocks = jacobian.rows.enumerated().map { index, row in
                TextBlock.beside([TextBlock(notation.derivative(of: request.output + "\(index + 1)", by: request.input) + " = "),
                                  TextBlock(matrix: written(row), glyphs: glyphs), TextBlock("  ")])
            }
        } else {
            blocks = [TextBlock.beside([TextBlock(label + " = "), TextBlock(matrix: written(jacobian.matrix), glyphs: glyphs)])]
        }
        let together = TextBlock.beside(blocks)
        let rows = together.width + 2 <= width ? together.lines : blocks.flatMap(\.lines)
        lines += rows.map { Line("  " + $0, Style(.value)) }
        return lines
    }

    private func answer(_ question: Slide.Question, trace: Trace) -> [Line] {
        var lines = wrap("Question: " + state.display(question.text), width: width).map { Line($0, Style(.accent, bold: true)) }
        if let feedback = state.feedback {
            lines += wrap(state.ui(feedback.text), width: width).map { Line($0, Style(feedback.correct ? .update : .warning, bold: true)) }
        }
        guard state.step > 0 else {
            let hint = "Press a to type your answer as a formula in the model's names (such as w*x), or → to see it."
            lines += wrap(state.ui(hint), width: width).map { Line($0, Style(.dim)) }
            return lines
        }
        let writer = FormulaWriter(notation: state.notation, shapes: state.model?.shapes ?? [:])
        var parts = [writer.symbolic(question.answer)]
        if let value = try? trace.bindings.evaluate(question.answer) {
            for part in [writer.substituted(question.answer, trace.bindings), state.notation.tensor(value)] where part != parts.last {
                parts.append(part)
            }
        }
        lines += wrapPieces("Answer: " + parts[0], Array(parts.dropFirst()), separator: " = ", width: width, indent: 8)
            .map { Line($0, Style(.update, bold: true)) }
        return lines
    }
}

extension String {
    /// The text with its Unicode math spelt in ASCII, for terminals without UTF-8: `∂L/∂w` as
    /// `dL/dw`, η as `eta`; what has no spelling is left for the screen's last pass.
    var asciiMath: String {
        let table: [Character: String] = [
            "∂": "d", "·": "*", "−": "-", "←": "<-", "→": "->", "η": "eta", "σ": "sigma", "⊙": ".*", "ᵀ": "^T", "Σ": "sum",
            "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "ᵢ": "i", "ⱼ": "j", "²": "^2", "³": "^3", "′": "'", "≈": "~",
            "×": "x", "½": "1/2", "…": "...", "“": "\"", "”": "\"", "’": "'", "‘": "'", "–": "-", "—": "-", "⃗": "",
        ]
        return String(flatMap { table[$0] ?? String($0) })
    }
}

extension TutorState {
    /// Lesson text as this terminal can show it.
    func display(_ text: String) -> String { unicode ? text : text.asciiMath }

    /// The tutor's own words as this terminal can show them, keys named in ASCII where needed.
    func ui(_ text: String) -> String {
        guard !unicode else { return text }
        let keys: [Character: String] = ["→": "Right", "←": "Left", "↑": "Up", "↓": "Down", "–": "-", "∇": "grad"]
        return String(text.flatMap { keys[$0] ?? String($0) }).asciiMath
    }
}
