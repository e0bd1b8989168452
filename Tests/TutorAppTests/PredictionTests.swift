import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// Predict mode: each trace step asks for its value before showing it, a number judged at the
/// decimals shown and a formula at every iteration, with a score the lesson keeps.
@Suite struct PredictionTests {
    /// The judge of the step of `pass` computing `node` in `lesson`'s first iteration, at
    /// `precision` decimals.
    static func judge(_ lesson: String, _ pass: Trace.Pass, _ node: String, precision: Int = 2) throws -> PredictionCheck {
        let state = try TutorState.atFirstSlide(in: lesson)
        let model = try #require(state.model), trace = try #require(state.trace)
        let step = try #require(state.computation.steps(of: trace).first { $0.pass == pass && $0.node == node })
        return PredictionCheck(model: model, computation: state.computation, iteration: 0, step: step, notation: Notation(loss: model.loss, precision: precision))
    }

    /// The verdict on `typed`, or the reason it cannot be judged, as text.
    static func verdict(_ judge: PredictionCheck, _ typed: String) -> (correct: Bool?, text: String) {
        switch judge.check(typed) {
        case .success(let feedback): (feedback.correct, feedback.text)
        case .failure(let problem): (nil, problem.message)
        }
    }

    @Test(arguments: [
        // deeper's q = σ(0.6) = 0.645656…; linear's ∂L/∂h = −1.9.
        ("deeper", Trace.Pass.forward, "q", 2, "0.65", true), ("deeper", .forward, "q", 2, "0.646", true),
        ("deeper", .forward, "q", 2, "0.64", false), ("deeper", .forward, "q", 4, "0.6457", true),
        ("deeper", .forward, "q", 4, "0.65", false), ("deeper", .forward, "q", 6, "0.645656", true),
        ("deeper", .forward, "q", 6, "0.6457", false), ("linear", .backward, "h", 2, "-1.9", true),
        ("linear", .backward, "h", 2, "-1.904", true), ("linear", .backward, "h", 2, "1.9", false),
        ("linear", .backward, "h", 4, "-1.9001", false), ("linear", .backward, "h", 2, "-19/10", true),
    ])
    func aNumberIsRightWhenItIsWrittenAsTheValueAtTheDecimalsShown(lesson: String, pass: Trace.Pass, node: String, precision: Int, typed: String, right: Bool) throws {
        #expect(Self.verdict(try Self.judge(lesson, pass, node, precision: precision), typed).correct == right)
    }

    @Test func aWrongPredictionIsShownBesideTheValueAndTheStepsFormulaWithDigitsThatDiffer() throws {
        let judge = try Self.judge("deeper", .forward, "q", precision: 2)
        #expect(Self.verdict(judge, "0.64").text == "Not yet: you predicted 0.64, but q = σ(h) = 0.65.")
        #expect(Self.verdict(judge, "sigmoid(h) + 0.001").text == "Not yet: σ(h) + 0.001 gives 0.647, but q = σ(h) = 0.646.")
        #expect(Self.verdict(judge, "0.65").text == "Right: q = 0.65.")
    }

    @Test func vectorsAndMatricesAreTypedAsTheEquationLanguageWritesThem() throws {
        let h = try Self.judge("wider", .forward, "h")
        #expect(Self.verdict(h, "[0.5, 0.6]").correct == true)
        #expect(Self.verdict(h, "[0.50, 0.604]").correct == true)
        #expect(Self.verdict(h, "[0.6, 0.5]").text == "Not yet: you predicted [0.60; 0.50], but h = W · x + b = [0.50; 0.60].")
        #expect(Self.verdict(h, "0.5") == (nil, "h is a 2-vector [a, b], and that is a scalar"))
        let gradient = try Self.judge("wider", .backward, "W")
        let value = gradient.step.value
        #expect(Self.verdict(gradient, Notation(unicode: false).tensor(value)).correct == true)
        let off = Tensor(shape: value.shape, scalars: value.scalars.enumerated().map { $0 == 3 ? $1 + 0.01 : $1 })
        #expect(Self.verdict(gradient, Notation(unicode: false).tensor(off)).correct == false)
        #expect(Self.verdict(gradient, "[1, 2]").text == "∂L/∂W is a 2×2 matrix [[a, b], [c, d]], and that is a 2-vector")
    }

    @Test(arguments: [
        ("linear", Trace.Pass.backward, "h", "h - y", true, "Right: ∂L/∂h = h − y = −1.90."),
        ("linear", .backward, "h", "y - h", false, "Not yet: y − h gives 1.90, but ∂L/∂h = h − y = −1.90."),
        ("linear", .backward, "w", "dL/dh * x", true, "Right: ∂L/∂w = ∂L/∂h · x = −1.90."),
        ("linear", .update, "w", "w - eta*dL/dw", true, "Right: the new w = w − η · ∂L/∂w = 0.48."),
        ("linear", .backward, "h", "-1.9*x", false, "Not yet: −1.9 · x gives −1.90 at iteration 2 (it matches here by chance), where ∂L/∂h = h − y = −1.14."),
        ("deeper", .backward, "q", "v1*dL/do1 + v2*dL/do2", true, "Right: ∂L/∂q = v₁ · ∂L/∂o₁ + v₂ · ∂L/∂o₂ = −0.21."),
        // Over a data set, an update reads the mean gradient, not the row's.
        ("xor", .update, "c", "c - eta*dL/dc", true, "Right: the new c = c − η · ∂L/∂c = [−0.15; 0.15]."),
        ("xor", .update, "c", "c - eta*dL/do", false, "Not yet: c − η · ∂L/∂o gives [0.50; −0.50], but the new c = c − η · ∂L/∂c = [−0.15; 0.15]."),
        ("xor", .backward, "c", "dL/do", true, "Right: ∂L/∂c = ∂L/∂o = [−0.50; 0.50]."),
    ])
    func aFormulaIsRightWhenItGivesTheStepsValueAtEveryIteration(lesson: String, pass: Trace.Pass, node: String, typed: String, right: Bool, text: String) throws {
        let verdict = Self.verdict(try Self.judge(lesson, pass, node), typed)
        #expect(verdict.correct == right)
        #expect(verdict.text == text)
    }

    @Test(arguments: [
        ("linear", Trace.Pass.backward, "h", "dL/dw", "dL/dw is not known before ∂L/∂h"),
        ("linear", .backward, "h", "dL/dh", "dL/dh is what you are predicting: write what it is computed from, or a number"),
        ("deeper", .forward, "h", "q", "q is not known before h"),
        ("linear", .backward, "h", "h -", "column 4: expected a number, a name or '(' but found the end of the line"),
    ])
    func aFormulaReadsOnlyWhatIsKnownBeforeTheStep(lesson: String, pass: Trace.Pass, node: String, typed: String, problem: String) throws {
        #expect(Self.verdict(try Self.judge(lesson, pass, node), typed) == (nil, problem))
    }

    /// The linear lesson's gradient slide (∂L/∂L, ∂L/∂h, ∂L/∂w, ∂L/∂b), predict mode on.
    static func predicting() throws -> TutorState {
        try TutorState.atFirstSlide(in: "linear") { $0.stepsTrace }.pressing(.character("P"))
    }

    /// The prediction prompt open in `state`, if any.
    static func prediction(_ state: TutorState) -> (miss: String?, error: String?)? {
        guard case .prompt(let prompt) = state.mode, case .prediction(let miss) = prompt.purpose else { return nil }
        return (miss, prompt.error)
    }

    @Test func rightOpensThePromptInsteadOfTheStepAndPAgainStopsIt() throws {
        let start = try Self.predicting()
        #expect(start.predicting && start.notice == "Predict mode: → asks for each step before showing it; P to stop.")
        let asked = start.pressing(.right)
        #expect(Self.prediction(asked)?.miss == nil && asked.step == 0)
        let stopped = start.pressing(.character("P"), .right)
        #expect(!stopped.predicting && stopped.mode == .slides && stopped.step == 1)
        // Off a trace, → moves on as ever.
        let first = try TutorState.atFirstSlide(in: "linear").pressing(.character("P"), .right)
        #expect(first.mode == .slides && first.slideIndex == 1)
    }

    @Test func aWrongPredictionKeepsTheStepHiddenAndCountsOnceARightOneShowsItAndMovesOn() throws {
        let wrong = try Self.predicting().pressing(.right).typing("2").pressing(.enter)
        #expect(Self.prediction(wrong)?.miss == "Not yet: you predicted 2.00, but ∂L/∂L = 1.00.")
        #expect(wrong.step == 0 && wrong.current.predictions == PredictionScore(right: 0, asked: 1))
        let retried = wrong.pressing(.backspace).typing("1").pressing(.enter)
        #expect(retried.mode == .slides && retried.step == 1)
        #expect(retried.current.predictions == PredictionScore(right: 0, asked: 1), "a step is scored at its first try")
        #expect(retried.notice == "Right: ∂L/∂L = 1.00. Predicted 0 of 1 right the first time.")
        let right = retried.pressing(.right).typing("h - y").pressing(.enter)
        #expect(right.step == 2 && right.current.predictions == PredictionScore(right: 1, asked: 2))
        #expect(right.current.revealed.contains { $0.pass == .backward && $0.node == "h" })
    }

    @Test func escSkipsAStepShowingItUnscoredAndAnUnreadableOneIsNotScored() throws {
        let open = try Self.predicting().pressing(.right)
        let skipped = open.pressing(.escape)
        #expect(skipped.mode == .slides && skipped.step == 1 && skipped.current.predictions == PredictionScore())
        let unreadable = open.typing("1 +").pressing(.enter)
        #expect(Self.prediction(unreadable)?.error == "column 4: expected a number, a name or '(' but found the end of the line")
        #expect(unreadable.step == 0 && unreadable.current.predictions == PredictionScore())
    }

    @Test func aStepPredictedOrSkippedIsNotAskedAgainInItsIterationButIsInTheNext() throws {
        let shown = try Self.predicting().pressing(.right).typing("1").pressing(.enter, .right, .escape)
        #expect(shown.step == 2)
        let again = shown.pressing(.left, .left, .right, .right)
        #expect(again.mode == .slides && again.step == 2 && again.current.predictions == PredictionScore(right: 1, asked: 1))
        let next = again.pressing(.character(")"), .left, .left, .right)
        #expect(next.current.iteration == 1 && Self.prediction(next) != nil)
    }

    @Test func eachLessonKeepsItsOwnScore() throws {
        let scored = try Self.predicting().pressing(.right).typing("1").pressing(.enter)
        let deeper = scored.applying(.openLesson(2))
        #expect(deeper.predicting && deeper.current.predictions == PredictionScore())
        #expect(deeper.applying(.openLesson(1)).current.predictions == PredictionScore(right: 1, asked: 1))
    }

    @Test func theStatusLineShowsTheScoreWhilePredictModeIsOn() throws {
        let scored = try Self.predicting().pressing(.right).typing("1").pressing(.enter, .right).typing("2").pressing(.enter, .escape, .left)
        for (width, height) in [(60, 16), (80, 24)] {
            let status = scored.screen(width: width, height: height).lines.last ?? ""
            #expect(status.hasPrefix(" predict 1/2  →/← step") && status.contains("? help  q quit"), "\(status)")
        }
        #expect(scored.pressing(.character("P"), .left).screen(width: 80, height: 24).lines.last?.hasPrefix(" →/← step") == true)
    }

    @Test func thePromptNeverShowsTheValueItAsksForUntilAPredictionMisses() throws {
        var checked = 0
        for lesson in ["linear", "deeper", "wider", "xor", "closing"] {
            for index in try LessonLibrary.shipped(lesson).slides.indices {
                let slide = try TutorState.atSlide(index, in: lesson)
                let steps = slide.steps(of: slide.slide)
                for (number, step) in steps.enumerated() {
                    let state = slide.applying(.next, times: number).applying(.togglePredict)
                    let value = state.notation.tensor(step.value)
                    for (width, height) in [(60, 16), (80, 24), (120, 40)] {
                        guard !state.screen(width: width, height: height).lines.joined().contains(value) else { continue }
                        let asked = state.pressing(.right)
                        #expect(Self.prediction(asked) != nil)
                        #expect(!asked.screen(width: width, height: height).lines.joined().contains(value), "\(lesson) \(index + 1) step \(number + 1)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 50)
        let missed = try Self.predicting().pressing(.right).typing("1").pressing(.enter, .right).typing("0").pressing(.enter)
        #expect(missed.screen(width: 80, height: 24).lines.joined().contains("−1.90"))
    }
}
