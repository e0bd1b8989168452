/// A cross-entropy whose target is not a probability distribution with some numbers, as when a
/// learner sets deeper's `y = 2`: the engine still computes −Σ t · log p, but it no longer
/// measures how far p is from t.
public struct ImproperTarget: Sendable {
    /// The probabilities p the cross-entropy compares.
    public let probabilities: Expr
    /// The target t.
    public let target: Expr
    /// The target's value.
    public let value: Tensor
}

extension Model {
    /// The targets of the equations' cross-entropies that are not probability distributions with
    /// `bindings`' numbers: an entry outside [0, 1], or entries of a vector or matrix that do not
    /// sum to 1 (a scalar target is one term of a sum, so only its range counts).
    public func improperTargets(_ bindings: Bindings) -> [ImproperTarget] {
        var found: [ImproperTarget] = []
        for equation in equations {
            equation.expression.visit { expression in
                guard case .call(.crossentropy, let arguments) = expression.kind, arguments.count == 2,
                      let value = try? bindings.evaluate(arguments[1]) else { return }
                let tolerance = 1e-9 * Double(max(1, value.scalars.count))
                let inRange = value.scalars.allSatisfy { $0 >= -tolerance && $0 <= 1 + tolerance }
                let sums = value.shape == .scalar || abs(value.scalars.reduce(0, +) - 1) <= tolerance
                if !(inRange && sums) {
                    found.append(ImproperTarget(probabilities: arguments[0], target: arguments[1], value: value))
                }
            }
        }
        return found
    }
}

extension FormulaWriter {
    /// One line saying what is wrong with `improper`'s target, e.g. "The cross-entropy's target
    /// [y, 1 − y] = [2.00, −1.00] is not a probability distribution …".
    public func warning(_ improper: ImproperTarget) -> String {
        let what = improper.value.shape == .scalar
            ? "a probability (a number from 0 to 1)" : "a probability distribution (entries from 0 to 1 summing to 1)"
        return "The cross-entropy's target \(symbolic(improper.target)) = \(notation.tensor(improper.value)) is not \(what): "
            + "the loss no longer measures how far \(symbolic(improper.probabilities)) is from it."
    }
}
