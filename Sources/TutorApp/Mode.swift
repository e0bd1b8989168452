/// What has the keyboard: the slides, or something open over them.
public enum Mode: Equatable, Sendable {
    /// Stepping through slides.
    case slides
    /// The help overlay.
    case help
    /// The lesson menu, with the highlighted lesson.
    case menu(selected: Int)
    /// Typing an exact value, an answer, a prediction or a line of the model.
    case prompt(Prompt)
    /// The model editor, over the slide's column.
    case editor(ModelEditor)
}

/// The small prompt for an exact value, an answer, a prediction or a line of the model.
public struct Prompt: Equatable, Sendable {
    /// What the typed text is for.
    public enum Purpose: Equatable, Sendable {
        /// A new value of an entry of the value panel.
        case value(ValueEntry)
        /// An answer to the slide's question.
        case answer
        /// A prediction of the trace's next step, before it is shown; `miss` is what the tutor
        /// said about the last wrong one, kept in view while the learner tries again (the step
        /// is scored once it has one).
        case prediction(miss: String?)
        /// A line of the model: the editor's chosen line replaced, or with `inserting`, a new line
        /// added below it.
        case line(ModelEditor, inserting: Bool)

        /// What has the keyboard once the prompt closes: the editor for a line of the model, the
        /// slides otherwise.
        var closing: Mode {
            if case .line(let editor, _) = self { return .editor(editor) }
            return .slides
        }
    }

    /// What the typed text is for.
    public let purpose: Purpose
    /// What has been typed.
    public var text: String
    /// The text is still the suggestion it opened with: typing replaces it.
    public var fresh: Bool
    /// Why the last attempt was refused.
    public var error: String?
}

/// What the tutor says about the learner's answer to a question.
public struct Feedback: Equatable, Sendable {
    /// The answer was right.
    public let correct: Bool
    /// What to tell the learner.
    public let text: String
}
