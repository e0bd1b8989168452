import Lessons
import ProgressStore
import Terminal
import TutorApp

/// The full-screen tutor: keys become actions, `update` makes the next state, `render` draws it,
/// and the terminal session paints what changed. The learner's progress is read at the start and
/// saved each time they leave a lesson and when they quit; a lesson file the state asks for is
/// written here, and the result handed back to `update`.
@MainActor
struct Tutor {
    let choice: LessonChoice
    /// The lesson to open at: an id or a lesson file; nil for the one the learner was in last.
    let lesson: String?
    /// Ignore the progress saved by earlier runs (and replace it).
    let fresh: Bool

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
        var store = ProgressStore.folder().map { ProgressStore(folder: $0, fresh: fresh) }
        if lesson == nil, let last = store?.lastLesson, let index = lessons.firstIndex(where: { $0.id == last }) { start = index }
        let saved = lessons.map { store?.progress(in: $0) }
        var notes = store?.warnings ?? ["Progress will not be saved: neither XDG_STATE_HOME nor HOME names a folder."]
        if let resumed = saved[start] {
            let slide = "slide \(resumed.progress.slide + 1) of \(lessons[start].slides.count)"
            notes.append("Resumed where you left off, at \(slide)" + (resumed.changed ? " (the lesson changed: kept what still fits)" : "")
                         + "; --fresh starts over.")
        }

        let session: TerminalSession
        do {
            session = try TerminalSession.open()
        } catch let error as TerminalError {
            Output.error(error.description)
            return 2
        }
        defer { session.close() }
        session.deferTerminatingSignals()
        var state = TutorState(
            lessons: lessons, lessonIndex: start, unicode: session.unicode, saved: saved.map { $0?.progress },
            notice: notes.isEmpty ? nil : notes.joined(separator: " ")
        )
        state = update(state, .resize(width: session.size.width, height: session.size.height))
        var failures: [String] = []
        func save() {
            do {
                try store?.save(state.visited, last: state.lesson)
            } catch {
                failures.append(error.description)
            }
        }
        while !state.quitting && session.terminatingSignal == nil {
            let frame = render(state)
            session.paint(frame.screen)
            if frame.viewport != state.viewport { state = update(state, .viewport(frame.viewport)) }
            let lessonBefore = state.lessonIndex
            state = update(state, pressing: session.readKey())
            if state.lessonIndex != lessonBefore { save() }
            if let file = state.pendingSave { state = update(state, LessonFileWriter.save(file)) }
        }
        save()
        session.close()
        for failure in failures { Output.error("backprop-tutor: warning: \(failure)") }
        return session.terminatingSignal.map { 128 + $0 } ?? 0
    }
}
