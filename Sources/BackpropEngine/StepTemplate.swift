/// A step compiled for its formulas: what it computes, the parts of its line (text in symbols,
/// formulas with a place for each number, the result), and the program that works out its
/// numbers. Written for one iteration after another, it writes only the numbers anew.
struct StepTemplate: Sendable {
    /// A part of the line.
    enum Part: Sendable {
        /// Text in symbols: the chain rule, a formula.
        case text(String)
        /// A formula with the numbers of line `line` of the program plugged in.
        case formula(FormulaText, line: Int)
        /// The step's value; with an offset, that entry of it alone.
        case result(Int?)
        /// The terms of a mean over rows, one for each row: `(L₁ + L₂) / 2`.
        case rows
    }

    /// What the step computes: `h`, `∂L/∂w`, `w`.
    let target: String
    /// `=`, or `←` for an update.
    let relation: String
    /// The parts of the line, in order.
    let parts: [Part]
    /// The program working out the numbers plugged into the formulas.
    var program: LineProgram
    /// Why the result is what it is, where the formula does not say.
    var remark: String?
    /// Entries of the result worked out one by one, shown under the step.
    var entries: [StepTemplate] = []

    /// Puts the values and gradients `source` holds in their places, when it holds those the
    /// step reads as it did when compiled; false when it does not.
    mutating func load(_ source: StepSource) -> Bool {
        program.load(source) && entries.indices.allSatisfy { entries[$0].load(source) }
    }

    /// Appends the line of `step` with the numbers loaded to `text`: `target relation part = part
    /// = …`, a part that reads the same as the one before it left out. `parts` gets where each part
    /// is in `text`.
    mutating func write(_ step: Trace.Step, _ notation: Notation, into text: inout [UInt8], parts: inout [Range<Int>]) {
        program.run(notation)
        parts.removeAll(keepingCapacity: true)
        text.append(contentsOf: target.utf8)
        text.append(UInt8(ascii: " "))
        text.append(contentsOf: relation.utf8)
        for part in self.parts {
            let separator = text.count
            text.append(contentsOf: (parts.isEmpty ? " " : " = ").utf8)
            let start = text.count
            switch part {
            case .text(let symbols):
                text.append(contentsOf: symbols.utf8)
            case .formula(let formula, let line):
                formula.write(into: &text, minus: notation.minus) { index, asRow, text in
                    program.write(operand: index, of: line, asRow: asRow, notation, into: &text)
                }
            case .result(let offset):
                let value = step.value
                value.scalars.withUnsafeBufferPointer { scalars in
                    guard let offset else { return notation.write(scalars, value.shape, decimals: notation.precision, into: &text) }
                    notation.write(UnsafeBufferPointer(rebasing: scalars[offset...offset]), .scalar, decimals: notation.precision, into: &text)
                }
            case .rows:
                if case .mean(let mean) = step { text.append(contentsOf: notation.terms(of: mean).utf8) }
            }
            if let last = parts.last, text[last].elementsEqual(text[start...]) {
                text.removeSubrange(separator...)
            } else {
                parts.append(start..<text.count)
            }
        }
    }
}

/// Steps compiled for their formulas, kept by step as one writer writes them: a step of the next
/// iteration reads the same formulas, so that a long run compiles each step once.
public struct StepTemplates: Sendable {
    /// A step by its pass and what it computes.
    private struct Key: Hashable {
        let pass: Trace.Pass
        let node: String
    }

    /// The formulas a step reads, by identity, and for a mean, over how many rows: a step of the
    /// same key reading other formulas (a term in its shorter form) is compiled apart.
    private struct Formulas: Equatable {
        let identities: [ObjectIdentifier]
        let rows: Int

        init(_ step: Trace.Step) {
            switch step {
            case .forward(let forward): (identities, rows) = ([forward.expression.identity], 0)
            case .backward(let backward): (identities, rows) = (backward.terms.map(\.expression.identity), 0)
            case .mean(let mean): (identities, rows) = ([], mean.rows.count)
            case .update(let update): (identities, rows) = ([update.expression.identity], 0)
            }
        }
    }

    private var templates: [StepTemplate] = []
    /// The formulas each of `templates` reads, and the steps themselves, which hold the formulas
    /// so that their identities stay theirs.
    private var compiledFor: [(formulas: Formulas, step: Trace.Step)] = []
    /// Where in `templates` the steps of each key are.
    private var places: [Key: [Int]] = [:]

    /// None kept yet.
    public init() {}

    /// Calls `body` with `step` compiled by `writer` for its very formulas, with the numbers
    /// `source` holds (a mean's own, for a mean) loaded: as kept, or compiled anew.
    mutating func withTemplate<Result>(
        for step: Trace.Step, _ source: StepSource, by writer: FormulaWriter, _ body: (inout StepTemplate) -> Result
    ) -> Result {
        let key = Key(pass: step.pass, node: step.node)
        let source = if case .mean(let mean) = step { StepSource.bindings(mean.bindings) } else { source }
        let formulas = Formulas(step)
        let index = places[key, default: []].first { compiledFor[$0].formulas == formulas } ?? {
            templates.append(writer.template(for: step, source.bindings))
            compiledFor.append((formulas, step))
            places[key, default: []].append(templates.count - 1)
            return templates.count - 1
        }()
        if !templates[index].load(source) {
            // Values or gradients appeared or went, or changed shape: compiled anew for them.
            templates[index] = writer.template(for: step, source.bindings)
            _ = templates[index].load(source)
        }
        return body(&templates[index])
    }
}
