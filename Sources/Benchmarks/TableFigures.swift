import Lessons
import TutorApp

/// Keys on the iteration table: on `wider` and on `xor` (a data set) grown to the table's cap of
/// 1,000 rows, and on generated `wider` networks of 50×50 and 100×100 weights with 33 rows. Each
/// key is the time from the key's action to a finished screen (update and render), set beside one
/// frame at 60 Hz.
enum TableFigures {
    /// One frame at 60 Hz, in microseconds.
    static let frame = 1_000_000.0 / 60

    static func figures(lessons: [Lesson]) throws -> [Figure] {
        let cap = TutorState.maximumIterations
        var rows: [Figure] = []
        for id in ["wider", "xor"] {
            guard let index = lessons.firstIndex(where: { $0.id == id }) else { throw ChildProcessError(message: "no `\(id)` lesson") }
            let nearCap = try grown(try tableSlide(of: lessons, at: index), to: cap - 7)
            let atCap = try grown(nearCap, to: cap)
            let table = "\(id)'s table of \(Units.count(cap)) rows"
            rows += [
                row("`t` on \(table) (\(Units.count(cap - 7)) → \(Units.count(cap)))", .train(10), from: nearCap),
                row("`t` at the cap of \(table) (nothing to train)", .train(10), from: atCap),
                row("a tweak (`>`) on \(table)", .nudge(TutorState.fineStep), from: atCap),
                row("`)` (next iteration) on \(table)", .nextIteration, from: atCap),
            ]
        }
        for size in [50, 100] {
            let lesson = try Lesson(parsing: GeneratedLessons.wide(size), file: "generated/\(size)x\(size).md", id: "wide\(size)")
            let state = try grown(try tableSlide(of: [lesson], at: 0), to: 33)
            let model = "the table slide of a \(size)×\(size) model, 33 rows"
            rows += [
                row("`s` on \(model)", .train(1), from: state),
                row("a tweak (`>`) on \(model)", .nudge(TutorState.fineStep), from: state),
                row("`)` (next iteration) on \(model)", .nextIteration, from: state),
            ]
        }
        return rows
    }

    /// The figure of `action` from `state`, beside a frame; as in the tutor's loop, the state
    /// knows how its last frame was scrolled.
    private static func row(_ what: String, _ action: Action, from state: TutorState) -> Figure {
        let state = update(state, .viewport(render(state).viewport))
        let key = time(repetitions: 100, within: .seconds(3)) { render(update(state, action)).screen.cells.count }.median
        return Figure(
            what: what, figure: Units.duration(microseconds: key), peer: "a frame at 60 Hz: \(Units.duration(microseconds: frame))",
            ratio: Units.ratio(key / frame))
    }

    /// Lesson `index` of `lessons` open at 120×40 on its first slide with the iteration table.
    private static func tableSlide(of lessons: [Lesson], at index: Int) throws -> TutorState {
        guard let slide = lessons[index].slides.firstIndex(where: { $0.allItems.contains(where: \.isTable) }) else {
            throw ChildProcessError(message: "lesson \(lessons[index].id) has no table slide")
        }
        var state = update(TutorState(lessons: lessons, lessonIndex: index), .resize(width: ScreenSize.width, height: ScreenSize.height))
        for _ in 0..<slide { state = update(state, .nextSlide) }
        return state
    }

    /// `state` with its table trained to `rows` iterations.
    private static func grown(_ state: TutorState, to rows: Int) throws -> TutorState {
        let grown = update(state, .train(rows - state.computation.iterations.count))
        guard grown.computation.iterations.count == rows else {
            throw ChildProcessError(message: "the table of \(state.lesson.id) stopped at \(grown.computation.iterations.count) rows, not \(rows)")
        }
        return grown
    }
}
