import BackpropEngine
import Synchronization

/// A lesson's slides and model: read with the rest of a lesson file, or, for a lesson built into
/// the binary, from its text the first time they are asked for, once whichever thread asks.
final class LessonContent: Sendable {
    /// What the slides and model blocks of a lesson file read as.
    struct Parsed: Sendable {
        /// The lesson's model: the model block before the first slide, with its data set.
        let model: Model?
        /// The lines of that model block as written.
        let modelSource: [String]
        /// The slides, in order.
        let slides: [Slide]
    }

    /// The text of a lesson and its file, still to be read, or what it read as.
    private enum State {
        case unread(text: String, file: String)
        case read(Parsed)
    }

    private let state: Mutex<State>

    /// Content already read.
    init(_ parsed: Parsed) {
        state = Mutex(.read(parsed))
    }

    /// The content of the lesson `text` of `file`, read when first asked for.
    init(text: String, file: String) {
        state = Mutex(.unread(text: text, file: file))
    }

    /// The slides and model. Reading a built-in lesson cannot fail in a binary whose tests passed,
    /// which read every one; should it fail, the lesson's `file:line:col` error is the message.
    var parsed: Parsed {
        state.withLock { state in
            switch state {
            case .read(let parsed):
                return parsed
            case .unread(let text, let file):
                do throws(LessonError) {
                    let parsed = try Lesson.read(text, file: file).content
                    state = .read(parsed)
                    return parsed
                } catch {
                    preconditionFailure(error.description)
                }
            }
        }
    }
}
