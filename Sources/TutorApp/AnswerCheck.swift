import BackpropEngine
import Lessons

/// Checks a typed answer to a question by evaluating it and the lesson's answer with the
/// engine's numbers of every iteration in the table: equal everywhere means right, whatever
/// way the learner wrote it (`q*(1-q)`, `q - q^2`, `sigmoid(h)*(1 - sigmoid(h))`).
struct AnswerCheck {
    let model: Model
    /// Each iteration's numbers for the row on screen.
    let iterations: [IterationNumbers]
    let notation: Notation

    /// Why a typed answer could not be checked at all.
    struct Problem: Error {
        let message: String

        init(message: String) {
            self.message = message
        }

        /// A formula that does not read, with the column where it goes wrong.
        init(_ error: EquationError) {
            message = "column \(error.location.column): \(error.message)"
        }
    }

    /// The verdict on `typed`, or why it cannot be read; the numbers quoted are the current
    /// iteration's, or those of the first iteration where the answers part. A number alone is
    /// never right: matching here, it matches by chance.
    func check(_ typed: String, against question: Slide.Question) -> Result<Feedback, Problem> {
        let answer: Expr
        do {
            answer = try model.expression(parsing: typed)
        } catch {
            return .failure(Problem(error))
        }
        let writer = FormulaWriter(notation: notation, shapes: model.shapes)
        var pairs: [(typed: Tensor, expected: Tensor)] = []
        let read = NamesRead([answer, question.answer])
        for numbers in iterations {
            let bindings = numbers.bindings(read)
            guard let got = try? bindings.evaluate(answer), let want = try? bindings.evaluate(question.answer) else {
                return .failure(Problem(message: "the engine cannot evaluate that with this lesson's numbers"))
            }
            pairs.append((got, want))
        }
        guard let now = pairs.first else { return .failure(Problem(message: "there are no numbers to check against")) }
        let written = writer.symbolic(answer)
        let matchesHere = AnswerCheck.agree(now.typed, now.expected) || notation.tensor(now.typed) == notation.tensor(now.expected)
        if answer.names.isEmpty, !question.answer.names.isEmpty, matchesHere {
            return .success(Feedback(correct: false, text:
                "Not yet: \(written) matches these numbers only by chance. The answer is a formula in the model's names, which holds whatever the numbers. Try again with \(KeyBindings.key(for: .answer)), or \(KeyBindings.key(for: .next)) to see it."))
        }
        if let miss = pairs.firstIndex(where: { !AnswerCheck.agree($0.typed, $0.expected) }) {
            let (typed, expected) = notation.tensors(apart: pairs[miss].typed, pairs[miss].expected)
            let place = miss == 0 ? "" : " at iteration \(miss + 1) (it matches here by chance)"
            return .success(Feedback(correct: false, text:
                "Not yet: \(written) gives \(typed)\(place), but the answer is \(expected). Try again with \(KeyBindings.key(for: .answer)), or \(KeyBindings.key(for: .next)) to see it."))
        }
        return .success(Feedback(correct: true, text: "Right: \(written) = \(notation.tensor(now.typed)) here, as the engine computes it."))
    }

    /// Same shape and every entry equal to 1e-9, relative to its size.
    static func agree(_ a: Tensor, _ b: Tensor) -> Bool {
        guard a.shape == b.shape || a.shape == .scalar || b.shape == .scalar else { return false }
        let count = max(a.scalars.count, b.scalars.count)
        return (0..<count).allSatisfy { index in
            let x = a.scalars[a.shape == .scalar ? 0 : index], y = b.scalars[b.shape == .scalar ? 0 : index]
            return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
        }
    }
}
