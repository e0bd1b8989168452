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
        computation = computation.withMaps(of: slide)
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
                notice = "The table has \(computation.iterations.count) \(unit)s; \(KeyBindings.key(for: .nextIteration)) steps through the next one."
            }
        case .pickRow(let delta):
            pickRow(by: delta)
        case .nextIteration:
            if current.iteration + 1 >= computation.iterations.count { train(1) }
            current.iteration = min(current.iteration + 1, max(0, computation.iterations.count - 1))
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
    mutating func pickRow(by delta: Int) {
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
    mutating func followModel(from previous: Int) {
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

    /// Moves `delta` slides, into the next or previous lesson past either end; coming back to a
    /// slide with `revealing` shows all its steps, as it was left.
    mutating func moveSlide(by delta: Int, revealing: Bool) {
        var (lessonTarget, slideTarget) = (lessonIndex, slideIndex + delta)
        if slideTarget >= lesson.slides.count {
            guard lessonIndex + 1 < lessons.count else { return }
            (lessonTarget, slideTarget) = (lessonIndex + 1, 0)
        } else if slideTarget < 0 {
            guard lessonIndex > 0 else { return }
            (lessonTarget, slideTarget) = (lessonIndex - 1, lessons[lessonIndex - 1].slideCount - 1)
        }
        if lessonTarget != lessonIndex { open(lesson: lessonTarget) }
        answered = nil
        let previous = slideIndex
        slideIndex = slideTarget
        followModel(from: previous)
        step = revealing ? stepCount(of: slide) : 0
    }

    /// Opens lesson `index` where the learner left it.
    mutating func open(lesson index: Int) {
        guard lessons.indices.contains(index), index != lessonIndex else { return }
        (lessonIndex, slideIndex, step, selection) = (index, 0, 0, 0)
        if !current.visited { current = LessonProgress(model: lesson.model) }
        recompute()
        resume()
    }

    /// Goes to where the learner left the lesson on screen: its slide, step and iteration, and
    /// the answer typed there; what no longer fits the lesson is brought within it.
    mutating func resume() {
        current.iteration = min(max(0, current.iteration), max(0, computation.iterations.count - 1))
        slideIndex = min(max(0, current.slide), lesson.slides.count - 1)
        step = min(max(0, current.step), stepCount(of: slide))
        answered = current.answers[slideIndex]
        (current.slide, current.step, current.visited) = (slideIndex, step, true)
    }
}
