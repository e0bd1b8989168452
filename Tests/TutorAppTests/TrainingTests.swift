import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// `s`, `t` and `)` train the table on from its last iteration, to the numbers a training from
/// the start gives; a tweak trains from the start; at the cap nothing changes.
@Suite struct TrainingTests {
    @Test(arguments: ["linear", "deeper", "wider", "closing"])
    func trainingOnGivesTheTracesOfATrainingFromTheStart(lesson: String) throws {
        let table = try TutorState.atFirstSlide(in: lesson) { $0.allItems.contains(where: \.isTable) }
        // `)` past the last iteration trains one more.
        let steppingPast = Array(repeating: Key.character(")"), count: TutorState.initialIterations + 1 + 10)
        let presses: [[Key]] = [[.character("s")], [.character("t")], steppingPast, [.character("-"), .character("s")]]
        var state = table
        for keys in presses {
            state = state.pressing(keys)
            let model = try #require(state.model)
            let fresh = try model.train(iterations: state.current.iterations)
            #expect(areClose(state.computation.traces, fresh), "after \(keys): \(state.computation.traces.count) iterations")
        }
        #expect(state.computation.traces.count == TutorState.initialIterations + 1 + 10 + 1 + 1)
    }

    @Test func atTheCapTrainingSaysSoAndChangesNothing() throws {
        let table = try TutorState.atFirstSlide(in: "linear") { $0.allItems.contains(where: \.isTable) }
        let full = table.applying(.train(10), times: TutorState.maximumIterations / 10)
        #expect(full.computation.traces.count == TutorState.maximumIterations)
        for key in [Key.character("s"), .character("t")] {
            let pressed = full.pressing(key)
            #expect(pressed.notice == "The table holds at most \(TutorState.maximumIterations) iterations.")
            #expect(pressed.computation.traces.count == TutorState.maximumIterations)
            #expect(areClose(pressed.computation.traces, full.computation.traces))
            #expect(pressed.screen(width: 120, height: 40).lines.dropLast() == full.screen(width: 120, height: 40).lines.dropLast())
        }
    }
}
