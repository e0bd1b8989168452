import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// A typed answer is judged with the numbers on screen, whatever they become, and never told
/// right for matching them by chance.
@Suite struct AnswerTests {
    /// The deeper lesson at its question, ∂q/∂h.
    let question: TutorState

    init() throws {
        question = try TutorState.atFirstSlide(in: "deeper") { $0.question != nil }
    }

    /// `state` after answering `typed`.
    func answering(_ typed: String, in state: TutorState) -> TutorState {
        state.pressing(.character("a")).typing(typed).pressing(.enter)
    }

    /// `state` with the value panel's entry `name` selected.
    func selecting(_ name: String, in state: TutorState) throws -> TutorState {
        let index = try #require(state.entries.firstIndex { $0.name == name })
        return state.applying(.select(by: index - state.selection))
    }

    /// What the engine gives for q · (1 − q) in `state`'s first iteration.
    func answerValue(_ state: TutorState) throws -> Double {
        let q = try #require(state.trace?.values["q"]?.scalar)
        return q * (1 - q)
    }

    @Test func theVerdictIsWorkedOutAgainWhenTheNumbersChange() throws {
        let answered = answering("q*(1-q)", in: question)
        let selected = try selecting("w", in: answered)
        let changes: [(String, TutorState)] = [
            ("nudged", selected.pressing(.character("+"))),
            ("typed", selected.pressing(.enter).typing("1").pressing(.enter)),
            ("nudged, then reset", selected.pressing(.character("+"), .character("r"))),
            ("trained", selected.pressing(.character("+"), .character("t"))),
        ]
        for (change, state) in changes {
            let expected = "Right: q · (1 − q) = \(state.notation.number(try answerValue(state))) here, as the engine computes it."
            #expect(state.feedback?.text == expected, "\(change)")
            #expect(state.screen(width: 120, height: 40).lines.joined().contains(expected), "\(change)")
        }
        #expect(changes[0].1.feedback?.text != answered.feedback?.text)
        #expect(changes[2].1.feedback?.text == answered.feedback?.text)
        #expect(answered.pressing(.character("p")).feedback?.text.contains(Notation(precision: 4).number(try answerValue(answered))) == true)
    }

    @Test func aNumberThatMatchesHereIsRightOnlyByChance() throws {
        let exact = "\(try answerValue(question))"
        for typed in ["0.2288", "0.23", exact] {
            let state = answering(typed, in: question)
            let feedback = try #require(state.feedback)
            #expect(!feedback.correct && state.step == 0)
            #expect(feedback.text.hasPrefix("Not yet: \(typed) matches these numbers only by chance."), "\(feedback.text)")
            #expect(feedback.text.contains("a formula in the model's names"))
        }
        #expect(answering("5", in: question).feedback?.text.hasPrefix("Not yet: 5 gives 5.00, but the answer is 0.23.") == true)
    }

    @Test func aWrongAnswerThatRoundsLikeTheRightOneIsShownWithDigitsThatDiffer() throws {
        let value = try answerValue(question)
        let feedback = try #require(answering("q*(1-q) + 0.0001", in: question).feedback)
        let (typed, expected) = Notation().tensors(apart: Tensor(value + 0.0001), Tensor(value))
        #expect(feedback.text.hasPrefix("Not yet: q · (1 − q) + 0.0001 gives \(typed), but the answer is \(expected)."), "\(feedback.text)")
        #expect(typed != expected && Notation().number(value + 0.0001) == Notation().number(value))
    }

    @Test(arguments: ["e^(-h)/(1 + e^(-h))^2", "e^-h/(1+e^-h)^2"])
    func eToAPowerIsAccepted(typed: String) {
        let state = answering(typed, in: question)
        #expect(state.feedback?.correct == true && state.step == 1)
        #expect(state.feedback?.text.hasPrefix("Right: exp(−h) / (1 + exp(−h))² = 0.23") == true)
    }

    @Test(arguments: [("q(1-q)", "column 2: missing '*': write q*(1-q)"), ("2h", "column 2: missing '*': write 2*h")])
    func aProductWithoutItsStarIsRefusedWithTheStarShown(typed: String, error: String) {
        let state = question.pressing(.character("a")).typing(typed).pressing(.enter)
        guard case .prompt(let prompt) = state.mode else { Issue.record("the prompt closed"); return }
        #expect(prompt.error == error)
    }
}
