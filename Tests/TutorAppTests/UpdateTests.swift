import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// Every key binding, through `KeyBindings` and `update`, does what the help says.
@Suite struct UpdateTests {
    /// The linear lesson at its first slide.
    let linear: TutorState
    /// The linear lesson at its first slide with a trace.
    let linearTrace: TutorState
    /// The deeper lesson at its question slide.
    let question: TutorState

    init() throws {
        linear = try TutorState.atFirstSlide(in: "linear")
        linearTrace = try TutorState.atFirstSlide(in: "linear") { $0.stepsTrace }
        question = try TutorState.atFirstSlide(in: "deeper") { $0.question != nil }
    }

    @Test func rightAndSpaceRevealStepsAndLeftTakesThemBack() {
        let stepped = linearTrace.pressing(.right, .character(" "), .right)
        #expect(stepped.step == 3 && stepped.slideIndex == linearTrace.slideIndex)
        #expect(stepped.pressing(.left).step == 2)
    }

    @Test func pastTheLastStepRightGoesToTheNextSlideAndLeftComesBackWithEveryStepShown() throws {
        let start = linearTrace
        let count = start.stepCount(of: start.slide)
        // The slide steps the backward pass: L, h, w, b (not x and y, which training does not use).
        #expect(count == 4)
        let after = start.pressing(Array(repeating: .right, count: count + 1))
        #expect(after.slideIndex == start.slideIndex + 1 && after.step == 0)
        let back = after.pressing(.left)
        #expect(back.slideIndex == start.slideIndex && back.step == count)
    }

    @Test func slideKeysJumpWholeSlidesAndAcrossLessons() throws {
        #expect(linear.pressing(.pageDown).slideIndex == 1)
        #expect(linear.pressing(.character("]"), .character("]"), .character("[")).slideIndex == 1)
        #expect(linear.pressing(.end).slideIndex == linear.lesson.slides.count - 1)
        #expect(linear.pressing(.end, .home).slideIndex == 0)
        let next = linear.pressing(.end, .pageDown)
        #expect(next.lessonIndex == 2 && next.slideIndex == 0)
        let previous = linear.pressing(.pageUp)
        let primer = try LessonLibrary.shipped("primer")
        #expect(previous.lessonIndex == 0 && previous.slideIndex == primer.slides.count - 1)
    }

    @Test func digitsAndTheMenuOpenLessons() {
        #expect(linear.pressing(.character("4")).lessonIndex == 3)
        #expect(linear.pressing(.character("9")).lessonIndex == 1)
        let menu = linear.pressing(.character("m"))
        #expect(menu.mode == .menu(selected: 1))
        let chosen = linear.pressing(.character("m"), .down, .down, .enter)
        #expect(chosen.lessonIndex == 3 && chosen.mode == .slides)
        #expect(linear.pressing(.character("m"), .escape).mode == .slides)
    }

    @Test func arrowsAndTabSelectValuesAndWrapAround() {
        #expect(linear.pressing(.down, .tab).selection == 2)
        #expect(linear.pressing(.up).selection == linear.entries.count - 1)
        #expect(linear.pressing(.down, .backTab).selection == 0)
    }

    @Test func nudgingEtaRecomputesTheTableKeepingTheStep() throws {
        let start = linearTrace.pressing(.right, .right)
        let state = start.pressing(.character("-"))
        #expect(state.model?.learningRate == 0.1)
        #expect(state.step == 2)
        let rows = state.computation.traces
        #expect(isClose(rows[0].updated["w"]?.scalar, 0.29))
        #expect(isClose(rows[0].updated["b"]?.scalar, 1.19))
        #expect(isClose(rows[1].values["h"]?.scalar, 1.48))
        #expect(state.pressing(.character("+")).model?.learningRate == 0.2)
        #expect(isClose(state.pressing(.character(">")).model?.learningRate, 0.11))
        #expect(isClose(state.pressing(.character("<")).model?.learningRate, 0.09))
    }

    @Test func nudgingAWeightChangesTheForwardPass() throws {
        let state = linear.pressing(.down, .down, .down, .character("+"))
        #expect(state.entries[state.selection].name == "w")
        #expect(isClose(state.trace?.values["h"]?.scalar, 1.2))
    }

    @Test func enterTypesAnExactValueAndRefusesNonsense() throws {
        let opened = linear.pressing(.down, .down, .down, .enter)
        guard case .prompt(let prompt) = opened.mode else { Issue.record("no prompt"); return }
        #expect(prompt.text == "0.1" && prompt.fresh)
        let typed = opened.typing("0.5").pressing(.enter)
        #expect(typed.mode == .slides && typed.model?.variable("w")?.value.scalar == 0.5)
        let refused = typed.pressing(.character("e"), .character("x"), .enter)
        guard case .prompt(let bad) = refused.mode else { Issue.record("the prompt closed on nonsense"); return }
        #expect(bad.error == "column 1: a value is a number, vector or matrix, but it uses 'x'")
        #expect(refused.pressing(.escape).mode == .slides)
    }

    @Test(arguments: ["q*(1-q)", "q - q^2", "sigmoid(h)*(1 - sigmoid(h))", "exp(-h)/(1 + exp(-h))^2"])
    func aRightAnswerWrittenAnyWayIsAcceptedAndRevealsTheSolution(answer: String) {
        let state = question.pressing(.character("a")).typing(answer).pressing(.enter)
        #expect(state.mode == .slides)
        #expect(state.feedback?.correct == true)
        #expect(state.step == 1)
    }

    @Test func aWrongAnswerIsExplainedAndAnUnreadableOneIsRefusedInThePrompt() throws {
        let wrong = question.pressing(.character("a")).typing("q").pressing(.enter)
        #expect(wrong.feedback?.correct == false && wrong.feedback?.text.hasPrefix("Not yet: q gives 0.65") == true)
        #expect(wrong.step == 0)
        let unreadable = question.pressing(.character("a")).typing("q*(").pressing(.enter)
        guard case .prompt(let prompt) = unreadable.mode else { Issue.record("the prompt closed"); return }
        #expect(prompt.error == "column 4: expected a number, a name or '(' but found the end of the line")
        let unknown = question.pressing(.character("a")).typing("z").pressing(.enter)
        guard case .prompt(let other) = unknown.mode else { Issue.record("the prompt closed"); return }
        #expect(other.error == "column 1: unknown name 'z'")
        let wide = try TutorState.atFirstSlide(in: "wider") { $0.question != nil }
        let entry = wide.pressing(.character("a")).typing("[[W11, W21], [W12, W22]]").pressing(.enter)
        guard case .prompt(let third) = entry.mode else { Issue.record("the prompt closed"); return }
        #expect(third.error == "column 3: unknown name 'W11' (an entry of W is written W[1, 1])")
    }

    @Test func jAndKScrollTheSlideAndAStepBringsTheFocusBack() throws {
        let sized = try TutorState.atFirstSlide(in: "deeper") { $0.stepsTrace && $0.steps.isEmpty }.pressing(.resize(width: 80, height: 24))
        let scrolled = sized.pressing(.character("j"), .character("k"), .character("j"))
        #expect(scrolled.scroll == 3)
        #expect(scrolled.pressing(.right).scroll == 0)
        #expect(scrolled.pressing(.down, .character("+")).scroll == 3, "a tweak keeps the slide where it was scrolled")
    }

    @Test func scrollingStopsAtTheEndSoThatScrollingBackStartsAtOnce() throws {
        let sized = try TutorState.atFirstSlide(in: "wider").pressing(.resize(width: 80, height: 24))
        let bottom = sized.pressing(Array(repeating: .character("j"), count: 50))
        let back = bottom.pressing(.character("k"))
        #expect(bottom.scroll > 0 && bottom.scroll < 50 * 3)
        #expect(render(back).screen != render(bottom).screen)
        #expect(render(bottom.pressing(.character("j"))).screen == render(bottom).screen)
    }

    @Test func aDivergingLearningRateShowsDivergedInsteadOfNumbers() throws {
        let state = linear.pressing(.enter).typing("1e200").pressing(.enter)
        #expect(state.computation.diverged)
        let text = state.screen(width: 120, height: 40).lines.joined()
        #expect(text.contains("Diverged at iteration"))
    }

    @Test func resetPutsTheLessonsValuesAndTableBack() {
        let changed = linear.pressing(.character("-"), .character("s"), .character("t"))
        #expect(changed.computation.traces.count == 14)
        let reset = changed.pressing(.character("r"))
        #expect(reset.model?.learningRate == 0.2 && reset.computation.traces.count == 3)
    }

    @Test func precisionCyclesThroughTwoFourAndSixDecimals() {
        #expect(linear.pressing(.character("p")).precision == 4)
        #expect(linear.pressing(.character("p"), .character("p")).precision == 6)
        #expect(linear.pressing(.character("p"), .character("p"), .character("p")).precision == 2)
    }

    @Test func helpOpensAndCloses() {
        #expect(linear.pressing(.character("?")).mode == .help)
        #expect(linear.pressing(.character("?"), .character("?")).mode == .slides)
        #expect(linear.pressing(.character("?"), .escape).mode == .slides)
    }

    @Test func qCtrlCAndEscTwiceQuitButEscOnceDoesNot() {
        #expect(linear.pressing(.character("q")).quitting)
        #expect(linear.pressing(.interrupt).quitting)
        #expect(linear.pressing(.escape, .escape).quitting)
        let once = linear.pressing(.escape)
        #expect(!once.quitting && once.escapePending)
        #expect(!linear.pressing(.escape, .right, .escape).quitting)
    }

    @Test func anyOtherKeyAfterEscStaysEvenOneBoundToNothing() {
        // nil: a key the terminal reader could not name (F5, Insert, an unknown sequence).
        for key: Key? in [.right, .character("x"), .character("Z"), .backspace, nil] {
            let state = linear.pressing(.escape, key, .escape)
            #expect(!state.quitting && state.escapePending, "\(String(describing: key))")
        }
    }

    @Test func resizeChangesNothingButTheLayout() {
        let state = linear.pressing(.right, .resize(width: 100, height: 30))
        #expect(state.step == linear.pressing(.right).step && !state.quitting)
    }

    @Test func everyKeyOfTheTableGivesItsOwnBindingsActionNoOtherRowTakesIt() {
        let modes: [KeyBinding.Context: Mode] = [.slides: .slides, .help: .help, .menu: .menu(selected: 0), .editor: .editor(ModelEditor())]
        for binding in KeyBindings.all {
            guard let mode = modes[binding.context] else { continue }
            for keys in binding.keys {
                for key in keys.keys {
                    #expect(KeyBindings.action(for: key, in: mode) == keys.action(key), "\(key.name) in \(binding.context): \(binding.help)")
                    #expect(keys.action(key) != nil, "\(key.name) is listed for \(binding.help) but does nothing")
                }
            }
        }
    }
}
