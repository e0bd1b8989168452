import BackpropEngine
import Foundation
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// The model editor through `update`: each change is checked at once; a good one puts the new
/// model on every panel, a bad one is shown at its line and column while the numbers stay.
@Suite struct ModelEditorTests {
    /// The playground at its first slide.
    let playground: TutorState
    /// The playground with its model open in the editor.
    let editor: TutorState

    init() throws {
        playground = try TutorState.atFirstSlide(in: "playground")
        editor = playground.pressing(.character("E"))
    }

    /// The playground's line `q = sigmoid(h)`, 0-based.
    static let sigmoidLine = 10

    /// The text of the screen at 120×40.
    static func text(_ state: TutorState) -> String {
        state.screen(width: 120, height: 40).lines.joined(separator: "\n")
    }

    @Test func eOpensTheModelBlockAsTheLessonFileWritesIt() throws {
        #expect(editor.mode == .editor(ModelEditor()))
        #expect(editor.source == editor.lesson.modelSource)
        #expect(editor.source[Self.sigmoidLine] == "q = sigmoid(h)")
        #expect(editor.source.first?.hasPrefix("#") == true && editor.source.contains(""))
        #expect(Self.text(editor).contains("11 q = sigmoid(h)"))
    }

    @Test func aGoodEditRecomputesTheTraceTableValuesAndGradientCheck() throws {
        let edited = editor.pressing(.replacing(line: Self.sigmoidLine, with: "q = tanh(h)"))
        #expect(edited.editor?.error == nil)
        #expect(edited.source[Self.sigmoidLine] == "q = tanh(h)")
        let first = try #require(edited.computation.traces.first)
        #expect(isClose(first.values["q"]?.scalar, tanh(0.6)))
        #expect(edited.computation.traces.count == TutorState.initialIterations)
        // Back on the slides, with the gradient check on: h's estimate agrees with backprop.
        let checked = edited.pressing(.escape, .character("g"))
        let estimate = try #require(checked.check["h"]?.first)
        #expect(isClose(estimate.estimate, try #require(first.gradients["h"]?.scalar), within: 1e-6))
        #expect(Self.text(edited).contains("Names and shapes check"))
    }

    @Test func aBadEditIsShownAtItsLineAndColumnAndTheLastGoodNumbersStay() throws {
        let good = editor.pressing(.replacing(line: Self.sigmoidLine, with: "q = tanh(h)"))
        let bad = good.pressing(.replacing(line: 0, with: "q = tanh(hh)"))
        let error = try #require(bad.editor?.error)
        #expect(error.location == SourceLocation(line: 11, column: 10))
        #expect(error.message.contains("unknown name 'hh'"))
        #expect(bad.source[Self.sigmoidLine] == "q = tanh(hh)")
        #expect(isClose(bad.computation.traces.first?.values["q"]?.scalar, tanh(0.6)))
        let screen = Self.text(bad)
        #expect(screen.contains("Line 11, column 10: unknown name 'hh'"))
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let marked = try #require(lines.firstIndex { $0.contains("11 q = tanh(hh)") })
        let caret = try #require(lines[marked + 1].firstIndex(of: "^"))
        let h = try #require(lines[marked].range(of: "(hh)")?.upperBound)
        #expect(lines[marked].distance(from: lines[marked].startIndex, to: h) - 3 == lines[marked + 1].distance(from: lines[marked + 1].startIndex, to: caret))
        // Closed and opened again, the lines stay as typed and the mistake is still shown.
        let reopened = bad.pressing(.escape, .character("E"))
        #expect(reopened.editor?.error == error && reopened.source == bad.source)
    }

    @Test func oAddsALineBelowTheChosenOneAndDDeletesIt() throws {
        let chosen = editor.pressing(Array(repeating: .down, count: Self.sigmoidLine))
        let added = chosen.pressing([.character("o")] + "param u = 0.5".map(Key.character) + [.enter])
        #expect(added.source.count == editor.source.count + 1)
        #expect(added.source[Self.sigmoidLine + 1] == "param u = 0.5")
        #expect(added.editor == ModelEditor(line: Self.sigmoidLine + 1, error: nil))
        #expect(added.model?.parameters.contains("u") == true && added.entries.contains { $0.name == "u" })
        let deleted = added.pressing(.character("d"))
        #expect(deleted.source == editor.source)
        #expect(deleted.model?.parameters.contains("u") == false)
        // Deleting o2 = v2*q leaves p reading an unknown name, on what is now line 13.
        let broken = chosen.pressing(.down, .down, .character("d"))
        #expect(broken.editor?.error?.location.line == 13)
        #expect(broken.model?.nodes.contains("o2") == true)
    }

    @Test func escCancelsThePromptBackToTheEditorThenClosesIt() {
        let cancelled = editor.pressing(.down, .enter, .character("x"), .escape)
        #expect(cancelled.mode == .editor(ModelEditor(line: 1, error: nil)))
        #expect(cancelled.source == editor.source)
        let added = editor.pressing(.character("o"), .escape)
        #expect(added.source == editor.source)
        #expect(cancelled.pressing(.escape).mode == .slides && !cancelled.pressing(.escape).quitting)
        #expect(editor.pressing(.character("E")).mode == .slides)
        // From a prompt over the editor, Esc then q quits, as from the slides' own prompts.
        #expect(editor.pressing(.enter, .escape, .character("q")).quitting)
    }

    @Test func arrowsStopAtTheFirstAndLastLine() {
        #expect(editor.pressing(.up).editor?.line == 0)
        let count = editor.source.count
        #expect(editor.pressing(Array(repeating: .down, count: count + 3)).editor?.line == count - 1)
    }

    @Test func resetGoesBackToTheEditedModelsStartingValues() throws {
        let edited = editor.pressing(.replacing(line: Self.sigmoidLine, with: "q = tanh(h)")).pressing(.escape)
        let nudged = edited.pressing(.down, .down, .down, .character("+"))
        #expect(isClose(nudged.model?.variable("w")?.value.scalar, 0.35))
        let reset = nudged.pressing(.character("r"))
        #expect(isClose(reset.model?.variable("w")?.value.scalar, 0.25))
        #expect(isClose(reset.computation.traces.first?.values["q"]?.scalar, tanh(0.6)))
    }

    @Test func eOnALessonWithoutAModelSaysSo() throws {
        let primer = try TutorState.atFirstSlide(in: "primer").pressing(.character("E"))
        #expect(primer.mode == .slides)
        #expect(primer.notice == "This lesson has no model to edit.")
    }

    @Test func wAsksForALessonFileWithTheEditedModelThatLoadsAsALesson() throws {
        let edited = editor.pressing(.replacing(line: Self.sigmoidLine, with: "q = tanh(h)"))
        let saving = edited.pressing(.character("w"))
        let file = try #require(saving.pendingSave)
        #expect(file.name == "7-playground-edit.md")
        let lesson = try Lesson(parsing: file.text, file: file.name, id: "playground-edit")
        #expect(lesson.modelSource == edited.source)
        let model = try #require(lesson.model)
        #expect(isClose(try model.trace().values["q"]?.scalar, tanh(0.6)))
        #expect(lesson.slides.contains { $0.items.contains(.beside([.graph, .trace])) })
        #expect(lesson.slides.contains { $0.items.contains(.table([])) })

        let saved = update(saving, .saved("./7-playground-edit.md"))
        #expect(saved.pendingSave == nil)
        #expect(saved.notice?.contains("./7-playground-edit.md") == true)
        #expect(update(saving, .notSaved("the disk is full")).notice == "The model was not saved: the disk is full")
        #expect(saving.pressing(.down).pendingSave == nil)
    }

    @Test func wRefusesToSaveLinesWithAMistake() {
        let bad = editor.pressing(.replacing(line: Self.sigmoidLine, with: "q = tanh(hh)")).pressing(.character("w"))
        #expect(bad.pendingSave == nil)
        #expect(bad.notice == "Line 11, column 10 is wrong: mend it before saving.")
    }
}
