import BackpropEngine
import TextScreen

/// The state after `action`: with `update(_:pressing:)`, the only place the tutor's state changes.
public func update(_ state: TutorState, _ action: Action) -> TutorState {
    var next = state
    next.apply(action)
    return next
}

/// The state after pressing `key`, read through the key bindings of the mode it finds. A key
/// bound to nothing there, or one the terminal reader could not name (nil), changes nothing but
/// a pending Esc: that key cancels it, as the status line promises.
public func update(_ state: TutorState, pressing key: Key?) -> TutorState {
    if let key, let action = KeyBindings.action(for: key, in: state.mode) { return update(state, action) }
    var next = state
    next.escapePending = false
    return next
}

extension TutorState {
    /// Applies `action` in place.
    mutating func apply(_ action: Action) {
        switch action {
        case .resize(let width, let height):
            size = (width, height)
            return
        case .viewport(let drawn):
            viewport = drawn
            return
        case .saved(let path):
            (pendingSave, notice) = (nil, "Saved the model as \(path): backprop-tutor FILE opens it")
            return
        case .notSaved(let reason):
            (pendingSave, notice) = (nil, "The model was not saved: \(reason)")
            return
        default: break
        }
        (notice, before, pendingSave) = (nil, nil, nil)
        // A step, another slide or another iteration brings the focus back; other keys keep
        // the slide where the learner scrolled it.
        let place = (lessonIndex, slideIndex, step, current.iteration)
        defer { if place != (lessonIndex, slideIndex, step, current.iteration) { scroll = 0 } }
        if action != .escape { escapePending = false }
        switch mode {
        case .help:
            if action == .toggleHelp { mode = .slides }
            if action == .quit { quitting = true }
        case .menu(let selected):
            applyInMenu(action, selected: selected)
        case .prompt(let prompt):
            applyInPrompt(action, prompt: prompt)
        case .editor(let editor):
            applyInEditor(action, editor: editor)
        case .slides:
            applyOnSlides(action)
        }
        current.revealed.formUnion(steps(of: slide).prefix(step).map(Reveal.Key.init))
        (current.slide, current.step) = (slideIndex, step)
        if slideIndex == lesson.slides.count - 1 && step == stepCount(of: slide) { current.finished = true }
        check = checking ? (trace.flatMap { trace in try? model?.centralDifferences(of: trace) } ?? [:]) : [:]
        tableCheck = checking && slide.allItems.contains(where: \.isTable) ? worstTableCheck() : nil
    }

    private mutating func applyOnSlides(_ action: Action) {
        switch action {
        case .next:
            if prediction != nil {
                mode = .prompt(Prompt(purpose: .prediction(miss: nil), text: "", fresh: false, error: nil))
            } else if step < stepCount(of: slide) {
                step += 1
            } else {
                moveSlide(by: 1, revealing: false)
            }
        case .previous:
            if step > 0 {
                step -= 1
                if step == 0 { answered = nil }
            } else {
                moveSlide(by: -1, revealing: true)
            }
        case .nextSlide: moveSlide(by: 1, revealing: false)
        case .previousSlide: moveSlide(by: -1, revealing: false)
        case .firstSlide, .lastSlide:
            let previous = slideIndex
            (slideIndex, step, answered) = (action == .firstSlide ? 0 : lesson.slides.count - 1, 0, nil)
            followModel(from: previous)
        case .openLesson(let index): open(lesson: index)
        case .showMenu: mode = .menu(selected: lessonIndex)
        case .select(let delta):
            let count = entries.count
            if count > 0 { selection = ((selection + delta) % count + count) % count }
        case .nudge(let delta):
            guard let model, let entry = entries.indices.contains(selection) ? entries[selection] : nil else { return }
            let nudged = ((entry.value(in: model) + delta) / TutorState.fineStep).rounded() * TutorState.fineStep
            change(to: entry.setting(nudged, in: model))
        case .edit:
            guard let model, entries.indices.contains(selection) else { return }
            let entry = entries[selection]
            let text = Notation(unicode: false).constant(entry.value(in: model))
            mode = .prompt(Prompt(purpose: .value(entry), text: text, fresh: true, error: nil))
        case .answer:
            guard let question = slide.question, model?.missing(question).isEmpty == true else { return }
            mode = .prompt(Prompt(purpose: .answer, text: "", fresh: false, error: nil))
        case .togglePredict:
            predicting.toggle()
            let key = KeyBindings.key(for: .togglePredict)
            notice = predicting
                ? "Predict mode: \(KeyBindings.key(for: .next)) asks for each step before showing it; \(key) to stop."
                : "Predict mode off; predicted \(current.predictions.summary) in this lesson."
        case .scroll(let lines):
            // Kept within the content, so that scrolling back starts at once.
            scroll = viewport.offset(scrolledBy: scroll + lines) - viewport.automatic
        case .scrollTable(let columns):
            guard slide.allItems.contains(where: \.isTable) else { return }
            current.tableScroll = viewport.tableOffset(current.tableScroll, movedBy: columns)
        case .reset:
            remember()
            current.model = current.edited ?? lesson.model(at: slideIndex)
            current.iterations = TutorState.initialIterations
            current.iteration = 0
            recompute()
        case .train(let count):
            train(count)
            if !slide.allItems.contains(where: \.isTable) {
                let unit = model?.iterationName ?? "iteration"
                notice = "The table has \(computation.traces.count) \(unit)s; \(KeyBindings.key(for: .nextIteration)) steps through the next one."
            }
        case .pickRow(let delta):
            pickRow(by: delta)
        case .nextIteration:
            if current.iteration + 1 >= computation.traces.count { train(1) }
            current.iteration = min(current.iteration + 1, max(0, computation.traces.count - 1))
            step = min(step, stepCount(of: slide))
        case .previousIteration:
            current.iteration = max(0, current.iteration - 1)
            step = min(step, stepCount(of: slide))
        case .cyclePrecision: precision = precision >= 6 ? 2 : precision + 2
        case .toggleCheck: checking.toggle()
        case .toggleHelp: mode = .help
        case .escape:
            if escapePending { quitting = true } else { escapePending = true }
        case .quit: quitting = true
        case .editModel: openEditor()
        case .type, .deleteBackward, .confirm, .addLine, .deleteLine, .save, .saved, .notSaved, .resize, .viewport: break
        }
    }

    /// Shows the row `delta` rows on in the iteration's batch, counted round; says why not
    /// when there is only one.
    private mutating func pickRow(by delta: Int) {
        guard model?.data != nil else {
            notice = "This lesson trains on one example: there are no rows to pick."
            return
        }
        let count = trace?.batch?.rows.count ?? 1
        guard count > 1 else {
            notice = "Each iteration trains on one row: \(KeyBindings.key(for: .nextIteration)) goes on to the next."
            return
        }
        current.row = ((current.row + delta) % count + count) % count
    }

    /// After moving from slide `previous` (0-based) of this lesson: on a slide whose model is
    /// another, that model with its own values and a new table.
    private mutating func followModel(from previous: Int) {
        guard lesson.modelSlide(of: previous) != lesson.modelSlide(of: slideIndex) else { return }
        (current.model, current.source, current.edited) = (lesson.model(at: slideIndex), nil, nil)
        (current.iterations, current.iteration, current.row, current.tableScroll) = (TutorState.initialIterations, 0, 0, 0)
        recompute()
    }

    private mutating func applyInMenu(_ action: Action, selected: Int) {
        switch action {
        case .select(let delta): mode = .menu(selected: ((selected + delta) % lessons.count + lessons.count) % lessons.count)
        case .confirm: mode = .slides; open(lesson: selected)
        case .openLesson(let index): mode = .slides; open(lesson: index)
        case .escape: mode = .slides
        case .quit: quitting = true
        default: break
        }
    }

    private mutating func applyInPrompt(_ action: Action, prompt: Prompt) {
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
    private mutating func submit(_ prompt: Prompt) -> String? {
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
            switch AnswerCheck(model: model, traces: rowTraces, notation: notation).check(prompt.text, against: question) {
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
    private mutating func judge(_ prompt: Prompt, scored: Bool) -> Prompt? {
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
    private mutating func showPredicted() {
        if let prediction {
            current.predicted.insert(LessonProgress.PredictedStep(iteration: current.iteration, step: Reveal.Key(prediction.step)))
        }
        step = min(step + 1, stepCount(of: slide))
    }

    /// Moves `delta` slides, into the next or previous lesson past either end; coming back to a
    /// slide with `revealing` shows all its steps, as it was left.
    private mutating func moveSlide(by delta: Int, revealing: Bool) {
        var (lessonTarget, slideTarget) = (lessonIndex, slideIndex + delta)
        if slideTarget >= lesson.slides.count {
            guard lessonIndex + 1 < lessons.count else { return }
            (lessonTarget, slideTarget) = (lessonIndex + 1, 0)
        } else if slideTarget < 0 {
            guard lessonIndex > 0 else { return }
            (lessonTarget, slideTarget) = (lessonIndex - 1, lessons[lessonIndex - 1].slides.count - 1)
        }
        if lessonTarget != lessonIndex { open(lesson: lessonTarget) }
        answered = nil
        let previous = slideIndex
        slideIndex = slideTarget
        followModel(from: previous)
        step = revealing ? stepCount(of: slide) : 0
    }

    /// Opens lesson `index` where the learner left it.
    private mutating func open(lesson index: Int) {
        guard lessons.indices.contains(index), index != lessonIndex else { return }
        (lessonIndex, slideIndex, step, selection) = (index, 0, 0, 0)
        recompute()
        resume()
    }

    /// Goes to where the learner left the lesson on screen: its slide, step and iteration, and
    /// the answer typed there; what no longer fits the lesson is brought within it.
    mutating func resume() {
        current.iteration = min(max(0, current.iteration), max(0, computation.traces.count - 1))
        slideIndex = min(max(0, current.slide), lesson.slides.count - 1)
        step = min(max(0, current.step), stepCount(of: slide))
        answered = current.answers[slideIndex]
        (current.slide, current.step, current.visited) = (slideIndex, step, true)
    }

    /// The largest relative difference between a gradient in the table's rows on screen and its
    /// central difference (over a data set, a mean gradient and that of the mean loss); nil when
    /// the engine cannot compute one.
    private func worstTableCheck() -> Double? {
        guard let model else { return nil }
        var worst = 0.0
        for index in TableView.shown(computation.traces.count) {
            let trace = computation.traces[index]
            guard let differences = try? model.meanCentralDifferences(of: trace) else { return nil }
            for (node, entries) in differences {
                guard let gradient = IterationTable.Column.gradient(node).value(in: trace) else { continue }
                for difference in entries { worst = max(worst, difference.relativeDifference(from: gradient.scalars[difference.entry])) }
            }
        }
        return worst
    }

    /// Trains `count` more iterations, up to the cap, from the table's last iteration; says why
    /// not when it cannot.
    private mutating func train(_ count: Int) {
        guard model != nil else { return }
        guard !computation.diverged else {
            notice = "Training diverged: lower η or press \(KeyBindings.key(for: .reset))."
            return
        }
        guard current.iterations < TutorState.maximumIterations else {
            notice = "The table holds at most \(TutorState.maximumIterations) iterations."
            return
        }
        current.iterations = min(current.iterations + count, TutorState.maximumIterations)
        computation = computation.extended(to: current.iterations)
        keepInRange()
    }

    /// Keeps the numbers before a change of values, so that those that change can be marked.
    private mutating func remember() {
        before = computation
    }

    /// Puts in the learner's new model and recomputes everything from it, on the same step.
    private mutating func change(to model: Model) {
        remember()
        current.model = model
        recompute()
    }

    /// Works out everything the screen shows from the learner's model, keeping the step, the
    /// iteration and the selection where they still exist.
    mutating func recompute() {
        computation = Computation(lesson: lesson, model: current.model, iterations: current.iterations)
        keepInRange()
    }

    /// The iteration, the selected value and the step kept within what the engine computed.
    private mutating func keepInRange() {
        current.iteration = min(current.iteration, max(0, computation.traces.count - 1))
        selection = min(selection, max(0, entries.count - 1))
        step = min(step, stepCount(of: slide))
    }

    /// `+`/`-` change a value by this much.
    public static let coarseStep = 0.1
    /// `>`/`<` change a value by this much; nudged values land on its multiples.
    public static let fineStep = 0.01
    /// The most iterations the table grows to.
    public static let maximumIterations = 1000
}
