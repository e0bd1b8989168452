import BackpropEngine
import Lessons
import TutorApp

/// `backprop-tutor print`: every step of N training iterations and the iteration table, as
/// text or as one JSON document; over a data set, every row's steps, the means over the rows
/// and the updates of each epoch.
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

    /// The output and its warnings.
    func run() throws -> Output {
        let model = try model()
        let batches = try model.train(batches: options.iterations)
        let writer = FormulaWriter(notation: Notation(loss: model.loss, precision: options.precision, unicode: unicode), shapes: model.shapes)
        let warnings = batches.first?.first.map { model.improperTargets($0.bindings).map(writer.warning) } ?? []
        let text = options.json ? JSONReport(lesson: lesson.id, model: model, batches: batches).text : self.text(model, batches, writer)
        return Output(text: text, warnings: warnings.map { unicode ? $0 : $0.plainASCII })
    }

    /// Every step of every iteration and the table; in ASCII, every character plain ASCII,
    /// the lesson's title included.
    private func text(_ model: Model, _ batches: [[Trace]], _ writer: FormulaWriter) -> String {
        let notation = writer.notation
        let traces = batches.compactMap(\.first)
        let unit = model.data?.isFullBatch == true ? "epoch" : "iteration"
        var lines = ["\(lesson.title) (\(lesson.id)): \(options.iterations) \(unit)\(options.iterations == 1 ? "" : "s"), \(notation.name(model.rate)) = \(notation.constant(model.learningRate))"]
        for (index, batch) in batches.enumerated() {
            lines += ["", "\(unit.prefix(1).uppercased() + unit.dropFirst()) \(index + 1)"]
            for (position, trace) in batch.enumerated() {
                // Over a data set, each row's passes under a line with its numbers.
                var indent = "  "
                if let data = model.data, let row = trace.batch?.row {
                    lines.append("  row \(row + 1): " + notation.numbers(ofRow: row, in: data))
                    indent = "    "
                }
                // The first iteration says once why ∂L/∂L is 1.
                let remarks = index == 0 && position == 0
                lines += section("forward", trace.forward.map(Trace.Step.forward), of: trace, indent: indent, remarks: remarks, writer)
                lines += section("backward", trace.backward.map(Trace.Step.backward), of: trace, indent: indent, remarks: remarks, writer)
            }
            guard let last = batch.last else { continue }
            if let means = last.batch?.means, !means.isEmpty {
                lines += section("mean", means.map(Trace.Step.mean), of: last, indent: "  ", remarks: false, writer)
            }
            lines += section("update", last.updates.map(Trace.Step.update), of: last, indent: "  ", remarks: false, writer)
        }
        lines += ["", "Iteration table"] + IterationTableText(model: model, notation: notation).lines(traces)
        if let last = traces.last, last.diverged {
            lines += ["", "diverged at \(unit) \(traces.count): a value is no longer finite; try a smaller η"]
        }
        let text = lines.joined(separator: "\n")
        return unicode ? text : text.plainASCII
    }

    /// A pass of `trace` under its heading, each step on a line after `indent`, the entry
    /// worked out under a matrix gradient further in; with `remarks`, a step says why its
    /// result is what it is.
    private func section(
        _ heading: String, _ steps: [Trace.Step], of trace: Trace, indent: String, remarks: Bool, _ writer: FormulaWriter
    ) -> [String] {
        [indent + heading] + steps.flatMap { step -> [String] in
            let text = writer.text(for: step, trace.bindings(for: step))
            let remark: String = remarks ? text.remark.map { "   (\($0))" } ?? "" : ""
            let entries: [String] = text.entries.map { indent + "    " + $0.line }
            return [indent + "  " + text.line + remark] + entries
        }
    }
}
