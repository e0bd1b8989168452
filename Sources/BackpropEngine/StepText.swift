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
    public var line: String { line(after: "") }

    /// The whole step on one line after `prefix`, built in one piece.
    public func line(after prefix: String) -> String {
        let separator = " = "
        var line = prefix
        line.reserveCapacity(
            prefix.utf8.count + target.utf8.count + relation.utf8.count + 2 + parts.reduce(0) { $0 + $1.utf8.count + separator.utf8.count }
        )
        line += target
        line += " "
        line += relation
        for (index, part) in parts.enumerated() {
            line += index == 0 ? " " : separator
            line += part
        }
        return line
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
        var formulas = SymbolicFormulas()
        return text(for: step, bindings, formulas: &formulas)
    }

    /// The text of `step`, with numbers from `bindings`; `formulas` keeps what is written in
    /// symbols for the next step written by this writer, the same step of the next iteration
    /// among them.
    public func text(for step: Trace.Step, _ bindings: Bindings, formulas: inout SymbolicFormulas) -> StepText {
        func symbolic(_ expression: Expr) -> String { formulas.symbolic(expression, by: self) }
        switch step {
        case .forward(let forward):
            return StepText(target: target(of: step), relation: "=", parts: parts([
                symbolic(forward.expression), substituted(forward.expression, bindings), notation.tensor(forward.value),
            ]))
        case .backward(let backward):
            guard let first = backward.terms.first, let sum = backward.sum else {
                let remark = backward.node == notation.loss ? "the loss changes one for one with itself" : nil
                return StepText(target: target(of: step), relation: "=", parts: [notation.tensor(backward.value)], remark: remark)
            }
            let chain = backward.terms.map { term in
                term.via == notation.loss
                    ? notation.gradient(backward.node)
                    : "\(notation.gradient(term.via)) \(notation.unicode ? "·" : "*") \(notation.derivative(of: term.via, by: backward.node))"
            }.joined(separator: " + ")
            let isDirect = backward.terms.count == 1 && first.via == notation.loss
            let paths = backward.terms.count > 1 ? self.paths(backward.terms.map(\.expression), adding: sum, bindings) : []
            let numbers = [substituted(sum, bindings, alsoGiving: paths)] + (paths.isEmpty ? [] : [written(sum, paths)])
            return StepText(target: target(of: step), relation: "=", parts: parts(
                (isDirect ? [] : [chain]) + [symbolic(sum)] + numbers + [notation.tensor(backward.value)]
            ), entries: workedEntry(of: backward.node, sum, backward.value, bindings, &formulas))
        case .mean(let mean):
            return StepText(target: target(of: step), relation: "=", parts: parts(meanParts(mean)))
        case .update(let update):
            return StepText(target: target(of: step), relation: notation.unicode ? "←" : "<-", parts: parts([
                symbolic(update.expression), substituted(update.expression, bindings), notation.tensor(update.value),
            ]))
        }
    }

    /// The first row's last entry of a gradient `sum` that is a matrix, worked out from the
    /// entries it adds up; none for any other gradient.
    private func workedEntry(
        of node: String, _ sum: Expr, _ value: Tensor, _ bindings: Bindings, _ formulas: inout SymbolicFormulas
    ) -> [StepText] {
        guard case .matrix(_, let columns) = value.shape else { return [] }
        let indices = [1, columns]
        let entry = formulas.entry(of: sum, at: indices, by: self)
        return [StepText(target: formulas.symbolic(Expr(.index(.gradient(node), indices)), by: self), relation: "=", parts: parts([
            formulas.symbolic(entry, by: self), substituted(entry, bindings), notation.number(value.scalars[columns - 1]),
        ]))]
    }

    /// The entry at `indices` of the gradient `sum`, simplified.
    fileprivate func entry(of sum: Expr, at indices: [Int]) -> Expr {
        var simplifier = Simplifier(loss: notation.loss)
        return simplifier.simplify(Entry(shapes: shapes).of(sum, at: indices))
    }

    /// The number each chain-rule path brings to a node used more than once, with the fewest
    /// decimals that add up to the total as shown; none when a path has no number.
    private func paths(_ terms: [Expr], adding sum: Expr, _ bindings: Bindings) -> [Operand] {
        let values = terms.compactMap { try? bindings.evaluate($0) }
        guard values.count == terms.count, let total = try? bindings.evaluate(sum) else { return [] }
        return fewestDecimals(
            zip(terms, values).map { Operand(expression: $0, value: $1, decimals: notation.precision) },
            [Claim(expression: sum, value: total, decimals: notation.precision)]
        )
    }

    private func parts(_ all: [String]) -> [String] {
        var kept: [String] = []
        for part in all where part != kept.last { kept.append(part) }
        return kept
    }
}

/// What the steps of a trace write in symbols, kept by expression as one writer writes it: the
/// formulas, and the entry worked out under a matrix gradient. They stay the same from one
/// iteration to the next, so that a long run writes each once.
public struct SymbolicFormulas: Sendable {
    private var written: [Expr: String] = [:]
    private var entries: [Expr: Expr] = [:]

    /// None kept yet.
    public init() {}

    /// `writer.symbolic(expression)`.
    mutating func symbolic(_ expression: Expr, by writer: FormulaWriter) -> String {
        if let text = written[expression] { return text }
        let text = writer.symbolic(expression)
        written[expression] = text
        return text
    }

    /// The entry at `indices` of the gradient `sum`, simplified, as `writer` works it out.
    mutating func entry(of sum: Expr, at indices: [Int], by writer: FormulaWriter) -> Expr {
        let key = Expr(.index(sum, indices))
        if let entry = entries[key] { return entry }
        let entry = writer.entry(of: sum, at: indices)
        entries[key] = entry
        return entry
    }
}
