import BackpropEngine
import Lessons
import Synchronization

/// Everything the engine computes for the lesson on screen: the numbers of the training behind
/// the iteration table (the learner steps through any of its iterations, whose trace is built
/// when shown) and the Jacobians the lesson's slides show. Worked out in `update`, so `render`
/// only formats.
public struct Computation: Sendable {
    /// The lesson's model with the learner's values.
    public let model: Model?
    /// The numbers of the model the learner can tweak.
    public let entries: [ValueEntry]
    /// Each iteration's numbers, from the starting values, over the rows of its batch; fewer
    /// than asked when training diverged.
    public private(set) var iterations: [BatchNumbers]
    /// ∂output/∂input for each Jacobian a slide of the lesson shows, keyed "output/input".
    public private(set) var jacobians: [String: Jacobian]
    /// The loss over the window of each landscape a slide of the lesson shows.
    public private(set) var landscapes: [Slide.LandscapeRequest: LossMap] = [:]
    /// Each node the lesson shows for the rows of the data set, its value in each row, after
    /// the last iteration's update.
    public private(set) var rowValues: [String: [Tensor]]
    /// Each decision map of the slides asked for (see `withMaps(of:)`), over its window, after
    /// the last iteration's update.
    public internal(set) var decisions: [Slide.DecisionRequest: NodeMap] = [:]
    /// The nodes of the lesson's rows items: what it shows of the rows after the last update.
    private let shownRows: [String]
    /// What went wrong, when the engine could not compute.
    public private(set) var failure: String?
    /// The nodes whose gradient training uses: the parameters and the computed nodes.
    private var trained: Set<String>
    /// The training behind `iterations`, to go on from; nil when there is nothing to train.
    private var training: Training?
    /// The trace last asked for: the iteration on screen, asked for again at every key.
    private let shownTrace = ShownTrace()
    /// The lines of the steps shown, compiled for the model's formulas: kept from one key to the
    /// next, and from one change of values to the next.
    let writtenSteps: WrittenSteps

    /// Runs `iterations` training iterations of `model` and the Jacobians `lesson` asks for (but
    /// those of nodes an edit of the model took away); the steps' lines compiled for `previous`
    /// are kept when `model` is its model with other values.
    public init(lesson: Lesson, model: Model?, iterations: Int, after previous: Computation? = nil) {
        self.model = model
        let sameFormulas = model.flatMap { model in previous?.model.map(model.sharesFormulas) } ?? false
        writtenSteps = sameFormulas ? previous?.writtenSteps ?? WrittenSteps() : WrittenSteps()
        entries = model.map(ValueEntry.entries) ?? []
        shownRows = lesson.slides.flatMap(\.rowNodes)
        guard let model else {
            (self.iterations, jacobians, rowValues, failure, trained, training) = ([], [:], [:], nil, [], nil)
            return
        }
        var training = Training(model: model)
        do {
            let numbers = try training.batchNumbers(iterations)
            var jacobians: [String: Jacobian] = [:]
            for request in lesson.slides.flatMap(\.jacobians) where model.missing(request).isEmpty {
                jacobians[Computation.key(request)] = try model.jacobian(of: request.output, by: request.input)
            }
            (self.iterations, self.jacobians, failure, self.training) = (numbers, jacobians, nil, training)
            trained = Set(model.parameters + model.equations.map(\.name))
            rowValues = Computation.rowValues(shownRows, of: model, after: numbers.last)
        } catch {
            (self.iterations, jacobians, rowValues, failure, trained, self.training) = ([], [:], [:], Computation.failure(error), [], nil)
        }
    }

    /// The trace of iteration `iteration` (0-based) for the row at `row` in its batch (counted
    /// round), if the engine computed it: built from its numbers, and kept while it is the one
    /// asked for.
    public func trace(iteration: Int, row: Int) -> Trace? {
        guard let (iteration, row) = place(iteration: iteration, row: row) else { return nil }
        return shownTrace.trace(iteration: iteration, row: row) { builtTrace(iteration: iteration, row: row) }
    }

    /// The trace of iteration `iteration` for the row at `row` in its batch (counted round), built
    /// anew: for looking through iterations other than the one on screen.
    func builtTrace(iteration: Int, row: Int) -> Trace? {
        guard let model, let (iteration, row) = place(iteration: iteration, row: row) else { return nil }
        return model.trace(of: iterations[iteration], row: row)
    }

    /// The numbers of iteration `iteration`'s row `row` (counted round): its forward and backward
    /// passes, what the formulas of its trace read.
    func rowNumbers(iteration: Int, row: Int) -> IterationNumbers? {
        place(iteration: iteration, row: row).map { iterations[$0.iteration].row($0.row) }
    }

    /// Each iteration's numbers for the row at `row` in its batch (counted round).
    func rowNumbers(row: Int) -> [IterationNumbers] {
        iterations.indices.compactMap { rowNumbers(iteration: $0, row: row) }
    }

    /// Where iteration `iteration`'s row `row`, counted round its batch, is kept, if computed.
    private func place(iteration: Int, row: Int) -> (iteration: Int, row: Int)? {
        guard iterations.indices.contains(iteration), iterations[iteration].rowCount > 0 else { return nil }
        return (iteration, row % iterations[iteration].rowCount)
    }

    /// Samples of a landscape across and up: enough for a map at 160 columns.
    static let landscapeSamples = (columns: 120, rows: 48)

    /// The same computation with the maps `slide` shows: the loss map of every landscape, over
    /// its window (3 either side of the starting values unless the lesson gives one), and each
    /// decision map after the last iteration's update: worked out when a slide first needs them,
    /// not for every slide at every change of a value.
    public func withMaps(of slide: Slide) -> Computation {
        withLandscapes(of: slide).withDecisions(of: slide)
    }

    /// The same computation with the loss map of every landscape `slide` shows.
    private func withLandscapes(of slide: Slide) -> Computation {
        guard let model, slide.landscapes.contains(where: { landscapes[$0] == nil }) else { return self }
        var computed = self
        for request in slide.landscapes where landscapes[request] == nil && [request.x, request.y].allSatisfy(model.parameters.contains) {
            let around = { (name: String) in (model.startingValues[name]?.scalar).map { ($0 - 3)...($0 + 3) } ?? -3...3 }
            computed.landscapes[request] = model.lossMap(
                x: request.x, y: request.y, xs: request.xWindow ?? around(request.x), ys: request.yWindow ?? around(request.y),
                columns: Computation.landscapeSamples.columns, rows: Computation.landscapeSamples.rows
            )
        }
        return computed
    }

    /// The same computation with the table trained on to `iterations` iterations: only the
    /// iterations past the last one are computed, and the Jacobians are kept.
    public func extended(to iterations: Int) -> Computation {
        guard var training, iterations > self.iterations.count else { return self }
        var extended = self
        do {
            extended.iterations += try training.batchNumbers(iterations - self.iterations.count)
            extended.training = training
            if let model { extended.rowValues = Computation.rowValues(shownRows, of: model, after: extended.iterations.last) }
            extended.decisions = [:]
        } catch {
            (extended.iterations, extended.jacobians, extended.failure, extended.trained, extended.training) = ([], [:], Computation.failure(error), [], nil)
            (extended.rowValues, extended.decisions) = ([:], [:])
        }
        return extended
    }

    /// What the tutor says when the engine could not compute the model.
    private static func failure(_ error: any Error) -> String {
        "the engine could not compute this model: \(error)"
    }

    /// The steps of `trace` the learner steps through: all but the gradients of inputs and
    /// targets, which training does not use.
    public func steps(of trace: Trace) -> [Trace.Step] {
        trace.steps.filter { step in
            if case .backward(let backward) = step { return trained.contains(backward.node) }
            return true
        }
    }

    /// True when training diverged within the table's iterations.
    public var diverged: Bool { iterations.last?.diverged ?? false }

    /// The key of a Jacobian request in `jacobians`.
    static func key(_ request: Slide.JacobianRequest) -> String { "\(request.output)/\(request.input)" }
}

/// The lines of the steps a computation shows, compiled for its model's formulas: a box shared by
/// the copies of a computation, and by the computations of the same model with other values.
final class WrittenSteps: Sendable {
    private let templates = Mutex(StepTemplates())

    /// None compiled yet.
    init() {}

    /// The text of `step` with numbers from `bindings`, as `writer` writes it.
    func text(for step: Trace.Step, _ bindings: Bindings, by writer: FormulaWriter) -> StepText {
        templates.withLock { writer.text(for: step, bindings, templates: &$0) }
    }
}

/// The last trace a computation built for the screen, kept for the next key: a box shared by
/// the copies of a computation, whose numbers never change at an iteration once computed.
private final class ShownTrace: Sendable {
    private let kept = Mutex<(iteration: Int, row: Int, trace: Trace)?>(nil)

    /// The trace of `iteration`'s `row`: the one kept, or `build`'s, kept from now on.
    func trace(iteration: Int, row: Int, build: () -> Trace?) -> Trace? {
        if let kept = kept.withLock({ $0 }), kept.iteration == iteration, kept.row == row { return kept.trace }
        guard let trace = build() else { return nil }
        kept.withLock { $0 = (iteration, row, trace) }
        return trace
    }
}
