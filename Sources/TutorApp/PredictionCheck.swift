import BackpropEngine

/// Judges a prediction of a trace step typed before the step shows its value. A number (or a
/// vector `[a, b]` or matrix `[[a, b], [c, d]]` of them, as the equation language writes them) is
/// right when it is written as the engine's value is at the decimals shown; a formula is right
/// when it gives the step's value at every iteration of the table, as answers to questions are
/// judged. A formula reads what is known before the step: the declared values, and the values and
/// gradients the steps before it compute, a gradient written as in ASCII: `dL/dh * x`.
struct PredictionCheck {
    let model: Model
    let computation: Computation
    /// The iteration on screen, 0-based: a number is judged against its value.
    let iteration: Int
    /// The step predicted, in the iteration on screen.
    let step: Trace.Step
    let notation: Notation
    /// Over a data set, the row on screen in the iteration's batch.
    var row = 0


    /// What the step computes, as the prompt and the verdicts name it: `h`, `∂L/∂h`, `the new w`.
    var subject: String {
        let target = FormulaWriter(notation: notation, shapes: model.shapes).target(of: step)
        return step.pass == .update ? "the new \(target)" : target
    }

    /// What the learner may type, for the prompt: `Type a number (right to 2 decimals) or a
    /// formula in x, y, w, b, eta, h, L, dL/dL, dL/dh.`
    var hint: String {
        let shape = step.value.shape
        let value = shape == .scalar ? "a number" : "a \(shape)\(PredictionCheck.spelling(of: shape))"
        return "Type \(value) (right to \(notation.precision) decimals) or a formula in \(known.joined(separator: ", "))."
    }

    /// The names a formula may read at this step, as typed: the declared values, and the nodes
    /// and gradients (`dL/dh`) of the steps before it.
    var known: [String] {
        model.variables.map(\.name) + before.map { $0.pass == .backward ? ascii.gradient($0.node) : $0.node }
    }

    /// How names and gradients are typed: `eta`, `dL/dh`.
    private var ascii: Notation { Notation(loss: notation.loss, unicode: false) }

    /// The steps before this one in the iteration whose values a formula may read: forward
    /// values and gradients.
    private var before: [Trace.Step] {
        guard let trace = computation.trace(iteration: iteration, row: row) else { return [] }
        return computation.steps(of: trace).prefix { Reveal.Key($0) != Reveal.Key(step) }.filter { $0.pass != .update && $0.pass != .mean }
    }

    /// The verdict on `typed`, or why it cannot be judged: it does not read, reads what is not
    /// known yet, or has another shape than the step's value.
    func check(_ typed: String) -> Result<Feedback, AnswerCheck.Problem> {
        let expression: Expr
        do {
            expression = try model.expression(parsing: typed, gradients: true)
        } catch {
            return .failure(AnswerCheck.Problem(error))
        }
        var read: [String] = []
        expression.visit { part in
            switch part.kind {
            case .name(let name): read.append(name)
            case .gradient(let name): read.append(ascii.gradient(name))
            default: break
            }
        }
        if let problem = unknown(read) { return .failure(problem) }
        let shape = try? model.shape(of: expression, fallback: SourceLocation(line: 1, column: 1))
        guard shape == step.value.shape else {
            return .failure(AnswerCheck.Problem(message:
                "\(subject) is a \(step.value.shape)\(PredictionCheck.spelling(of: step.value.shape)), and that is a \(shape.map(String.init(describing:)) ?? "?")"))
        }
        let readsNames = !read.isEmpty
        let writer = FormulaWriter(notation: notation, shapes: model.shapes)
        // The iteration on screen first: a number is judged there alone, a formula everywhere,
        // and the verdict quotes the first iteration where it misses.
        let (iterations, names) = (computation.iterations.indices, NamesRead([expression]))
        for index in [iteration] + iterations.filter({ $0 != iteration }) where iterations.contains(index) {
            guard let (expected, bindings) = numbers(at: index, reading: names), let expected,
                  let got = try? bindings.evaluate(expression) else {
                return .failure(AnswerCheck.Problem(message: "the engine cannot evaluate that with this lesson's numbers"))
            }
            let right = readsNames ? AnswerCheck.agree(got, expected) : notation.tensor(got) == notation.tensor(expected)
            if !right {
                let (typedValue, expectedValue) = notation.tensors(apart: got, expected)
                let said = readsNames ? "\(writer.symbolic(expression)) gives \(typedValue)" : "you predicted \(typedValue)"
                let place = index == iteration ? ", but" : " at iteration \(index + 1) (it matches here by chance), where"
                let formula = step.formula.map { " = " + writer.symbolic($0) } ?? ""
                return .success(Feedback(correct: false, text: "Not yet: \(said)\(place) \(subject)\(formula) = \(expectedValue)."))
            }
            if !readsNames { break }
        }
        let written = readsNames ? " = " + writer.symbolic(expression) : ""
        return .success(Feedback(correct: true, text: "Right: \(subject)\(written) = \(notation.tensor(step.value))."))
    }

    /// The step's value in iteration `index` for the row on screen, as its trace would hold it,
    /// and the numbers there of the names `read`, as the step's formula reads them: over a data
    /// set, an update reads the parameters' mean gradients.
    private func numbers(at index: Int, reading read: NamesRead) -> (value: Tensor?, bindings: Bindings)? {
        guard let numbers = computation.rowNumbers(iteration: index, row: row) else { return nil }
        let iteration = computation.iterations[index]
        let value: Tensor? = switch step {
        case .forward: numbers.value(of: step.node)
        case .backward: numbers.gradient(of: step.node)
        case .mean(let mean): mean.ofGradient ? iteration.gradient(of: mean.node) : iteration.value(of: mean.node)
        case .update: iteration.update(of: step.node)
        }
        var bindings = numbers.bindings(read)
        if step.pass == .update, model.data != nil {
            for name in read.gradients where model.parameters.contains(name) { bindings.gradients[name] = iteration.gradient(of: name) }
        }
        return (value, bindings)
    }

    /// How a value of `shape` is typed, after its shape: ` [a, b]`; nothing for a scalar.
    private static func spelling(of shape: Shape) -> String {
        switch shape {
        case .scalar: ""
        case .vector: " [a, b]"
        case .matrix: " [[a, b], [c, d]]"
        }
    }

    /// Why a formula reading `names` (as typed) cannot be judged here, if it reads a value or a
    /// gradient not known before the step.
    private func unknown(_ names: [String]) -> AnswerCheck.Problem? {
        let known = self.known
        guard let name = names.first(where: { !known.contains($0) }) else { return nil }
        if name == (step.pass == .backward ? ascii.gradient(step.node) : step.node) {
            return AnswerCheck.Problem(message: "\(name) is what you are predicting: write what it is computed from, or a number")
        }
        return AnswerCheck.Problem(message: "\(name) is not known before \(subject)")
    }
}
