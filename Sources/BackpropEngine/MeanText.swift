extension FormulaWriter {
    /// A mean over rows written out: the rows' terms added up and divided by their count, in
    /// symbols, with numbers, and the result, `(∂L₁/∂w + ∂L₂/∂w) / 2 = (−0.19 + 0.05) / 2 = −0.07`;
    /// each number with the fewest decimals that let the line be redone by hand.
    func meanParts(_ mean: Trace.Mean) -> [String] {
        let terms = mean.rows.map { row in
            let rowLoss = notation.loss + "\(row + 1)"
            return mean.ofGradient ? Notation(loss: rowLoss, unicode: notation.unicode).gradient(mean.node) : notation.name(rowLoss)
        }
        let symbolic = "(" + terms.joined(separator: " + ") + ") / \(terms.count)"
        let expression = mean.expression
        let operands = expression.names.compactMap { name in
            mean.bindings.values[name].map { Operand(expression: .name(name), value: $0, decimals: notation.precision) }
        }
        let numbers = written(expression, fewestDecimals(operands, [Claim(expression: expression, value: mean.value, decimals: notation.precision)]))
        return [symbolic, numbers, notation.tensor(mean.value)]
    }
}
