/// A number the engine could not compute: a name or gradient with no value, or tensors whose
/// shapes do not fit. Models are shape-checked when read, so this points at values handed to the
/// engine that do not match their model.
public struct EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What could not be computed, for a person to read.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
