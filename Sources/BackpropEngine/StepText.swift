/// A trace step written out: `target relation part = part = …`, e.g.
/// `∂L/∂w = ∂L/∂h · ∂h/∂w = ∂L/∂h · x = −1.90 · 1.00 = −1.90`; a node used more than once adds
/// up its paths: `… = −0.42 · 0.30 + 0.42 · (−0.20) = −0.126 + (−0.084) = −0.21`.
public struct StepText: Sendable, Equatable {
    /// What the step computes: `h`, `∂L/∂w`, `w`.
    public let target: String
    /// `=`, or `←` for an update.
    public let relation: String
    /// The chain rule (backward steps through another node), the formula, the formula with
    /// numbers, the number of each path (a node used more than once), and the result; a part
    /// equal to the one before it is left out.
    public let parts: [String]
    /// Why the result is what it is, where the formula does not say: ∂L/∂L = 1 for the loss.
    public var remark: String?
    /// Entries of the result worked out one by one, shown under the step: for a gradient that is
    /// a matrix, its first row's last entry, `∂L/∂W₁₂ = ∂L/∂h₁ · x₂ = −0.09 · 2.00 = −0.18`.
    public var entries: [StepText] = []

    /// The whole step on one line.
    public var line: String {
        "\(target) \(relation) " + parts.joined(separator: " = ")
    }
}

extension FormulaWriter {
    /// What `step` computes, as written: `h`, `∂L/∂w`, `w`.
    public func target(of step: Trace.Step) -> String {
        switch step {
        case .forward(let forward): notation.name(forward.node)
        case .backward(let backward): notation.gradient(backward.node)
        case .mean(let mean): mean.ofGradient ? notation.gradient(mean.node) : notation.name(mean.node)
        case .update(let update): notation.name(update.parameter)
        }
    }

    /// The text of `step`, with numbers from `bindings`.
    public func text(for step: Trace.Step, _ bindings: Bindings) -> StepText {
        var templates = StepTemplates()
        return text(for: step, bindings, templates: &templates)
    }

    /// The text of `step`, with numbers from `bindings`; `templates` keeps the step compiled for
    /// the next step written by this writer, the same step of the next iteration among them.
    public func text(for step: Trace.Step, _ bindings: Bindings, templates: inout StepTemplates) -> StepText {
        templates.withTemplate(for: step, .bindings(bindings), by: self) { template in
            func text(_ template: inout StepTemplate) -> StepText {
                var (line, parts): ([UInt8], [Range<Int>]) = ([], [])
                template.write(step.value.scalars[...], step.value.shape, rows: step.mean, notation, into: &line, parts: &parts)
                return StepText(
                    target: template.target, relation: template.relation,
                    parts: parts.map { String(decoding: line[$0], as: UTF8.self) }, remark: template.remark,
                    entries: template.entries.indices.map { text(&template.entries[$0]) }
                )
            }
            return text(&template)
        }
    }

    /// Appends the lines of `step` with numbers from `bindings` to `text`, each after `indent`
    /// and ending in a line break: the step, then (further in) each entry worked out under it;
    /// with `remark`, the step says why its result is what it is. `templates` keeps the step
    /// compiled, as for `text(for:_:templates:)`.
    public func write(
        _ step: Trace.Step, _ bindings: Bindings, indent: String, remark: Bool, templates: inout StepTemplates, into text: inout [UInt8]
    ) {
        var parts: [Range<Int>] = []
        templates.withTemplate(for: step, .bindings(bindings), by: self) { template in
            writeLines(&template, step.value.scalars[...], step.value.shape, rows: step.mean, indent: indent, remark: remark, into: &text, parts: &parts)
        }
    }

    /// Appends the lines of the step `template` with its numbers loaded, its value `value` of
    /// `shape` (over `rows`, for a mean), as `write(_:_:indent:remark:templates:into:)` writes them;
    /// `parts` is room to note where the parts of a line are.
    func writeLines(
        _ template: inout StepTemplate, _ value: ArraySlice<Double>, _ shape: Shape, rows: Trace.Mean?, indent: String, remark: Bool,
        into text: inout [UInt8], parts: inout [Range<Int>]
    ) {
        text.append(contentsOf: indent.utf8)
        template.write(value, shape, rows: rows, notation, into: &text, parts: &parts)
        if remark, let remark = template.remark { text.append(contentsOf: "   (\(remark))".utf8) }
        text.append(UInt8(ascii: "\n"))
        for index in template.entries.indices {
            text.append(contentsOf: (indent + "  ").utf8)
            template.entries[index].write(value, shape, rows: rows, notation, into: &text, parts: &parts)
            text.append(UInt8(ascii: "\n"))
        }
    }

    /// `step` compiled for its formulas, with `bindings` holding the values and gradients it reads.
    func template(for step: Trace.Step, _ bindings: Bindings) -> StepTemplate {
        let shapes = bindings.shapes
        func plugged(_ formula: Expr) -> LineProgram.Request { LineProgram.Request(plugging: formula, into: bindings) }
        let relation = step.pass == .update ? (notation.unicode ? "←" : "<-") : "="
        switch step {
        case .forward(let forward):
            return StepTemplate(target: target(of: step), relation: relation, parts: [
                .text(symbolic(forward.expression)), .formula(formula(forward.expression, plugged(forward.expression)), line: 0), .result(nil),
            ], program: LineProgram([plugged(forward.expression)], over: bindings))
        case .update(let update):
            return StepTemplate(target: target(of: step), relation: relation, parts: [
                .text(symbolic(update.expression)), .formula(formula(update.expression, plugged(update.expression)), line: 0), .result(nil),
            ], program: LineProgram([plugged(update.expression)], over: bindings))
        case .mean(let mean):
            let expression = mean.expression
            return StepTemplate(target: target(of: step), relation: relation, parts: [
                .rows, .formula(formula(expression, plugged(expression)), line: 0), .result(nil),
            ], program: LineProgram([plugged(expression)], over: mean.bindings))
        case .backward(let backward):
            let terms = backward.terms.map(\.expression)
            guard let first = backward.terms.first, let sum = backward.sum else {
                let remark = backward.node == notation.loss ? "the loss changes one for one with itself" : nil
                return StepTemplate(
                    target: target(of: step), relation: relation, parts: [.result(nil)], program: LineProgram([], over: bindings),
                    remark: remark
                )
            }
            let chain = backward.terms.map { term in
                term.via == notation.loss
                    ? notation.gradient(backward.node)
                    : "\(notation.gradient(term.via)) \(notation.unicode ? "·" : "*") \(notation.derivative(of: term.via, by: backward.node))"
            }.joined(separator: " + ")
            let isDirect = backward.terms.count == 1 && first.via == notation.loss
            // A node used more than once adds up its paths: first the number of each path, with
            // the fewest decimals that add up to the total as shown, then the line that plugs the
            // numbers in also gives each path's number as shown.
            let checker = ShapeChecker(values: shapes.values, gradients: shapes.gradients)
            let pathShapes = terms.count > 1 && sum.reads(values: shapes.values, gradients: shapes.gradients)
                ? terms.compactMap { try? checker.shape(of: $0, fallback: .unknown) } : []
            let paths = pathShapes.count == terms.count
                ? LineProgram.Request(operands: zip(terms, pathShapes).map(Operand.init), claims: [(sum, .precision)]) : nil
            var substituted = plugged(sum)
            var parts: [StepTemplate.Part] = (isDirect ? [] : [.text(chain)]) + [.text(symbolic(sum))]
            if let paths {
                substituted = LineProgram.Request(
                    operands: substituted.operands, claims: substituted.claims + terms.indices.map { (terms[$0], .operand(line: 0, index: $0)) }
                )
                parts += [.formula(formula(sum, substituted), line: 1), .formula(formula(sum, paths), line: 0)]
            } else {
                parts += [.formula(formula(sum, substituted), line: 0)]
            }
            return StepTemplate(
                target: target(of: step), relation: relation, parts: parts + [.result(nil)],
                program: LineProgram([paths, substituted].compactMap { $0 }, over: bindings),
                entries: workedEntry(of: backward.node, sum, backward.value.shape, bindings, plugged)
            )
        }
    }

    /// The first row's last entry of a gradient `sum` that is a matrix, worked out from the
    /// entries it adds up; none for any other gradient.
    private func workedEntry(
        of node: String, _ sum: Expr, _ shape: Shape, _ bindings: Bindings, _ plugged: (Expr) -> LineProgram.Request
    ) -> [StepTemplate] {
        guard case .matrix(_, let columns) = shape else { return [] }
        let indices = [1, columns]
        var simplifier = Simplifier(loss: notation.loss)
        let entry = simplifier.simplify(Entry(shapes: shapes).of(sum, at: indices))
        return [StepTemplate(target: symbolic(Expr(.index(.gradient(node), indices))), relation: "=", parts: [
            .text(symbolic(entry)), .formula(formula(entry, plugged(entry)), line: 0), .result(columns - 1),
        ], program: LineProgram([plugged(entry)], over: bindings))]
    }

    /// `expression` with a place for the number of each operand `request` plugs in.
    private func formula(_ expression: Expr, _ request: LineProgram.Request) -> LineText {
        formula(expression, numbers: OperandTable(request.operands))
    }
}
