import BackpropEngine
import Lessons
import TextScreen

/// A question: what is asked, the verdict on the learner's last answer, and once revealed the
/// answer worked out with the current numbers.
struct QuestionView {
    let question: Slide.Question
    let model: Model
    let trace: Trace
    /// The same iteration before the last change of a value, if any: a changed answer is marked.
    let before: Trace?
    /// What the tutor said about the last answer typed.
    let feedback: Feedback?
    /// The answer is shown.
    let revealed: Bool
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    func lines() -> [Line] {
        var lines = wrap("Question: " + glyphs.display(question.text), width: width).map { Line($0, Style(.accent, bold: true)) }
        if let feedback {
            lines += wrap(glyphs.ui(feedback.text), width: width).map { Line($0, Style(feedback.correct ? .update : .warning, bold: true)) }
        }
        guard revealed else {
            guard feedback == nil else { return lines }
            let (answer, next) = (KeyBindings.key(for: .answer), KeyBindings.key(for: .next))
            let hint = "Press \(answer) to type your answer as a formula in the model's names (such as w*x), or \(next) to see it."
            lines += wrap(glyphs.ui(hint), width: width).map { Line($0, Style(.dim)) }
            return lines
        }
        let writer = FormulaWriter(notation: notation, shapes: model.shapes)
        var parts = [writer.symbolic(question.answer)]
        if let value = try? trace.bindings.evaluate(question.answer) {
            for part in [writer.substituted(question.answer, trace.bindings), notation.tensor(value)] where part != parts.last {
                parts.append(part)
            }
        }
        let old = before.flatMap { try? $0.bindings.evaluate(question.answer) }.map(notation.tensor)
        let changed = old != nil && old != parts.last
        let answer = wrapPieces("Answer: " + parts[0], Array(parts.dropFirst()), separator: " = ", width: width, indent: 8)
        lines += answer.enumerated().map { index, line in
            Line(line, Style(.update, bold: true, underline: changed && index == answer.count - 1))
        }
        return lines
    }
}
