/// The columns of the deck's iteration table, for any model: each computed node's value, the
/// gradient of each node between the loss and the parameters (but for a softmax taken together
/// with its cross-entropy, which needs none), each parameter's gradient, and each parameter after
/// its update. For the first example: h, L, ∂L/∂h, ∂L/∂w, ∂L/∂b, w, b. Over a data set: the mean
/// loss, each parameter's mean gradient, and each parameter after its update.
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

        /// The column's number in `iteration`: a trace, or the numbers alone; over the rows of a
        /// data set, the mean loss and the mean gradients.
        public func value(in iteration: some IterationResults) -> Tensor? {
            switch self {
            case .value(let node): iteration.value(of: node)
            case .gradient(let node): iteration.gradient(of: node)
            case .updated(let node): iteration.update(of: node)
            }
        }

        /// How a lesson names the column when `loss` is the loss: `h`, `dL/dh`, `w` (a parameter's
        /// column holds it after the update).
        public func name(loss: String) -> String {
            switch self {
            case .value(let node), .updated(let node): node
            case .gradient(let node): "d\(loss)/d\(node)"
            }
        }
    }

    /// The columns, in the deck's order.
    public let columns: [Column]
    /// The columns a table keeps in view when its lesson names none: the loss, and the parameters
    /// after their update.
    public let headline: [Column]
    /// The loss, which gradient columns are named after.
    private let loss: String

    /// The table of `model`; over a data set, whose rows each have their own values, the mean
    /// loss, the mean gradients and the parameters.
    public init(model: Model) {
        let computed = model.data == nil ? model.equations.map(\.name) : [model.loss]
        columns = computed.map(Column.value)
            + computed.filter { $0 != model.loss && model.plan.order.contains($0) }.map(Column.gradient)
            + model.parameters.map(Column.gradient)
            + model.parameters.map(Column.updated)
        headline = [.value(model.loss)] + model.parameters.map(Column.updated)
        loss = model.loss
    }

    /// How a lesson names each column, in table order: `h`, `L`, `dL/dh`, ..., `w`, `b`.
    public var names: [String] { columns.map { $0.name(loss: loss) } }

    /// The column a lesson names `name`: a computed node (`h`), a gradient (`dL/dh`, also written
    /// `∂L/∂h`) or a parameter after its update (`w`); nil when the table has no such column.
    public func column(named name: String) -> Column? {
        let spelt = String(name.map { $0 == "∂" ? "d" : $0 })
        return columns.first { $0.name(loss: loss) == spelt }
    }
}
