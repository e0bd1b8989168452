import BackpropEngine
import Lessons

/// Everything the engine computes for the lesson on screen: the training traces behind the
/// iteration table (the learner steps through any of them) and the Jacobians the lesson's
/// slides show. Worked out in `update`, so `render` only formats.
public struct Computation: Sendable {
    /// The lesson's model with the learner's values.
    public let model: Model?
    /// One trace per iteration, from the starting values; fewer than asked when training
    /// diverged. Over a data set, each iteration's trace of the first row of its batch.
    public let traces: [Trace]
    /// Each iteration's traces, one per row of its batch (one trace, without a data set).
    public let batches: [[Trace]]
    /// ∂output/∂input for each Jacobian a slide of the lesson shows, keyed "output/input".
    public let jacobians: [String: Jacobian]
    /// The loss over the window of each landscape a slide of the lesson shows.
    public let landscapes: [Slide.LandscapeRequest: LossMap]
    /// Each node the lesson shows for the rows of the data set, its value in each row, after
    /// the last iteration's update.
    public let rowValues: [String: [Tensor]]
    /// Each decision map the lesson shows, over its window, after the last iteration's update.
    public let decisions: [Slide.DecisionRequest: NodeMap]
    /// What went wrong, when the engine could not compute.
    public let failure: String?
    /// The nodes whose gradient training uses: the parameters and the computed nodes.
    private let trained: Set<String>

    /// Runs `iterations` training iterations of `model` and the Jacobians `lesson` asks for.
    public init(lesson: Lesson, model: Model?, iterations: Int) {
        self.model = model
        landscapes = model.map { Computation.landscapes(of: lesson, model: $0) } ?? [:]
        guard let model else {
            (traces, batches, jacobians, rowValues, decisions, failure, trained) = ([], [], [:], [:], [:], nil, [])
            return
        }
        do {
            let batches = try model.train(batches: iterations)
            var jacobians: [String: Jacobian] = [:]
            // Where slides carry models of their own, each slide's Jacobians belong to its model.
            let slides = lesson.slides.indices.filter { lesson.slides.allSatisfy { $0.model == nil } || lesson.model(at: $0)?.nodes == model.nodes }
            for request in slides.flatMap({ lesson.slides[$0].jacobians }) {
                jacobians[Computation.key(request)] = try model.jacobian(of: request.output, by: request.input)
            }
            (self.batches, traces, self.jacobians, failure) = (batches, batches.compactMap(\.first), jacobians, nil)
            trained = Set(model.parameters + model.equations.map(\.name))
            let newest = model.startingValues.merging(traces.last?.updated ?? [:]) { _, new in new }
            rowValues = Computation.rowValues(of: lesson, model: model, at: newest)
            decisions = Computation.decisions(of: lesson, model: model, at: newest)
        } catch {
            (traces, batches, jacobians, rowValues, decisions) = ([], [], [:], [:], [:])
            (failure, trained) = ("the engine could not compute this model: \(error)", [])
        }
    }

    /// The trace of iteration `iteration` (0-based) for the row at `row` in its batch (counted
    /// round), if the engine computed it.
    public func trace(iteration: Int, row: Int) -> Trace? {
        guard batches.indices.contains(iteration), !batches[iteration].isEmpty else { return nil }
        let batch = batches[iteration]
        return batch[row % batch.count]
    }

    /// Each iteration's trace for the row at `row` in its batch (counted round).
    public func traces(row: Int) -> [Trace] {
        batches.map { $0[row % $0.count] }
    }

    /// Samples of a landscape across and up: enough for a map at 160 columns.
    static let landscapeSamples = (columns: 120, rows: 48)

    /// The loss maps of the landscapes `lesson` shows, each over its window (3 either side of
    /// the starting values unless the lesson gives one).
    private static func landscapes(of lesson: Lesson, model: Model) -> [Slide.LandscapeRequest: LossMap] {
        var maps: [Slide.LandscapeRequest: LossMap] = [:]
        for request in lesson.slides.flatMap(\.landscapes) where [request.x, request.y].allSatisfy(model.parameters.contains) {
            let around = { (name: String) in (model.startingValues[name]?.scalar).map { ($0 - 3)...($0 + 3) } ?? -3...3 }
            maps[request] = model.lossMap(
                x: request.x, y: request.y, xs: request.xWindow ?? around(request.x), ys: request.yWindow ?? around(request.y),
                columns: landscapeSamples.columns, rows: landscapeSamples.rows
            )
        }
        return maps
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
    public var diverged: Bool { traces.last?.diverged ?? false }

    /// The key of a Jacobian request in `jacobians`.
    static func key(_ request: Slide.JacobianRequest) -> String { "\(request.output)/\(request.input)" }
}
