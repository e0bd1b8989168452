import BackpropEngine
import Lessons
import TestSupport
import Testing

/// `print` writes an iteration of a model without a data set from its numbers alone, each step
/// compiled once for its formulas: it reads exactly as the iteration's trace written step by
/// step, every iteration.
@Suite struct IterationTextTests {
    /// The shipped lessons whose model trains without a data set.
    static func lessons() throws -> [String] {
        try LessonLibrary.shipped().filter { $0.model.map { $0.data == nil } ?? false }.map(\.id)
    }

    /// Iteration `index` (0-based) of `trace` written step by step, pass by pass, as `print` lays
    /// it out; the first says why ∂L/∂L is 1.
    static func lines(of trace: Trace, index: Int, by writer: FormulaWriter) -> String {
        var lines: [String] = []
        for pass in [Trace.Pass.forward, .backward, .update] {
            lines.append(pass.rawValue)
            for step in trace.steps where step.pass == pass {
                let text = writer.text(for: step, trace.bindings(for: step))
                lines.append("  " + text.line + (index == 0 ? text.remark.map { "   (\($0))" } ?? "" : ""))
                lines += text.entries.map { "    " + $0.line }
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    @Test(arguments: try lessons(), [2, 4])
    func anIterationFromItsNumbersReadsAsItsStepsWrittenOneByOne(lesson: String, precision: Int) throws {
        let model = try #require(try LessonLibrary.shipped(lesson).model)
        let writer = FormulaWriter(notation: Notation(loss: model.loss, precision: precision), shapes: model.shapes)
        var templates = StepTemplates()
        var training = Training(model: model)
        for index in 0..<6 {
            let numbers = try #require(try training.nextNumbers())
            var text: [UInt8] = []
            writer.write(iteration: numbers, of: model, indent: "", remark: index == 0, templates: &templates, into: &text)
            #expect(String(decoding: text, as: UTF8.self) == Self.lines(of: model.trace(of: numbers), index: index, by: writer), "iteration \(index + 1)")
        }
    }

    @Test func stepsKeptFromOneIterationToTheNextWriteWhatStepsCompiledAfreshWrite() throws {
        let model = try #require(try LessonLibrary.shipped("deeper").model)
        let writer = FormulaWriter(notation: Notation(loss: model.loss), shapes: model.shapes)
        var templates = StepTemplates()
        for trace in try model.train(iterations: 5) {
            for step in trace.steps {
                let kept = writer.text(for: step, trace.bindings(for: step), templates: &templates)
                #expect(kept == writer.text(for: step, trace.bindings(for: step)), "\(kept.line)")
            }
        }
    }

    @Test func stepsKeptForOneModelAreNotTakenForAnothers() throws {
        let models = try Self.lessons().compactMap { try LessonLibrary.shipped($0).model }
        var shared = StepTemplates()
        for round in 0..<2 {
            for model in models {
                let writer = FormulaWriter(notation: Notation(loss: model.loss), shapes: model.shapes)
                var training = Training(model: model)
                let numbers = try #require(try training.nextNumbers())
                var (kept, afresh): ([UInt8], [UInt8]) = ([], [])
                var fresh = StepTemplates()
                writer.write(iteration: numbers, of: model, indent: "", remark: false, templates: &shared, into: &kept)
                writer.write(iteration: numbers, of: model, indent: "", remark: false, templates: &fresh, into: &afresh)
                #expect(kept == afresh, "round \(round + 1)")
            }
        }
    }
}
