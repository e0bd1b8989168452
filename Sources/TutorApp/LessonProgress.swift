import BackpropEngine

/// Where the learner is in one lesson, kept while they visit others: their values, the table's
/// length and sideways scroll, the iteration the trace shows, the steps they have stepped to, and
/// how their predictions went.
public struct LessonProgress: Sendable {
    /// A step of one iteration, as predict mode remembers it.
    struct PredictedStep: Hashable, Sendable {
        /// The iteration, 0-based.
        let iteration: Int
        /// The step.
        let step: Reveal.Key
    }

    /// The lesson's model with the learner's values.
    public internal(set) var model: Model?
    /// The number of training iterations in the table.
    public internal(set) var iterations = TutorState.initialIterations
    /// How many of the table's columns that scroll sideways are moved past, to the left.
    public internal(set) var tableScroll = 0
    /// The iteration the trace and the graph show, 0-based.
    public internal(set) var iteration = 0
    /// The steps stepped to, on any slide: their gradients and updates stay on screen.
    var revealed = Set<Reveal.Key>()
    /// The steps predicted in predict mode, and how many of them right the first time.
    public internal(set) var predictions = PredictionScore()
    /// The steps predict mode has shown, right or skipped: stepping back to one and on again
    /// shows it without asking again.
    var predicted = Set<PredictedStep>()
}
