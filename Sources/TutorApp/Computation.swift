import BackpropEngine
import Lessons

/// Everything the engine computes for the lesson on screen: the training traces behind the
/// iteration table (the learner steps through any of them) and the Jacobians the lesson's
/// slides show. Worked out in `update`, so `render` only formats.
public struct Computation: Sendable {
    /// The lesson's model with the learner's values.
    public let model: Model?
    /// One trace per iteration, from the starting values; fewer than asked when training diverged.
    public private(set) var traces: [Trace]
    /// ∂output/∂input for each Jacobian a slide of the lesson shows, keyed "output/input".
    public private(set) var jacobians: [String: Jacobian]
    /// The loss over the window of each landscape a slide of the lesson shows.
    public let landscapes: [Slide.LandscapeRequest: LossMap]
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
        landscapes = model.map { Computation.landscapes(of: lesson, model: $0) } ?? [:]
        guard let model else {
            (traces, jacobians, failure, trained, training) = ([], [:], nil, [], nil)
            return
        }
        var training = Training(model: model)
        do {
            let traces = try training.train(iterations)
            var jacobians: [String: Jacobian] = [:]
            for request in lesson.slides.flatMap(\.jacobians) where model.missing(request).isEmpty {
                jacobians[Computation.key(request)] = try model.jacobian(of: request.output, by: request.input)
            }
            (self.traces, self.jacobians, failure, self.training) = (traces, jacobians, nil, training)
            trained = Set(model.parameters + model.equations.map(\.name))
        } catch {
            (traces, jacobians, failure, trained, self.training) = ([], [:], Computation.failure(error), [], nil)
        }
    }

    /// Samples of a landscape across and up: enough for a map at 160 columns.
    static let landscapeSamples = (columns: 120, rows: 48)

    /// The loss maps of the landscapes `lesson` shows, each over its window (3 either side of
    /// the starting values unless the lesson gives one).
    private static func landscapes(of lesson: Lesson, model: Model) -> [Slide.LandscapeRequest: LossMap] {
        var maps: [Slide.LandscapeRequest: LossMap] = [:]
        for request in lesson.slides.flatMap(\.landscapes) {
            let around = { (name: String) in (model.startingValues[name]?.scalar).map { ($0 - 3)...($0 + 3) } ?? -3...3 }
            maps[request] = model.lossMap(
                x: request.x, y: request.y, xs: request.xWindow ?? around(request.x), ys: request.yWindow ?? around(request.y),
                columns: landscapeSamples.columns, rows: landscapeSamples.rows
            )
        }
        return maps
    }

    /// The same computation with the table trained on to `iterations` iterations: only the
    /// iterations past the last one are computed, and the Jacobians are kept.
    public func extended(to iterations: Int) -> Computation {
        guard var training, iterations > traces.count else { return self }
        var extended = self
        do {
            extended.traces += try training.train(iterations - traces.count)
            extended.training = training
        } catch {
            (extended.traces, extended.jacobians, extended.failure, extended.trained, extended.training) = ([], [:], Computation.failure(error), [], nil)
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
