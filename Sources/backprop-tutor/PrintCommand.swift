import BackpropEngine
import Lessons

/// `backprop-tutor print`: every step of N training iterations and the iteration table, as
/// text or as one JSON document.
struct PrintCommand {
    let options: PrintOptions
    let lesson: Lesson

    /// The lesson's model with the command line's starting values and η.
    func model() throws -> Model {
        guard var model = lesson.model else {
            throw UsageError(message: "lesson '\(lesson.id)' has no model to run (try one with slides that compute)")
        }
        for setting in options.settings {
            guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
                throw UsageError(message: "--set takes NAME=VALUE, not '\(setting)'")
            }
            let name = String(setting[..<equals]), text = String(setting[setting.index(after: equals)...])
            let value: Tensor
            do {
                value = try Tensor(parsing: text)
            } catch {
                throw UsageError(message: "--set \(setting): '\(text)' is not a value (\(error.message))")
            }
            do {
                model = try model.setting(name, to: value)
            } catch {
                throw UsageError(message: "--set \(setting): \(error)")
            }
        }
        if let eta = options.eta { model = try model.setting(model.rate, to: Tensor(eta)) }
        return model
    }

    /// The output.
    func run() throws -> String {
        let model = try model()
        let traces = try model.train(iterations: options.iterations)
        return options.json ? JSONReport(lesson: lesson.id, model: model, traces: traces).text : text(model, traces)
    }

    private func text(_ model: Model, _ traces: [Trace]) -> String {
        let notation = Notation(loss: model.loss, precision: options.precision, unicode: !options.ascii)
        let writer = FormulaWriter(notation: notation, shapes: model.shapes)
        var lines = ["\(lesson.title) (\(lesson.id)): \(options.iterations) iteration\(options.iterations == 1 ? "" : "s"), \(notation.name(model.rate)) = \(notation.constant(model.learningRate))"]
        for (index, trace) in traces.enumerated() {
            lines += ["", "Iteration \(index + 1)"]
            for (heading, steps) in [("forward", trace.forward.map(Trace.Step.forward)),
                                     ("backward", trace.backward.map(Trace.Step.backward)),
                                     ("update", trace.updates.map(Trace.Step.update))] {
                lines.append("  \(heading)")
                lines += steps.flatMap { step in
                    let text = writer.text(for: step, trace.bindings)
                    return ["    " + text.line] + text.entries.map { "      " + $0.line }
                }
            }
        }
        lines += ["", "Iteration table"] + IterationTableText(model: model, notation: notation).lines(traces).lines
        if let last = traces.last, last.diverged {
            lines += ["", "diverged at iteration \(traces.count): a value is no longer finite; try a smaller η"]
        }
        return lines.joined(separator: "\n")
    }
}
