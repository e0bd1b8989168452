import BackpropEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A lesson's slides and model: read with the rest of a lesson file, or, for a lesson built into
/// the binary, from its text the first time they are asked for, once whichever thread asks. A
/// C library mutex guards the state, which is why the class is `@unchecked Sendable`.
final class LessonContent: @unchecked Sendable {
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

    /// Guarded by `lock`.
    private var state: State
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    /// Content already read.
    convenience init(_ parsed: Parsed) {
        self.init(.read(parsed))
    }

    /// The content of the lesson `text` of `file`, read when first asked for.
    convenience init(text: String, file: String) {
        self.init(.unread(text: text, file: file))
    }

    private init(_ state: State) {
        self.state = state
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// The slides and model. Reading a built-in lesson cannot fail in a binary whose tests passed,
    /// which read every one; should it fail, the lesson's `file:line:col` error is the message.
    var parsed: Parsed {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
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
