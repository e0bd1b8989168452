import BackpropEngine

/// Where the learner is in one lesson, kept while they visit others: their values, the table's
/// length and sideways scroll, the iteration the trace shows, and the steps they have stepped to.
public struct LessonProgress: Sendable {
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
}
