extension Notation {
    /// The terms a mean over rows adds up, each named for its row, over their count:
    /// `(∂L₁/∂w + ∂L₂/∂w) / 2`, `(L₁ + L₃) / 2`.
    func terms(of mean: Trace.Mean) -> String {
        let terms = mean.rows.map { row in
            let rowLoss = loss + "\(row + 1)"
            return mean.ofGradient ? Notation(loss: rowLoss, unicode: unicode).gradient(mean.node) : name(rowLoss)
        }
        return "(" + terms.joined(separator: " + ") + ") / \(terms.count)"
    }
}
