import BackpropEngine
import Lessons
import TutorApp

/// `backprop-tutor print`: every step of N training iterations and the iteration table, as
/// text or as one JSON document.
struct PrintCommand {
    let options: PrintOptions
    let lesson: Lesson
    /// Unicode math rather than plain ASCII: the option's choice, or the locale's.
    let unicode: Bool

    /// What `print` writes: the output, and the warnings for standard error.
    struct Output {
        /// The text or JSON document.
        let text: String
        /// One line each, such as a cross-entropy target that is not a probability distribution.
        let warnings: [String]
    }

    /// The lesson's model with the command line's starting values and η.
    func model() throws -> Model {
        guard var model = lesson.model else {
            throw UsageError(message: "lesson '\(lesson.id)' has no model to run (try one with slides that compute)")
        }
        for setting in options.settings {
            guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
                throw UsageError(message: "--set takes NAME=VALUE, not \(setting.quoted)")
            }
            let name = String(setting[..<equals])
            let value = try Tensor(typed: String(setting[setting.index(after: equals)...]), after: "--set \(setting)")
            do {
                model = try model.setting(name, to: value)
            } catch {
                throw UsageError(message: "--set \(setting.abbreviated): \(error)")
            }
        }
        if let (text, eta) = options.eta {
            do {
                model = try model.setting(model.rate, to: eta)
            } catch {
                throw UsageError(message: "--eta \(text.abbreviated): \(error)")
            }
        }
        return model
    }

    /// The output and its warnings.
    func run() throws -> Output {
        let model = try model()
        let traces = try model.train(iterations: options.iterations)
        let writer = FormulaWriter(notation: Notation(loss: model.loss, precision: options.precision, unicode: unicode), shapes: model.shapes)
        let warnings = traces.first.map { model.improperTargets($0.bindings).map(writer.warning) } ?? []
        let text = options.json ? JSONReport(lesson: lesson.id, model: model, traces: traces).text : self.text(model, traces, writer)
        return Output(text: text, warnings: warnings.map { unicode ? $0 : $0.plainASCII })
    }

    /// Every step of every iteration and the table; in ASCII, every character plain ASCII,
    /// the lesson's title included.
    private func text(_ model: Model, _ traces: [Trace], _ writer: FormulaWriter) -> String {
        let notation = writer.notation
        var lines = ["\(lesson.title) (\(lesson.id)): \(options.iterations) iteration\(options.iterations == 1 ? "" : "s"), \(notation.name(model.rate)) = \(notation.constant(model.learningRate))"]
        for (index, trace) in traces.enumerated() {
            lines += ["", "Iteration \(index + 1)"]
            for (heading, steps) in [("forward", trace.forward.map(Trace.Step.forward)),
                                     ("backward", trace.backward.map(Trace.Step.backward)),
                                     ("update", trace.updates.map(Trace.Step.update))] {
                lines.append("  \(heading)")
                lines += steps.flatMap { step in
                    let text = writer.text(for: step, trace.bindings)
                    // The first iteration says once why ∂L/∂L is 1.
                    let remark = index == 0 ? text.remark.map { "   (\($0))" } ?? "" : ""
                    return ["    " + text.line + remark] + text.entries.map { "      " + $0.line }
                }
            }
        }
        lines += ["", "Iteration table"] + IterationTableText(model: model, notation: notation).lines(traces)
        if let last = traces.last, last.diverged {
            lines += ["", "diverged at iteration \(traces.count): a value is no longer finite; try a smaller η"]
        }
        let text = lines.joined(separator: "\n")
        return unicode ? text : text.plainASCII
    }
}
