import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// Whatever a lesson file holds and whatever a learner types or pastes, the tutor shows it as text
/// and answers with an error it can act on.
@Suite struct HostileInputTests {
    static let tooDeep = "column 400: the expression is more than 200 levels deep (each operator of a chain such as a + b + c is one level)"
    /// `1+1+…+1`, 140 KB, as a paste would type it.
    static let pastedSum = String(repeating: "1+", count: 70_000) + "1"

    /// `state` with its prompt holding `text`, then Enter.
    func submitting(_ text: String, in state: TutorState) -> TutorState {
        guard case .prompt(var prompt) = state.mode else { return state }
        prompt.text = text
        prompt.fresh = false
        var typed = state
        typed.mode = .prompt(prompt)
        return typed.applying(.confirm)
    }

    static let values: [(typed: String, error: String)] = [
        (pastedSum, tooDeep),
        ("1e309", "column 1: '1e309' is too large for a number (the largest is about 1.8e308)"),
        ("0/0", "column 2: the value is not a finite number: it comes out as nan"),
        ("0x10", "column 1: '0x10' is not a number: write it in decimals"),
        ("[1, 2]", "type one number, such as 0.25 or -1e-3, not a 2-vector"),
    ]

    @Test(arguments: values.indices)
    func theValuePromptRefusesWhatIsNoFiniteNumber(index: Int) throws {
        let opened = try TutorState.atFirstSlide(in: "linear").pressing(.down, .down, .down, .enter)
        let refused = submitting(Self.values[index].typed, in: opened)
        guard case .prompt(let prompt) = refused.mode else { Issue.record("the prompt closed"); return }
        #expect(prompt.error == Self.values[index].error)
        #expect(refused.model?.variable("w")?.value == Tensor(0.1))
        #expect(refused.screen(width: 80, height: 24).lines.contains { $0.contains(String(Self.values[index].error.prefix(40))) })
    }

    @Test func aPastedAnswerPastTheLimitsIsRefusedInThePrompt() throws {
        let question = try TutorState.atFirstSlide(in: "deeper") { $0.question != nil }.pressing(.character("a"))
        guard case .prompt(let prompt) = submitting(Self.pastedSum, in: question).mode else { Issue.record("the prompt closed"); return }
        #expect(prompt.error == Self.tooDeep)
    }

    @Test func controlCharactersInALessonAreShownAsTextOnEveryPartOfTheScreen() throws {
        let escape = "\u{1b}[2J\u{07}\u{9b}1m\u{202e}"
        let lesson = try Lesson(parsing: """
            # Title \(escape)
            Summary \(escape)
            ```model
            param w = 1
            eta = 0.1
            loss L = w^2
            ```
            ## Slide \(escape)
            Prose \(escape)
            - bullet \(escape)
            > note \(escape)
            ```formulas
            L = w² \(escape)
            ```
            question: why \(escape)?
            answer: 2*w
            """, file: "evil.md", id: "evil\(escape)")
        let state = TutorState(lessons: [lesson], unicode: true)
        for screen in [state.screen(width: 80, height: 24), state.pressing(.character("m")).screen(width: 80, height: 24)] {
            let acting = screen.cells.flatMap(\.character.unicodeScalars).filter(\.actsOnTerminal)
            #expect(acting.isEmpty, "\(screen.lines.joined(separator: "\n"))")
            #expect(screen.lines.contains { $0.contains("^[[2J^G\\u{9b}1m\\u{202e}") })
        }
        let text = state.screen(width: 120, height: 40).lines.joined(separator: "\n")
        for part in ["Title", "Slide", "Prose", "bullet", "note", "L = w²", "why"] {
            #expect(text.contains("\(part) ^[[2J^G\\u{9b}1m\\u{202e}"), "\(part) is not shown visibly:\n\(text)")
        }
    }
}
