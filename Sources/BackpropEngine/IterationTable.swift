/// The columns of the deck's iteration table, for any model: each computed node's value, the
/// gradient of each node between the loss and the parameters (but for a softmax taken together
/// with its cross-entropy, which needs none), each parameter's gradient, and each parameter after
/// its update. For the first example: h, L, ∂L/∂h, ∂L/∂w, ∂L/∂b, w, b.
public struct IterationTable: Sendable {
    /// One column.
    public enum Column: Sendable, Equatable {
        /// A node's value in the iteration.
        case value(String)
        /// ∂L/∂node in the iteration.
        case gradient(String)
        /// A parameter after the iteration's update.
        case updated(String)

        /// The heading, e.g. `h`, `∂L/∂h`, `w`.
        public func heading(_ notation: Notation) -> String {
            switch self {
            case .value(let node), .updated(let node): notation.name(node)
            case .gradient(let node): notation.gradient(node)
            }
        }

        /// The column's number in `trace`.
        public func value(in trace: Trace) -> Tensor? {
            switch self {
            case .value(let node): trace.values[node]
            case .gradient(let node): trace.gradients[node]
            case .updated(let node): trace.updated[node]
            }
        }
    }

    /// The columns, in the deck's order.
    public let columns: [Column]

    /// The table of `model`.
    public init(model: Model) {
        let computed = model.equations.map(\.name)
        columns = computed.map(Column.value)
            + computed.filter { $0 != model.loss && model.plan.order.contains($0) }.map(Column.gradient)
            + model.parameters.map(Column.gradient)
            + model.parameters.map(Column.updated)
    }
}
