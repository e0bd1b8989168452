/// How a gradient's central-difference check is written: beside the gradient, and worked out
/// with the two losses for the value selected in the panel.
public struct CheckText: Sendable {
    /// How numbers are written.
    public let notation: Notation

    /// Check texts written with `notation`.
    public init(notation: Notation) {
        self.notation = notation
    }

    /// `≈ −1.90 (rel. diff. 2e−10)`: the estimate shaped like `gradient` and the largest
    /// relative difference of its entries; `long` spells it out.
    public func beside(_ gradient: Tensor, _ differences: [CentralDifference], long: Bool = false) -> String {
        let estimate = notation.tensor(Tensor(shape: gradient.shape, scalars: differences.map(\.estimate)))
        let worst = notation.magnitude(zip(gradient.scalars, differences).map { $1.relativeDifference(from: $0) }.max() ?? 0)
        return long
            ? "≈ \(estimate) by central difference (relative difference \(worst))"
            : "≈ \(estimate) (rel. diff. \(worst))"
    }

    /// `∂L/∂w ≈ (L(w + ε) − L(w − ε)) / 2ε = (1.8049981000 − 1.8050019000) / 0.000002 = −1.9000`:
    /// the losses written with ten decimals and the estimate worked out from them as written.
    public func workedOut(_ difference: CentralDifference, entryName: String) -> String {
        let losses = Notation(loss: notation.loss, precision: 10, unicode: notation.unicode)
        let epsilon = Notation(precision: 6, unicode: notation.unicode)
        let shown = { (loss: Double) in (loss * 1e10).rounded() / 1e10 }
        let estimate = (shown(difference.lossAbove) - shown(difference.lossBelow)) / (2 * difference.epsilon)
        let minus = notation.minus
        return "\(notation.gradient(entryName)) ≈ (L(\(entryName) + ε) \(minus) L(\(entryName) \(minus) ε)) / 2ε"
            + " = (\(losses.number(difference.lossAbove)) \(minus) \(losses.number(difference.lossBelow))) / \(epsilon.number(2 * difference.epsilon))"
            + " = \(Notation(precision: notation.precision + 2, unicode: notation.unicode).number(estimate))"
    }
}
