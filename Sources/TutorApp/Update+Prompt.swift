import BackpropEngine

/// What the keys do while a prompt is open: typing, and what Enter does with the text.
extension TutorState {
    mutating func applyInPrompt(_ action: Action, prompt: Prompt) {
        var prompt = prompt
        switch action {
        case .type(let character):
            prompt.text = (prompt.fresh ? "" : prompt.text) + String(character)
        case .deleteBackward:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .escape:
            // Esc skips a prediction: the step shows, unscored.
            if case .prediction = prompt.purpose { showPredicted() }
            mode = prompt.purpose.closing
            return
        case .quit:
            quitting = true
            return
        case .confirm:
            mode = prompt.purpose.closing
            if case .prediction(let miss) = prompt.purpose {
                guard let kept = judge(prompt, scored: miss != nil) else { return }
                prompt = kept
            } else {
                guard let error = submit(prompt) else { return }
                prompt.error = error
            }
        default:
            return
        }
        if action != .confirm { prompt.error = nil }
        prompt.fresh = false
        mode = .prompt(prompt)
    }

    /// Applies what the prompt holds (and for a line of the model, opens the editor again); the
    /// reason it cannot, if it cannot.
    mutating func submit(_ prompt: Prompt) -> String? {
        guard let model else { return nil }
        switch prompt.purpose {
        case .value(let entry):
            let value: Tensor
            do {
                value = try Tensor(reading: prompt.text)
            } catch {
                return "column \(error.location.column): \(error.message)"
            }
            guard value.shape == .scalar else { return "type one number, such as 0.25 or -1e-3, not a \(value.shape)" }
            change(to: entry.setting(value.scalar, in: model))
            return nil
        case .answer:
            guard let question = slide.question else { return nil }
            switch AnswerCheck(model: model, iterations: rowNumbers, notation: notation).check(prompt.text, against: question) {
            case .failure(let problem):
                return problem.message
            case .success(let verdict):
                answered = prompt.text
                current.answers[slideIndex] = prompt.text
                if verdict.correct { step = stepCount(of: slide) }
                return nil
            }
        case .prediction:
            // Judged by `judge`, which keeps the prompt open on a wrong prediction.
            return nil
        case .line(let editor, let inserting):
            var lines = source
            let at = min(editor.line + (inserting ? 1 : 0), lines.count)
            if inserting || lines.isEmpty { lines.insert(prompt.text, at: at) } else { lines[at] = prompt.text }
            var moved = editor
            moved.line = at
            edit(lines, in: moved)
            return nil
        }
    }

    /// Judges the prediction `prompt` holds, counting it in the score unless the step is
    /// `scored` already: a right one shows the step and closes the prompt (nil); the prompt
    /// kept open says why not otherwise.
    mutating func judge(_ prompt: Prompt, scored: Bool) -> Prompt? {
        guard let prediction else { return nil }
        var kept = prompt
        switch prediction.check(prompt.text) {
        case .failure(let problem):
            kept.error = problem.message
        case .success(let verdict):
            if !scored { current.predictions = current.predictions.counting(right: verdict.correct) }
            guard !verdict.correct else {
                showPredicted()
                notice = "\(verdict.text) Predicted \(current.predictions.summary)."
                return nil
            }
            kept = Prompt(purpose: .prediction(miss: verdict.text), text: prompt.text, fresh: false, error: nil)
        }
        return kept
    }

    /// Shows the step the prediction prompt asked for, remembered as predicted.
    mutating func showPredicted() {
        if let prediction {
            current.predicted.insert(LessonProgress.PredictedStep(iteration: current.iteration, step: Reveal.Key(prediction.step)))
        }
        step = min(step + 1, stepCount(of: slide))
    }
}
