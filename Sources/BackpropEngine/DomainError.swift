/// A function given a number outside its domain: the square root of a negative number. The
/// evaluator throws it; the forward pass names the node whose equation took it.
struct DomainError: Error, CustomStringConvertible {
    /// The function.
    let function: Function
    /// The number it was given.
    let value: Double

    /// `sqrt of a negative number (−0.25)`.
    var description: String { "\(problem) (\(shownValue))" }

    /// The error as the forward pass reports it: `sqrt of a negative number in 'q' (−0.25)`.
    func naming(_ node: String) -> EvaluationError {
        EvaluationError("\(problem) in '\(node)' (\(shownValue))")
    }

    private var problem: String { "\(function.rawValue) of a negative number" }

    /// The value with the fewest decimals (at least two) that do not round it to 0.
    private var shownValue: String { Notation().tensors(apart: Tensor(value), Tensor(0)).0 }
}
