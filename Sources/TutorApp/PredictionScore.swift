/// How a lesson's predictions went: the steps asked, and those predicted right the first time.
public struct PredictionScore: Equatable, Sendable {
    /// Steps predicted right at the first try.
    public internal(set) var right: Int
    /// Steps predicted, right or wrong (a step skipped with Esc before any try is not counted).
    public internal(set) var asked: Int

    /// A score of `right` out of `asked`.
    public init(right: Int = 0, asked: Int = 0) {
        self.right = right
        self.asked = asked
    }

    /// The score in words: `3 of 4 right the first time`.
    var summary: String { "\(right) of \(asked) right the first time" }

    /// The score after one more step, predicted right at the first try or not.
    func counting(right isRight: Bool) -> PredictionScore {
        PredictionScore(right: right + (isRight ? 1 : 0), asked: asked + 1)
    }
}
