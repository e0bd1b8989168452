import BackpropEngine

/// Keeping the engine's numbers in step with the learner's model, the table and the checks.
extension TutorState {
    /// The largest relative difference between a gradient in the table's rows on screen and its
    /// central difference (over a data set, a mean gradient and that of the mean loss); nil when
    /// the engine cannot compute one.
    func worstTableCheck() -> Double? {
        guard let model else { return nil }
        var worst = 0.0
        for index in TableView.shown(computation.iterations.count) {
            guard let trace = computation.builtTrace(iteration: index, row: 0), let differences = try? model.meanCentralDifferences(of: trace) else { return nil }
            for (node, entries) in differences {
                guard let gradient = IterationTable.Column.gradient(node).value(in: trace) else { continue }
                for difference in entries { worst = max(worst, difference.relativeDifference(from: gradient.scalars[difference.entry])) }
            }
        }
        return worst
    }

    /// Trains `count` more iterations, up to the cap, from the table's last iteration; says why
    /// not when it cannot.
    mutating func train(_ count: Int) {
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
    mutating func remember() {
        before = computation
    }

    /// Puts in the learner's new model and recomputes everything from it, on the same step.
    mutating func change(to model: Model) {
        remember()
        current.model = model
        recompute()
    }

    /// Works out everything the screen shows from the learner's model, keeping the step, the
    /// iteration and the selection where they still exist.
    mutating func recompute() {
        computation = Computation(lesson: lesson, model: current.model, iterations: current.iterations, after: computation)
        keepInRange()
    }

    /// The iteration, the selected value and the step kept within what the engine computed.
    mutating func keepInRange() {
        current.iteration = min(current.iteration, max(0, computation.iterations.count - 1))
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
