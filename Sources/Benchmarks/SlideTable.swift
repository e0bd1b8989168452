import BackpropEngine
import Foundation
import Lessons
import Terminal
import TextScreen
import TutorApp

/// For every slide of every lesson at 120×40, halfway through its steps as a learner would be:
/// - step: the time from → to a finished Screen (update + render);
/// - tweak: the time from a one-value nudge of η to a finished Screen (update, which reruns the
///   engine for the whole table and the Jacobians, + render);
///   engine: the part of it spent in the engine (training the table's iterations, Jacobians);
/// - bytes: what the ncurses painter sends to the terminal for that tweak.
@MainActor
enum SlideTable {
    static func run(lessons: [Lesson]) throws {
        let counter = try ByteCounter()
        defer { counter.session.close() }
        print("slide (at 120×40)                      steps  step µs (median/p95)  tweak µs (median/p95)  engine µs  tweak bytes")
        var worstStep = 0.0, worstTweak = 0.0, worstBytes = 0
        for (lessonIndex, lesson) in lessons.enumerated() {
            var state = update(TutorState(lessons: lessons, lessonIndex: lessonIndex), .resize(width: ScreenSize.width, height: ScreenSize.height))
            for slideIndex in lesson.slides.indices {
                let steps = state.stepCount(of: state.slide)
                for _ in 0..<(steps / 2) { state = update(state, .next) }
                let step = keyTiming(.next, from: state)
                let tweak = keyTiming(.nudge(0.01), from: state)
                let tweaked = update(state, .nudge(0.01))
                let engine = time { Computation(lesson: lesson, model: tweaked.model, iterations: TutorState.initialIterations).iterations.count + 1 }
                _ = counter.bytes(painting: render(state).screen)
                let bytes = counter.bytes(painting: render(tweaked).screen)
                let name = "\(lesson.id) \(slideIndex + 1): \(lesson.slides[slideIndex].title)"
                print(
                    name.padding(toLength: 38, withPad: " ", startingAt: 0),
                    String(
                        format: "%5d  %9.1f / %-9.1f  %10.1f / %-9.1f  %9.1f  %11d", steps, step.median, step.p95, tweak.median, tweak.p95,
                        engine.median, bytes)
                )
                (worstStep, worstTweak, worstBytes) = (max(worstStep, step.median), max(worstTweak, tweak.median), max(worstBytes, bytes))
                state = update(state, .nextSlide)
            }
        }
        print(String(format: "worst medians: step %.1f µs, tweak %.1f µs; most bytes for a tweak: %d", worstStep, worstTweak, worstBytes))
    }

    /// How long `action` then a render take from `state`.
    private static func keyTiming(_ action: Action, from state: TutorState) -> Timing {
        time { render(update(state, action)).screen.cells.count }
    }
}

/// A painter writing into a temporary file, so the bytes it sends can be counted.
@MainActor
struct ByteCounter {
    let session: TerminalSession
    let file: UnsafeMutablePointer<FILE>

    init() throws {
        setenv("COLUMNS", "\(ScreenSize.width)", 1)
        setenv("LINES", "\(ScreenSize.height)", 1)
        guard let file = tmpfile(), let input = fopen("/dev/null", "r") else { throw CocoaError(.fileNoSuchFile) }
        self.file = file
        session = try TerminalSession.open(terminalType: "xterm-256color", output: file, input: input)
    }

    /// The bytes `paint(screen)` sends.
    func bytes(painting screen: Screen) -> Int {
        fflush(file)
        let before = ftell(file)
        session.paint(screen)
        fflush(file)
        return ftell(file) - before
    }
}
