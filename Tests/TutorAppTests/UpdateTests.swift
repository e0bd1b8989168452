import BackpropEngine
import Lessons
import Testing
import TextScreen
@testable import TutorApp

/// Every key binding, through `KeyBindings` and `update`, does what the help says.
@Suite struct UpdateTests {
    static let lessons = (try? LessonLibrary.builtIn()) ?? []

    /// The state after pressing `keys` from the start of lesson `lesson`.
    func press(_ keys: [Key], from state: TutorState? = nil, lesson: Int = 1) -> TutorState {
        (state ?? TutorState(lessons: Self.lessons, lessonIndex: lesson)).pressing(keys)
    }

    func slideWithTrace(_ state: TutorState) -> TutorState {
        var state = state
        while !state.slide.stepsTrace { state = update(state, .nextSlide) }
        return state
    }

    @Test func rightAndSpaceRevealStepsAndLeftTakesThemBack() {
        let start = slideWithTrace(TutorState(lessons: Self.lessons, lessonIndex: 1))
        let stepped = press([.right, .character(" "), .right], from: start)
        #expect(stepped.step == 3 && stepped.slideIndex == start.slideIndex)
        #expect(press([.left], from: stepped).step == 2)
    }

    @Test func pastTheLastStepRightGoesToTheNextSlideAndLeftComesBackWithEveryStepShown() throws {
        let start = slideWithTrace(TutorState(lessons: Self.lessons, lessonIndex: 1))
        let count = start.stepCount(of: start.slide)
        // Forward h, L; backward L, h, w, b (not x and y, which training does not use); updates w, b.
        #expect(count == 8)
        let after = press(Array(repeating: .right, count: count + 1), from: start)
        #expect(after.slideIndex == start.slideIndex + 1 && after.step == 0)
        let back = press([.left], from: after)
        #expect(back.slideIndex == start.slideIndex && back.step == count)
    }

    @Test func slideKeysJumpWholeSlidesAndAcrossLessons() {
        let state = TutorState(lessons: Self.lessons, lessonIndex: 1)
        #expect(press([.pageDown]).slideIndex == 1)
        #expect(press([.character("]"), .character("]"), .character("[")]).slideIndex == 1)
        #expect(press([.end]).slideIndex == state.lesson.slides.count - 1)
        #expect(press([.end, .home]).slideIndex == 0)
        let next = press([.end, .pageDown])
        #expect(next.lessonIndex == 2 && next.slideIndex == 0)
        let previous = press([.pageUp])
        #expect(previous.lessonIndex == 0 && previous.slideIndex == Self.lessons[0].slides.count - 1)
    }

    @Test func digitsAndTheMenuOpenLessons() {
        #expect(press([.character("4")]).lessonIndex == 3)
        #expect(press([.character("9")]).lessonIndex == 1)
        let menu = press([.character("m")])
        #expect(menu.mode == .menu(selected: 1))
        let chosen = press([.character("m"), .down, .down, .enter])
        #expect(chosen.lessonIndex == 3 && chosen.mode == .slides)
        #expect(press([.character("m"), .escape]).mode == .slides)
    }

    @Test func arrowsAndTabSelectValuesAndWrapAround() {
        #expect(press([.down, .tab]).selection == 2)
        #expect(press([.up]).selection == press([]).entries.count - 1)
        #expect(press([.down, .backTab]).selection == 0)
    }

    @Test func nudgingEtaRecomputesTheTableKeepingTheStep() throws {
        let start = press([.right, .right], from: slideWithTrace(TutorState(lessons: Self.lessons, lessonIndex: 1)))
        let state = press([.character("-")], from: start)
        #expect(state.model?.learningRate == 0.1)
        #expect(state.step == 2)
        let rows = state.computation.traces
        #expect(abs((rows[0].updated["w"]?.scalar ?? 0) - 0.29) < 1e-12)
        #expect(abs((rows[0].updated["b"]?.scalar ?? 0) - 1.19) < 1e-12)
        #expect(abs((rows[1].values["h"]?.scalar ?? 0) - 1.48) < 1e-12)
        #expect(press([.character("+")], from: state).model?.learningRate == 0.2)
        #expect(abs((press([.character(">")], from: state).model?.learningRate ?? 0) - 0.11) < 1e-12)
        #expect(abs((press([.character("<")], from: state).model?.learningRate ?? 0) - 0.09) < 1e-12)
    }

    @Test func nudgingAWeightChangesTheForwardPass() throws {
        let state = press([.down, .down, .down, .character("+")])
        #expect(state.entries[state.selection].name == "w")
        #expect(abs((state.computation.trace?.values["h"]?.scalar ?? 0) - 1.2) < 1e-12)
    }

    @Test func enterTypesAnExactValueAndRefusesNonsense() throws {
        let opened = press([.down, .down, .down, .enter])
        guard case .prompt(let prompt) = opened.mode else { Issue.record("no prompt"); return }
        #expect(prompt.text == "0.100000" && prompt.fresh)
        let typed = press("0.5".map(Key.character) + [.enter], from: opened)
        #expect(typed.mode == .slides && typed.model?.variable("w")?.value.scalar == 0.5)
        let refused = press([.character("e"), .character("x"), .enter], from: typed)
        guard case .prompt(let bad) = refused.mode else { Issue.record("the prompt closed on nonsense"); return }
        #expect(bad.error == "type a number, such as 0.25 or -1e-3")
        #expect(press([.escape], from: refused).mode == .slides)
    }

    /// The deeper lesson at its question slide.
    func questionSlide() -> TutorState {
        var state = TutorState(lessons: Self.lessons, lessonIndex: 2)
        while state.slide.question == nil { state = update(state, .nextSlide) }
        return state
    }

    @Test(arguments: ["q*(1-q)", "q - q^2", "sigmoid(h)*(1 - sigmoid(h))", "exp(-h)/(1 + exp(-h))^2"])
    func aRightAnswerWrittenAnyWayIsAcceptedAndRevealsTheSolution(answer: String) {
        let state = press([.character("a")] + answer.map(Key.character) + [.enter], from: questionSlide())
        #expect(state.mode == .slides)
        #expect(state.feedback?.correct == true)
        #expect(state.step == 1)
    }

    @Test func aWrongAnswerIsExplainedAndAnUnreadableOneIsRefusedInThePrompt() {
        let wrong = press([.character("a")] + "q".map(Key.character) + [.enter], from: questionSlide())
        #expect(wrong.feedback?.correct == false && wrong.feedback?.text.hasPrefix("Not yet: q gives 0.65") == true)
        #expect(wrong.step == 0)
        let unreadable = press([.character("a")] + "q*(".map(Key.character) + [.enter], from: questionSlide())
        guard case .prompt(let prompt) = unreadable.mode else { Issue.record("the prompt closed"); return }
        #expect(prompt.error == "column 4: expected a number, a name or '(' but found the end of the line")
        let unknown = press([.character("a")] + "z".map(Key.character) + [.enter], from: questionSlide())
        guard case .prompt(let other) = unknown.mode else { Issue.record("the prompt closed"); return }
        #expect(other.error == "column 1: unknown name 'z'")
    }

    @Test func jAndKScrollTheSlideAndAStepBringsTheFocusBack() {
        let scrolled = press([.resize(width: 80, height: 24), .character("j"), .character("j"), .character("k")], lesson: 3)
        #expect(scrolled.scroll == 3)
        #expect(press([.right], from: scrolled).scroll == 0)
    }

    @Test func scrollingStopsAtTheEndSoThatScrollingBackStartsAtOnce() {
        let sized = press([.resize(width: 80, height: 24)], lesson: 3)
        let bottom = press(Array(repeating: .character("j"), count: 50), from: sized)
        let back = press([.character("k")], from: bottom)
        #expect(bottom.scroll > 0 && bottom.scroll < 50 * 3)
        #expect(render(back).screen != render(bottom).screen)
        #expect(render(press([.character("j")], from: bottom)).screen == render(bottom).screen)
    }

    @Test func aDivergingLearningRateShowsDivergedInsteadOfNumbers() throws {
        let state = press([.enter] + "1e200".map(Key.character) + [.enter])
        #expect(state.computation.diverged)
        let text = state.screen(width: 120, height: 40).lines.joined()
        #expect(text.contains("Diverged at iteration"))
    }

    @Test func resetPutsTheLessonsValuesAndTableBack() {
        let changed = press([.character("-"), .character("s"), .character("t")])
        #expect(changed.computation.traces.count == 14)
        let reset = press([.character("r")], from: changed)
        #expect(reset.model?.learningRate == 0.2 && reset.computation.traces.count == 3)
    }

    @Test func precisionCyclesThroughTwoFourAndSixDecimals() {
        #expect(press([.character("p")]).precision == 4)
        #expect(press([.character("p"), .character("p")]).precision == 6)
        #expect(press([.character("p"), .character("p"), .character("p")]).precision == 2)
    }

    @Test func helpOpensAndCloses() {
        #expect(press([.character("?")]).mode == .help)
        #expect(press([.character("?"), .character("?")]).mode == .slides)
        #expect(press([.character("?"), .escape]).mode == .slides)
    }

    @Test func qCtrlCAndEscTwiceQuitButEscOnceDoesNot() {
        #expect(press([.character("q")]).quitting)
        #expect(press([.interrupt]).quitting)
        #expect(press([.escape, .escape]).quitting)
        let once = press([.escape])
        #expect(!once.quitting && once.escapePending)
        #expect(!press([.escape, .right, .escape]).quitting)
    }

    @Test func resizeChangesNothingButTheLayout() {
        let state = press([.right, .resize(width: 100, height: 30)])
        #expect(state.step == press([.right]).step && !state.quitting)
    }

    @Test func everyHelpLineNamesABoundKey() {
        for key: Key in [.right, .left, .pageDown, .pageUp, .home, .end, .up, .down, .tab, .enter, .escape, .interrupt] {
            #expect(KeyBindings.action(for: key, in: .slides) != nil, "\(key) does nothing")
        }
        for character in "[]m+-<>erspatjkq?123456789 " {
            #expect(KeyBindings.action(for: .character(character), in: .slides) != nil, "\(character) does nothing")
        }
    }
}
