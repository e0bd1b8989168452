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
    public private(set) var traces: [Trace]
    /// Each iteration's traces, one per row of its batch (one trace, without a data set).
    public private(set) var batches: [[Trace]]
    /// ∂output/∂input for each Jacobian a slide of the lesson shows, keyed "output/input".
    public private(set) var jacobians: [String: Jacobian]
    /// The loss over the window of each landscape a slide of the lesson shows.
    public private(set) var landscapes: [Slide.LandscapeRequest: LossMap] = [:]
    /// Each node the lesson shows for the rows of the data set, its value in each row, after
    /// the last iteration's update.
    public private(set) var rowValues: [String: [Tensor]]
    /// Each decision map the lesson shows, over its window, after the last iteration's update.
    public private(set) var decisions: [Slide.DecisionRequest: NodeMap]
    /// What the lesson shows of the network after the last update: the nodes of its rows items
    /// and its decision maps.
    private let shown: (rows: [String], decisions: [Slide.DecisionRequest])
    /// What went wrong, when the engine could not compute.
    public private(set) var failure: String?
    /// The nodes whose gradient training uses: the parameters and the computed nodes.
    private var trained: Set<String>
    /// The training behind `traces`, to go on from; nil when there is nothing to train.
    private var training: Training?

    /// Runs `iterations` training iterations of `model` and the Jacobians `lesson` asks for (but
    /// those of nodes an edit of the model took away).
    public init(lesson: Lesson, model: Model?, iterations: Int) {
        self.model = model
        shown = (lesson.slides.flatMap(\.rowNodes), lesson.slides.flatMap(\.decisions))
        guard let model else {
            (traces, batches, jacobians, rowValues, decisions, failure, trained, training) = ([], [], [:], [:], [:], nil, [], nil)
            return
        }
        var training = Training(model: model)
        do {
            let batches = try training.trainBatches(iterations)
            var jacobians: [String: Jacobian] = [:]
            for request in lesson.slides.flatMap(\.jacobians) where model.missing(request).isEmpty {
                jacobians[Computation.key(request)] = try model.jacobian(of: request.output, by: request.input)
            }
            (self.batches, traces, self.jacobians, failure, self.training) = (batches, batches.compactMap(\.first), jacobians, nil, training)
            trained = Set(model.parameters + model.equations.map(\.name))
            (rowValues, decisions) = Computation.network(shown, of: model, after: traces.last)
        } catch {
            (traces, batches, jacobians, rowValues, decisions, failure, trained, self.training) = ([], [], [:], [:], [:], Computation.failure(error), [], nil)
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

    /// The same computation with the loss map of every landscape `slide` shows, over its window
    /// (3 either side of the starting values unless the lesson gives one): worked out when a
    /// slide first needs it, not for every slide at every change of a value.
    public func withLandscapes(of slide: Slide) -> Computation {
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
        guard var training, iterations > traces.count else { return self }
        var extended = self
        do {
            let batches = try training.trainBatches(iterations - traces.count)
            extended.batches += batches
            extended.traces += batches.compactMap(\.first)
            extended.training = training
            if let model { (extended.rowValues, extended.decisions) = Computation.network(shown, of: model, after: extended.traces.last) }
        } catch {
            (extended.traces, extended.batches, extended.jacobians, extended.failure, extended.trained, extended.training) = ([], [], [:], Computation.failure(error), [], nil)
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
    public var diverged: Bool { traces.last?.diverged ?? false }

    /// The key of a Jacobian request in `jacobians`.
    static func key(_ request: Slide.JacobianRequest) -> String { "\(request.output)/\(request.input)" }
}
