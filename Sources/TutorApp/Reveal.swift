import BackpropEngine

/// How much of an iteration the learner has seen: the nodes whose value, gradient and update are
/// on screen, and the node of the step just taken.
struct Reveal {
    /// Nodes whose value is shown.
    var values: Set<String>
    /// Nodes whose gradient is shown.
    var gradients = Set<String>()
    /// Parameters whose updated value is shown.
    var updates = Set<String>()
    /// The node of the step just taken, highlighted.
    var current: String?

    /// The model's declared values, then the first `count` of `steps`; the last of them is
    /// `current` when `highlighting`.
    init(model: Model, steps: [Trace.Step], count: Int, highlighting: Bool) {
        values = Set(model.variables.map(\.name))
        let shown = steps.prefix(count)
        for step in shown {
            switch step {
            case .forward(let forward): values.insert(forward.node)
            case .backward(let backward): gradients.insert(backward.node)
            case .update(let update): updates.insert(update.parameter)
            }
        }
        current = highlighting ? shown.last?.node : nil
    }
}
