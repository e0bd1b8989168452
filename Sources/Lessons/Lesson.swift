import BackpropEngine

/// A lesson: slides in order, and the model its computing slides refer to.
public struct Lesson: Sendable {
    /// The id used on the command line, e.g. `linear`.
    public let id: String
    /// The title, from the first line.
    public let title: String
    /// The one-paragraph summary between the title and the first slide.
    public let summary: String
    /// Where the lesson came from, as errors name it.
    public let file: String
    /// The network the slides compute with, if the lesson has one.
    public let model: Model?
    /// The slides, in order.
    public let slides: [Slide]
}

/// One slide: its title, its text, and what the tutor computes and shows on it.
public struct Slide: Sendable {
    /// A piece of the slide's text.
    public enum Block: Sendable, Equatable {
        /// A paragraph, its lines joined.
        case paragraph(String)
        /// A bullet point.
        case bullet(String)
        /// A highlighted note (where the deck differs).
        case note(String)
        /// Formula lines, in Unicode math.
        case formulas([String])
    }

    /// A panel the slide shows beside its text.
    public enum Panel: String, Sendable, CaseIterable {
        /// The step-by-step trace of one iteration.
        case trace
        /// The iteration table and the loss curve.
        case table
        /// The computation graph with values and gradients.
        case graph
    }

    /// ∂output/∂input, shown with numbers.
    public struct JacobianRequest: Sendable, Equatable {
        /// The node differentiated.
        public let output: String
        /// The node it is differentiated by.
        public let input: String
    }

    /// A question whose typed answer is checked by evaluating it against the engine.
    public struct Question: Sendable {
        /// What is asked.
        public let text: String
        /// The expected answer, as written in the lesson.
        public let answerText: String
        /// The expected answer, parsed.
        public let answer: Expr
    }

    /// The title.
    public let title: String
    /// The text, in order.
    public let blocks: [Block]
    /// The panels shown, in the order the directives name them.
    public let panels: [Panel]
    /// The Jacobians shown.
    public let jacobians: [JacobianRequest]
    /// The question asked, if any.
    public let question: Question?
}

/// A mistake in a lesson file: `file:line:col: message`.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column.
    public let column: Int
    /// What is wrong.
    public let message: String

    /// `file:line:col: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
