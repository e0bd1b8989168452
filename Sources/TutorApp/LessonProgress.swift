import BackpropEngine

/// Where the learner is in one lesson, kept while they visit others and between runs: the slide
/// and step, their values, the table's length and sideways scroll, the iteration the trace
/// shows, the steps they have stepped to, their answers and how their predictions went.
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
    /// The model block's lines as the learner edited them, mistakes kept; nil before the first
    /// edit: the lesson's own lines.
    public internal(set) var source: [String]?
    /// The last edit of the model block that made a model, which the values start from and a
    /// reset goes back to; nil before: the lesson's model.
    public internal(set) var edited: Model?
    /// The number of training iterations in the table.
    public internal(set) var iterations = TutorState.initialIterations
    /// How many of the table's columns that scroll sideways are moved past, to the left.
    public internal(set) var tableScroll = 0
    /// The iteration the trace and the graph show, 0-based.
    public internal(set) var iteration = 0
    /// Over a data set, the row of the iteration's batch whose passes the trace and the graph
    /// show, 0-based in the batch.
    public internal(set) var row = 0
    /// The slide the learner is on, or left the lesson on, 0-based.
    public internal(set) var slide = 0
    /// How many steps of that slide are revealed.
    public internal(set) var step = 0
    /// The learner has opened the lesson, in this run or an earlier one.
    public internal(set) var visited = false
    /// The learner has reached the lesson's last slide.
    public internal(set) var finished = false
    /// The last answer typed to each slide's question, by slide (0-based), as typed.
    public internal(set) var answers: [Int: String] = [:]
    /// The steps stepped to, on any slide: their gradients and updates stay on screen.
    public internal(set) var revealed = Set<RevealedStep>()
    /// The steps predicted in predict mode, and how many of them right the first time.
    public internal(set) var predictions = PredictionScore()
    /// The steps predict mode has shown, right or skipped: stepping back to one and on again
    /// shows it without asking again.
    var predicted = Set<PredictedStep>()

    /// A lesson not visited yet, with the lesson's own values.
    init(model: Model?) {
        self.model = model
    }

    /// A lesson visited before, as saved: no check against the lesson is made here, so the
    /// values must fit it (the tutor itself keeps the slide, step and iteration in range).
    public init(
        model: Model?, iterations: Int, iteration: Int, tableScroll: Int, slide: Int, step: Int, finished: Bool,
        answers: [Int: String], predictions: PredictionScore, revealed: Set<RevealedStep>
    ) {
        (self.model, self.iterations, self.iteration, self.tableScroll) = (model, iterations, iteration, tableScroll)
        (self.slide, self.step, self.finished, self.visited) = (slide, step, finished, true)
        (self.answers, self.predictions, self.revealed) = (answers, predictions, revealed)
    }
}

/// A step the learner has stepped to, as it is remembered: its pass and its node.
public struct RevealedStep: Hashable, Sendable {
    /// The pass the step belongs to.
    public let pass: Trace.Pass
    /// The node it computes, or whose gradient or update it computes.
    public let node: String

    /// The step of `pass` at `node`.
    public init(pass: Trace.Pass, node: String) {
        (self.pass, self.node) = (pass, node)
    }

    /// The step `step` of a trace.
    init(_ step: Trace.Step) {
        self.init(pass: step.pass, node: step.node)
    }
}
