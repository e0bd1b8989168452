import BackpropEngine

/// The model editor: which line of the model block is chosen, and what is wrong with the lines
/// as they stand. The lines themselves are the lesson's progress (`LessonProgress.source`), so
/// that they stay as edited when the editor closes.
public struct ModelEditor: Equatable, Sendable {
    /// The chosen line, 0-based.
    public internal(set) var line = 0
    /// The first mistake of the lines, its line and column counted in the editor; nil when they
    /// make a model, which is then the one on screen.
    public internal(set) var error: EquationError?

    /// The model `lines` make, or the first mistake in them.
    static func model(of lines: [String]) -> Result<Model, EquationError> {
        Result { () throws(EquationError) in try Model(parsing: lines.joined(separator: "\n")) }
    }
}
