import Lessons
import Terminal
import TutorApp

/// The full-screen tutor: keys become actions, `update` makes the next state, `render` draws it,
/// and the terminal session paints what changed.
@MainActor
struct Tutor {
    let choice: LessonChoice
    /// The lesson to open at: an id or a lesson file; nil for the first.
    let lesson: String?

    /// Runs until the learner quits; returns the exit status.
    func run() throws -> Int32 {
        var lessons = choice.lessons
        var start = 0
        if let lesson {
            let chosen = try choice.lesson(named: lesson)
            if let index = lessons.firstIndex(where: { $0.id == chosen.id && $0.file == chosen.file }) {
                start = index
            } else {
                lessons.append(chosen)
                start = lessons.count - 1
            }
        }
        let session: TerminalSession
        do {
            session = try TerminalSession.open()
        } catch let error as TerminalError {
            printError(error.description)
            return 2
        }
        defer { session.close() }
        var state = TutorState(lessons: lessons, lessonIndex: start, unicode: session.unicode)
        state = update(state, .resize(width: session.size.width, height: session.size.height))
        while !state.quitting {
            let frame = render(state)
            session.paint(frame.screen)
            if frame.viewport != state.viewport { state = update(state, .viewport(frame.viewport)) }
            state = update(state, pressing: session.readKey())
        }
        return 0
    }
}
