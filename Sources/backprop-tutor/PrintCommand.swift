import BackpropEngine
import Lessons
import TextScreen

/// `backprop-tutor print`: every step of N training iterations and the iteration table, as
/// text or as one JSON document, each iteration written as it is computed and then let go, so
/// that memory stays flat however many iterations are asked for. Over a data set, each
/// iteration (an epoch, when it trains on every row) writes every row's steps, the means over
/// the rows and the updates.
struct PrintCommand {
    let options: PrintOptions
    let lesson: Lesson
    /// Unicode math rather than plain ASCII: the option's choice, or the locale's.
    let unicode: Bool

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

    /// Writes the output to `output`, first handing `warn` each warning for standard error (one
    /// line each, such as a cross-entropy target that is not a probability distribution).
    func run(to output: inout OutputWriter, warn: (String) -> Void) throws {
        let model = try model()
        let writer = FormulaWriter(notation: Notation(loss: model.loss, precision: options.precision, unicode: unicode), shapes: model.shapes)
        for warning in model.improperTargets(try model.trace().bindings).map(writer.warning) {
            warn(unicode ? warning : warning.plainASCII)
        }
        if options.json {
            try writeJSON(model, to: &output)
        } else {
            try writeText(model, writer, to: &output)
        }
    }

    /// The JSON document: each iteration from its numbers alone where it has no rows and no
    /// estimates to show, else from its traces.
    private func writeJSON(_ model: Model, to output: inout OutputWriter) throws {
        let report = JSONReport(lesson: lesson.id, model: model)
        var text: [UInt8] = []
        try output.write(report.opening)
        if model.data == nil, !options.check {
            try trainNumbers(model) { index, numbers in
                text.removeAll(keepingCapacity: true)
                if index > 0 { text.append(contentsOf: JSONReport.separator.utf8) }
                report.iteration(numbers, into: &text)
                try output.write(utf8: text)
            }
        } else {
            try train(model) { index, batch in
                let numeric = try options.check ? batch.map { try estimates(model, $0) } : nil
                text.removeAll(keepingCapacity: true)
                if index > 0 { text.append(contentsOf: JSONReport.separator.utf8) }
                report.iteration(batch, numeric: numeric, into: &text)
                try output.write(utf8: text)
            }
        }
        try output.write(JSONReport.closing + "\n")
    }

    /// Every step of every iteration, then the table; in ASCII, every character plain ASCII, the
    /// lesson's title included.
    private func writeText(_ model: Model, _ writer: FormulaWriter, to output: inout OutputWriter) throws {
        let notation = writer.notation
        let write = { (output: inout OutputWriter, line: String) throws in try output.write(line: unicode ? line : line.plainASCII) }
        let unit = model.data?.isFullBatch == true ? "epoch" : "iteration"
        try write(&output, "\(lesson.title) (\(lesson.id)): \(options.iterations) \(unit)\(options.iterations == 1 ? "" : "s"), \(notation.name(model.rate)) = \(notation.constant(model.learningRate))")
        // The table's columns are as wide as their widest cell, as they always were: the steps'
        // pass measures them, and a second pass trains again to write the table's lines. Fixed
        // widths would either waste room on every line or cut a number that grows (a diverging
        // loss, more decimals), and keeping the rows would hold every iteration in memory.
        let table = IterationTableText(model: model, notation: notation)
        var widths = table.headings.map(\.count)
        var templates = StepTemplates()
        var text: [UInt8] = []
        var cells = IterationTableText.Cells()
        let heading = { (output: inout OutputWriter, index: Int) throws in
            try write(&output, "")
            try write(&output, "\(unit.prefix(1).uppercased() + unit.dropFirst()) \(index + 1)")
        }
        let training: Training
        if model.data == nil, !options.check {
            // The steps from the numbers alone, without a trace's numbers by name.
            training = try trainNumbers(model) { index, numbers in
                try heading(&output, index)
                // The first iteration says once why ∂L/∂L is 1.
                text.removeAll(keepingCapacity: true)
                writer.write(iteration: numbers, of: model, indent: "  ", remark: index == 0, templates: &templates, into: &text)
                try writeText(text, to: &output)
                table.cells(of: numbers, number: index + 1, into: &cells)
                widths = IterationTableText.widths(widths, cells)
            }
        } else {
            training = try train(model) { index, batch in
                try heading(&output, index)
                try writeSteps(of: batch, first: index == 0, model, writer, &templates, &text, to: &output)
                guard let first = batch.first else { return }
                table.cells(of: first, number: index + 1, into: &cells)
                widths = IterationTableText.widths(widths, cells)
            }
        }
        try write(&output, "")
        try write(&output, "Iteration table")
        let writeLine = { (output: inout OutputWriter, cells: IterationTableText.Cells) throws in
            text.removeAll(keepingCapacity: true)
            IterationTableText.line(cells, widths: widths, into: &text)
            text.append(UInt8(ascii: "\n"))
            try writeText(text, to: &output)
        }
        try writeLine(&output, IterationTableText.Cells(table.headings))
        if model.data == nil {
            try trainNumbers(model) { index, numbers in
                table.cells(of: numbers, number: index + 1, into: &cells)
                try writeLine(&output, cells)
            }
        } else {
            try train(model) { index, batch in
                guard let first = batch.first else { return }
                table.cells(of: first, number: index + 1, into: &cells)
                try writeLine(&output, cells)
            }
        }
        if training.diverged {
            try write(&output, "")
            try write(&output, "diverged at \(unit) \(training.count): a value is no longer finite; try a smaller η")
        }
    }

    /// The steps of an iteration from its traces, one per row of its batch over a data set: each
    /// row's passes (under a line with its numbers, over a data set), then the means over the
    /// rows and the updates; in the `first` iteration, a step says why its result is what it is.
    /// With `--check`, each gradient is followed by its central difference.
    private func writeSteps(
        of batch: [Trace], first: Bool, _ model: Model, _ writer: FormulaWriter, _ templates: inout StepTemplates, _ text: inout [UInt8],
        to output: inout OutputWriter
    ) throws {
        let notation = writer.notation
        for (position, trace) in batch.enumerated() {
            var indent = "  "
            if let data = model.data, let row = trace.batch?.row {
                text.removeAll(keepingCapacity: true)
                text.append(contentsOf: ("  row \(row + 1): " + notation.numbers(ofRow: row, in: data) + "\n").utf8)
                try writeText(text, to: &output)
                indent = "    "
            }
            let differences = try options.check ? model.centralDifferences(of: trace) : [:]
            let passes = [("forward", trace.forward.map(Trace.Step.forward)), ("backward", trace.backward.map(Trace.Step.backward))]
            for (heading, steps) in passes {
                writeSection(heading, steps, indent: indent, into: &text) { step, indent, text in
                    writer.write(step, trace.bindings(for: step), indent: indent, remark: first && position == 0, templates: &templates, into: &text)
                    if case .backward(let backward) = step, let estimate = differences[backward.node] {
                        text.append(contentsOf: (indent + "  " + CheckText(notation: notation).beside(backward.value, estimate, long: true) + "\n").utf8)
                    }
                }
                try writeText(text, to: &output)
            }
        }
        guard let last = batch.last else { return }
        let rest = [("mean", (last.batch?.means ?? []).map(Trace.Step.mean)), ("update", last.updates.map(Trace.Step.update))]
        for (heading, steps) in rest where !steps.isEmpty || heading == "update" {
            writeSection(heading, steps, indent: "  ", into: &text) { step, indent, text in
                writer.write(step, last.bindings(for: step), indent: indent, remark: false, templates: &templates, into: &text)
            }
            try writeText(text, to: &output)
        }
    }

    /// A pass under its heading after `indent`, each of `steps` written by `write` (handed the
    /// step and the indent of its line) further in. The lines replace what `text` held.
    private func writeSection(
        _ heading: String, _ steps: [Trace.Step], indent: String, into text: inout [UInt8],
        _ write: (Trace.Step, String, inout [UInt8]) -> Void
    ) {
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: (indent + heading + "\n").utf8)
        for step in steps { write(step, indent + "  ", &text) }
    }

    /// Writes `text`, whole lines, as it is, or in ASCII every character plain ASCII.
    private func writeText(_ text: [UInt8], to output: inout OutputWriter) throws {
        guard unicode else { return try output.write(String(decoding: text, as: UTF8.self).plainASCII) }
        try output.write(utf8: text)
    }

    /// Each node's central-difference estimate of its gradient in `trace`, shaped like the gradient.
    private func estimates(_ model: Model, _ trace: Trace) throws -> [String: Tensor] {
        try model.centralDifferences(of: trace).reduce(into: [:]) { estimates, pair in
            guard let gradient = trace.gradients[pair.key] else { return }
            estimates[pair.key] = Tensor(shape: gradient.shape, scalars: pair.value.map(\.estimate))
        }
    }

    /// Trains `model`, which has no data set, for the iterations asked, handing each iteration's
    /// numbers alone to `body` with its index as they are computed; stops after an iteration
    /// that diverged. The training, as it ended.
    @discardableResult
    private func trainNumbers(_ model: Model, _ body: (Int, IterationNumbers) throws -> Void) throws -> Training {
        var training = Training(model: model)
        while training.count < options.iterations, let numbers = try training.nextNumbers() {
            try body(training.count - 1, numbers)
        }
        return training
    }

    /// Trains `model` for the iterations asked, handing each iteration's traces (one per row of
    /// its batch over a data set) to `body` with its index as it is computed; stops after an
    /// iteration that diverged. The training, as it ended.
    @discardableResult
    private func train(_ model: Model, _ body: (Int, [Trace]) throws -> Void) throws -> Training {
        var training = Training(model: model)
        while training.count < options.iterations, let batch = try training.nextBatch() {
            try body(training.count - 1, batch)
        }
        return training
    }
}
