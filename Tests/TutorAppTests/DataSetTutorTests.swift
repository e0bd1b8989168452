import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// The tutor over a data set: the row keys, training 100 epochs at once, a slide's own model,
/// the panel's data numbers, and the rows and decision map following training.
@Suite struct DataSetTutorTests {
    /// The XOR lesson at its slide stepping through the trace.
    let trace: TutorState
    /// The XOR lesson at the slide training the wide net.
    let wide: TutorState

    init() throws {
        trace = try TutorState.atFirstSlide(in: "xor") { $0.stepsTrace }
        wide = try TutorState.atFirstSlide(in: "xor") { $0.title == "Train the wide net" }
    }

    /// The slide's column at 80 columns, as text.
    static func column(_ state: TutorState) -> [String] {
        SlideContent(state: state, width: 80, glyphs: .unicode).lines().lines.map { $0.spans.map(\.text).joined() }
    }

    @Test func dotAndCommaPickTheRowTheTraceShowsRoundTheBatchKeepingTheStep() throws {
        let stepped = trace.pressing(.right, .right, .right)
        let second = stepped.pressing(.character("."))
        #expect(second.current.row == 1 && second.step == 3 && second.trace?.batch?.row == 1)
        #expect(Self.column(second).contains("Row 2 of 4: x₁ = 0.00, x₂ = 1.00 | y₁ = 0.00, y₂ = 1.00; ./, picks another row"))
        #expect(second.screen(width: 80, height: 24).lines[1].contains("epoch 1 of 3 · row 2 of 4 · step 3 of 12"))
        #expect(stepped.pressing(.character(","), .character(",")).current.row == 2)
        #expect(second.trace?.values["x"] == Tensor(vector: [0, 1]) && second.trace?.values["y"] == Tensor(vector: [0, 1]))
        #expect(second.trace?.updated == stepped.trace?.updated, "every row's trace ends with the same updates")
    }

    @Test func theRowKeysSayWhyNotWhereThereAreNoRowsToPick() throws {
        let linear = try TutorState.atFirstSlide(in: "linear") { $0.stepsTrace }
        #expect(linear.pressing(.character(".")).notice == "This lesson trains on one example: there are no rows to pick.")
        #expect(linear.pressing(.character(".")).current.row == 0)
    }

    @Test func theTraceStepsOneRowThenTheMeansOverTheRowsThenTheUpdates() {
        let passes = trace.steps(of: trace.slide).map(\.pass)
        #expect(passes == [.forward, .forward, .forward, .backward, .backward, .backward, .backward, .mean, .mean, .mean, .update, .update])
        let done = Self.column(trace.applying(.next, times: 12))
        #expect(done.contains { $0.hasPrefix("Mean over the 4 rows (L₁ is row 1's loss)") })
        #expect(done.contains("  L = (L₁ + L₂ + L₃ + L₄) / 4 = (0.693 + 0.313 + 3.05 + 0.13) / 4 = 1.05"))
    }

    @Test func capitalTTrains100EpochsAtOnceAndTheTableCountsEpochs() {
        let trained = wide.pressing(.character("T"))
        #expect(trained.computation.traces.count == 103)
        #expect(Self.column(trained).contains { $0.hasPrefix("Loss over 103 epochs: ") })
    }

    @Test func gChecksTheTablesMeanGradientsAgainstTheMeanLoss() {
        let checked = wide.pressing(.character("T"), .character("g"))
        #expect((checked.tableCheck ?? 1) < 1e-6)
        #expect(Self.column(checked).contains { $0.hasPrefix("Every gradient in the rows shown matches its central difference") })
    }

    @Test func theRowsTurnRightAsTheWideNetLearns() {
        #expect(Self.column(wide).contains("After 3 epochs: 2 of 4 rows right"))
        let trained = wide.pressing(.character("T"), .character("T"), .character("T"))
        #expect(Self.column(trained).contains("After 303 epochs: 4 of 4 rows right"))
        let marks = Self.column(trained).filter { $0.hasSuffix("✓") || $0.hasSuffix("✗") }
        #expect(marks.count == 4 && marks.allSatisfy { $0.hasSuffix("✓") })
    }

    @Test func aSlidesOwnModelTakesOverFromItsSlideAndTheLessonsComesBackBeforeIt() throws {
        let lesson = try LessonLibrary.shipped("xor")
        let before = try #require(lesson.slides.firstIndex { $0.model != nil }) - 1
        let start = try TutorState.atSlide(before, in: "xor").pressing(.character("T"), .character("+"))
        #expect(start.model?.parameters == ["V", "c"] && start.computation.traces.count == 103)
        let entered = start.pressing(.pageDown)
        #expect(entered.model?.parameters == ["W", "b", "V", "c"])
        #expect(entered.computation.traces.count == 3 && entered.model?.learningRate == 1)
        let back = entered.pressing(.pageUp)
        #expect(back.model?.parameters == ["V", "c"] && back.computation.traces.count == 3, "the lesson's model afresh")
        #expect(entered.pressing(.home).model?.parameters == ["V", "c"] && back.pressing(.end).model?.parameters == ["W", "b", "V", "c"])
        let reset = entered.pressing(.down, .character("+"), .character("T"), .character("r"))
        #expect(reset.model?.startingValues == entered.model?.startingValues && reset.computation.traces.count == 3)
    }

    @Test func thePanelListsTheDataSetsNumbersAndChangesThem() throws {
        let model = try #require(wide.model)
        let labels = wide.entries.map { $0.label(wide.notation, in: model) }
        #expect(labels.suffix(4) == ["x₁ row 4", "x₂ row 4", "y₁ row 4", "y₂ row 4"])
        #expect(!labels.contains("x₁") && labels.count == 1 + 4 + 2 + 4 + 2 + 16)
        // ↑ from η wraps round to the last number: y₂ of row 4.
        let typed = wide.pressing(.up, .character("e")).typing("0.25").pressing(.enter)
        #expect(typed.model?.data?.rows.last == [1, 1, 1, 0.25])
        let nudged = wide.pressing(.up, .character("-"))
        #expect(nudged.model?.data?.rows.last == [1, 1, 1, -0.1])
        let loss = { (state: TutorState) in state.computation.traces.first?.batch?.values["L"] }
        #expect(loss(nudged) != loss(wide) && loss(typed) != loss(wide))
    }

    @Test func anEditedModelKeepsTheRowsAndAnItemWhoseNodeItLostSaysSo() throws {
        let rows = try TutorState.atFirstSlide(in: "xor")
        // Lines 5 and 10 to 11 of the model block: V, then p renamed r.
        let edited = rows.pressing([.character("E")] + .replacing(line: 4, with: "param V = [[1, -1], [-1, 1]]") + [.escape])
        #expect(edited.model?.data?.rows == rows.model?.data?.rows && edited.computation.rowValues["p"] != rows.computation.rowValues["p"])
        let renamed = rows.pressing(
            [.character("E")] + .replacing(line: 9, with: "r = softmax(o)") + [.down, .enter] + "loss L = crossentropy(r, y)".map(Key.character) + [.enter, .escape]
        )
        #expect(renamed.model?.nodes.contains("r") == true && renamed.model?.data != nil)
        #expect(Self.column(renamed).contains("The rows with p: p is not in your model"))
    }

    @Test func aDecisionMapIsWorkedOutWhenItsSlideOpensFromTheTrainingThen() throws {
        let trained = try TutorState.atFirstSlide(in: "xor") { $0.title == "Without a hidden layer" }.pressing(.character("T"))
        #expect(trained.computation.decisions.isEmpty)
        let map = try TutorState.atFirstSlide(in: "xor") { $0.title == "A straight line cannot do it" }
        let request = try #require(map.slide.decisions.first)
        let before = try #require(map.computation.decisions[request])
        let opened = trained.pressing(.pageDown)
        #expect(opened.slide.title == map.slide.title)
        let afterTable = try #require(opened.computation.decisions[request])
        let afterMap = try #require(map.pressing(.character("T")).computation.decisions[request])
        #expect(afterTable.values == afterMap.values && afterTable.values != before.values)
    }

    @Test func theDecisionMapFollowsTraining() throws {
        let map = try TutorState.atFirstSlide(in: "xor") { $0.title == "The decision map" }
        let request = try #require(map.slide.decisions.first)
        let before = try #require(map.computation.decisions[request])
        let after = try #require(map.pressing(.character("T")).computation.decisions[request])
        #expect(before.values != after.values)
        #expect(Self.column(map).contains { $0.hasPrefix("p₂ over x₁ and x₂ after 3 epochs") })
        #expect(before.xs == -0.5...1.5 && before.ys == -0.5...1.5)
    }
}
