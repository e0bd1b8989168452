import BackpropEngine

/// What of an iteration the learner has seen: every value, and the gradients and updates of
/// the steps stepped so far in the lesson, and the node of the step just taken.
struct Reveal {
    /// A step, as it is remembered once revealed: its pass and its node.
    typealias Key = RevealedStep

    /// Nodes whose gradient is shown.
    var gradients = Set<String>()
    /// Parameters whose updated value is shown.
    var updates = Set<String>()
    /// The node of the step just taken, highlighted.
    var current: String?

    /// The steps remembered as `revealed`; `current` is the node to highlight.
    init(_ revealed: Set<Key>, current: String?) {
        for key in revealed {
            switch key.pass {
            case .forward, .mean: break
            case .backward: gradients.insert(key.node)
            case .update: updates.insert(key.node)
            }
        }
        self.current = current
    }
}
