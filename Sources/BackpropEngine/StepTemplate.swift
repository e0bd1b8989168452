/// A step compiled for its formulas: what it computes, its whole line (text in symbols, formulas
/// with a place for each number, the result) written once, and the program that works out its
/// numbers. Written for one iteration after another, it writes only the numbers anew.
struct StepTemplate: Sendable {
    /// A part of the line, as a step is compiled from them.
    enum Part {
        /// Text in symbols: the chain rule, a formula.
        case text(String)
        /// A formula with the numbers of line `line` of the program plugged in.
        case formula(LineText, line: Int)
        /// The step's value; with an offset, that entry of it alone.
        case result(Int?)
        /// The terms of a mean over rows, one for each row: `(L₁ + L₂) / 2`.
        case rows
    }

    /// What the step computes: `h`, `∂L/∂w`, `w`.
    let target: String
    /// `=`, or `←` for an update.
    let relation: String
    /// The whole line: `target relation`, then the parts.
    let line: LineText
    /// The program working out the numbers plugged into the formulas.
    var program: LineProgram
    /// Why the result is what it is, where the formula does not say.
    let remark: String?
    /// Entries of the result worked out one by one, shown under the step.
    var entries: [StepTemplate]

    /// A step computing `target` with `relation`, written as `parts`, its numbers worked out by
    /// `program`.
    init(target: String, relation: String, parts: [Part], program: LineProgram, remark: String? = nil, entries: [StepTemplate] = []) {
        var line = LineText(target + " " + relation)
        for part in parts {
            line.append(.part)
            switch part {
            case .text(let symbols): line.append(symbols)
            case .formula(let formula, let index): line.append(formula, movingNumbersBy: program.place(of: 0, in: index))
            case .result(let offset): line.append(.result(offset))
            case .rows: line.append(.rows)
            }
        }
        (self.target, self.relation, self.line, self.program, self.remark, self.entries) = (target, relation, line, program, remark, entries)
    }

    /// Puts the values and gradients `source` holds in their places, when it holds those the
    /// step reads as it did when compiled; false when it does not.
    mutating func load(_ source: StepSource) -> Bool {
        program.load(source) && entries.indices.allSatisfy { entries[$0].load(source) }
    }

    /// Appends the line with the numbers loaded and the value the step computes, `value` of
    /// `shape` (over `rows`, for a mean), to `text`: `target relation part = part = …`, a part
    /// that reads the same as the one before it left out. `parts` gets where each part is in `text`.
    mutating func write(
        _ value: ArraySlice<Double>, _ shape: Shape, rows: Trace.Mean?, _ notation: Notation, into text: inout [UInt8], parts: inout [Range<Int>]
    ) {
        program.run(notation)
        let line = self.line
        line.write(into: &text, parts: &parts, minus: notation.minus) { [program] segment, text in
            switch segment {
            case .number(let place, let form):
                program.write(operand: place, asRow: form == .row, notation, into: &text)
            case .result(let offset):
                value.withUnsafeBufferPointer { scalars in
                    guard let offset else { return notation.write(scalars, shape, decimals: notation.precision, into: &text) }
                    notation.write(UnsafeBufferPointer(rebasing: scalars[offset...offset]), .scalar, decimals: notation.precision, into: &text)
                }
            case .rows:
                if let rows { text.append(contentsOf: notation.terms(of: rows).utf8) }
            case .text, .part:
                break
            }
        }
    }
}

/// Steps compiled for their formulas, kept by step for the formulas of the models they are used
/// with, in one notation (names and symbols: a step written in another is compiled anew): a step
/// of the next iteration reads the same formulas, so that a long run compiles each step once.
public struct StepTemplates: Sendable {
    /// A step by its pass and what it computes.
    private struct Key: Hashable {
        let pass: Trace.Pass
        let node: String
    }

    private var templates: [StepTemplate] = []
    /// The step each of `templates` was compiled for, which holds its formulas so that their
    /// identities stay theirs.
    private var compiledFor: [Trace.Step] = []
    /// Where in `templates` the steps of each key are.
    private var places: [Key: [Int]] = [:]
    /// The template used last: the steps of an iteration come in the same order each time, so the
    /// next step is most often the next one kept.
    private var last = -1

    /// How the steps kept write names and symbols (their numbers' decimals aside): steps written
    /// otherwise are compiled anew.
    private var writing: (unicode: Bool, loss: String)?

    /// None kept yet.
    public init() {}

    /// A step of a model's program by where it is: the program (held, so that its identity stays
    /// its own), its pass, its place among the steps of the pass, and which of its terms take
    /// their shorter form, one bit each.
    struct ProgramStep: Hashable {
        let program: Program
        let pass: Trace.Pass
        let index: Int
        let shorter: UInt64

        static func == (a: ProgramStep, b: ProgramStep) -> Bool {
            a.program === b.program && a.pass == b.pass && a.index == b.index && a.shorter == b.shorter
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(ObjectIdentifier(program))
            hasher.combine(pass)
            hasher.combine(index)
            hasher.combine(shorter)
        }
    }

    /// The program step each of `templates` was compiled for, if it was found as one.
    private var programSteps: [ProgramStep?] = []
    /// Where in `templates` each program step's is.
    private var byProgramStep: [ProgramStep: Int] = [:]

    /// Calls `body` with `step` compiled by `writer` for its very formulas, with the numbers
    /// `source` holds (a mean's own, for a mean) loaded: as kept, or compiled anew.
    mutating func withTemplate<Result>(
        for step: Trace.Step, _ source: StepSource, by writer: FormulaWriter, _ body: (inout StepTemplate) -> Result
    ) -> Result {
        let source = if case .mean(let mean) = step { StepSource.bindings(mean.bindings) } else { source }
        keepOnly(writtenBy: writer)
        find(step, source, by: writer)
        return loaded(step, source, by: writer, body)
    }

    /// Calls `body` with the program step `key` of the iteration `numbers` compiled by `writer`,
    /// with the numbers loaded: as kept, or compiled anew for the step `step()` gives, which is
    /// built only then (and found by its formulas, without a key).
    mutating func withTemplate<Result>(
        for key: ProgramStep?, of numbers: IterationNumbers, step: () -> Trace.Step, by writer: FormulaWriter, _ body: (inout StepTemplate) -> Result
    ) -> Result {
        keepOnly(writtenBy: writer)
        let next = last + 1
        if let key, next < programSteps.count, programSteps[next] == key {
            last = next
        } else if let key, let index = byProgramStep[key] {
            last = index
        } else {
            find(step(), .iteration(numbers), by: writer)
            if let key {
                programSteps[last] = key
                byProgramStep[key] = last
            }
        }
        return loaded(step(), .iteration(numbers), by: writer, body)
    }

    /// Lets go of every step kept when `writer` writes names and symbols otherwise.
    private mutating func keepOnly(writtenBy writer: FormulaWriter) {
        let notation = writer.notation
        if let writing, writing.unicode != notation.unicode || writing.loss != notation.loss { self = StepTemplates() }
        writing = (notation.unicode, notation.loss)
    }

    /// Makes `last` the place of `step`'s template: the next one kept when it is the one, else
    /// the one kept for its formulas, else one compiled now.
    private mutating func find(_ step: Trace.Step, _ source: StepSource, by writer: FormulaWriter) {
        let next = last + 1
        if next < templates.count, StepTemplates.sameFormulas(compiledFor[next], step) {
            last = next
            return
        }
        let key = Key(pass: step.pass, node: step.node)
        last = places[key, default: []].first { StepTemplates.sameFormulas(compiledFor[$0], step) } ?? {
            templates.append(writer.template(for: step, source.bindings))
            compiledFor.append(step)
            programSteps.append(nil)
            places[key, default: []].append(templates.count - 1)
            return templates.count - 1
        }()
    }

    /// Calls `body` with the template at `last` with the numbers `source` holds loaded; compiled
    /// anew for `step()` first when the values or gradients it reads appeared or went, or
    /// changed shape.
    private mutating func loaded<Result>(
        _ step: @autoclosure () -> Trace.Step, _ source: StepSource, by writer: FormulaWriter, _ body: (inout StepTemplate) -> Result
    ) -> Result {
        if !templates[last].load(source) {
            templates[last] = writer.template(for: step(), source.bindings)
            let loaded = templates[last].load(source)
            precondition(loaded, "a step compiled for the numbers at hand reads them")
        }
        return body(&templates[last])
    }

    /// True when `a` and `b` compute the same with the very same formulas (a term of a gradient
    /// may be in its shorter form or not), or are means over as many rows.
    private static func sameFormulas(_ a: Trace.Step, _ b: Trace.Step) -> Bool {
        switch a {
        case .forward(let a):
            guard case .forward(let b) = b else { return false }
            return a.node == b.node && a.expression.identity == b.expression.identity
        case .backward(let a):
            guard case .backward(let b) = b, a.node == b.node, a.terms.count == b.terms.count else { return false }
            return a.terms.indices.allSatisfy { a.terms[$0].expression.identity == b.terms[$0].expression.identity }
        case .mean(let a):
            guard case .mean(let b) = b else { return false }
            return a.node == b.node && a.ofGradient == b.ofGradient && a.rows.count == b.rows.count
        case .update(let a):
            guard case .update(let b) = b else { return false }
            return a.parameter == b.parameter && a.expression.identity == b.expression.identity
        }
    }
}
