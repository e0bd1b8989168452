/// One training iteration worked out in the order a person would do it by hand: every forward
/// value, every gradient by the chain rule, every parameter update, with the formulas behind them.
public struct Trace: Sendable {
    /// A forward step: `node = expression = value`.
    public struct Forward: Sendable {
        /// The node computed.
        public let node: String
        /// Its equation's right-hand side.
        public let expression: Expr
        /// Its value.
        public let value: Tensor
    }

    /// A backward step: ∂L/∂node as the sum of its chain-rule terms (none for the loss itself, whose
    /// gradient is 1).
    public struct Backward: Sendable {
        /// The node whose gradient is computed.
        public let node: String
        /// The chain-rule terms that add up to it.
        public let terms: [ChainTerm]
        /// ∂L/∂node.
        public let value: Tensor

        /// The chain-rule terms added up: `∂L/∂h · x`; none for the loss's own gradient.
        public var sum: Expr? {
            terms.first.map { first in terms.dropFirst().reduce(first.expression) { $0 + $1.expression } }
        }
    }

    /// An update step: `parameter ← parameter − η·∂L/∂parameter`.
    public struct Update: Sendable {
        /// The parameter updated.
        public let parameter: String
        /// `parameter − η·∂L/∂parameter`.
        public let expression: Expr
        /// Its new value.
        public let value: Tensor
    }

    /// The passes of an iteration: forward, backward, the mean over the rows of a data set
    /// (only when an iteration trains on several rows), update.
    public enum Pass: String, Sendable, CaseIterable {
        case forward, backward, mean, update
    }

    /// Any step of the trace.
    public enum Step: Sendable {
        case forward(Forward)
        case backward(Backward)
        case mean(Mean)
        case update(Update)

        /// The pass the step belongs to.
        public var pass: Pass {
            switch self {
            case .forward: .forward
            case .backward: .backward
            case .mean: .mean
            case .update: .update
            }
        }

        /// The node the step computes.
        public var node: String {
            switch self {
            case .forward(let step): step.node
            case .backward(let step): step.node
            case .mean(let step): step.node
            case .update(let step): step.parameter
            }
        }

        /// What the step computes: the node's value, its gradient, a mean over rows, or the
        /// parameter's new value.
        public var value: Tensor {
            switch self {
            case .forward(let step): step.value
            case .backward(let step): step.value
            case .mean(let step): step.value
            case .update(let step): step.value
            }
        }

        /// The mean, for a mean over rows.
        var mean: Mean? {
            if case .mean(let mean) = self { mean } else { nil }
        }

        /// The formula the step computes its value with, over the values and the gradients of
        /// the steps before it: `w*x + b`, `∂L/∂h · x`, `w − η·∂L/∂w`; none for the loss's own
        /// gradient, which is 1, nor for a mean over rows, whose terms belong to other rows.
        public var formula: Expr? {
            switch self {
            case .forward(let step): step.expression
            case .backward(let step): step.sum
            case .mean: nil
            case .update(let step): step.expression
            }
        }
    }

    /// The forward steps, in computing order.
    public let forward: [Forward]
    /// The backward steps, from the loss down.
    public let backward: [Backward]
    /// The updates, in the order the parameters were declared.
    public let updates: [Update]
    /// Every declared value's and node's value in this iteration (before the update), the
    /// learning rate's included, by name.
    public let values: [String: Tensor]
    /// ∂L/∂node for every node, by name.
    public let gradients: [String: Tensor]
    /// Each parameter's value after the update, by name.
    public let updated: [String: Tensor]
    /// For an iteration over rows of a data set: the rows, the one whose passes this trace
    /// holds, and their means, which the updates read; nil for a model without a data set.
    public internal(set) var batch: Batch?

    /// The values and gradients to substitute into this trace's formulas.
    public var bindings: Bindings { Bindings(values: values, gradients: gradients) }

    /// The values and gradients to substitute into `step`'s formula: an update over several
    /// rows reads the mean gradients.
    public func bindings(for step: Step) -> Bindings {
        guard let batch, step.pass == .update else { return bindings }
        return Bindings(values: values, gradients: gradients.merging(batch.gradients) { _, mean in mean })
    }

    /// All steps in order: forward, backward, the means over the rows, updates.
    public var steps: [Step] {
        forward.map(Step.forward) + backward.map(Step.backward) + (batch?.means ?? []).map(Step.mean) + updates.map(Step.update)
    }

    /// True when a value, a gradient, a mean or an update is infinite or not a number: training
    /// diverged.
    public var diverged: Bool {
        Trace.diverged([values, gradients, updated, batch?.values ?? [:], batch?.gradients ?? [:]])
    }

    /// True when a number of `numbers` is infinite or not a number.
    static func diverged(_ numbers: [[String: Tensor]]) -> Bool {
        !numbers.allSatisfy { $0.values.allSatisfy(\.isFinite) }
    }
}

extension Trace: IterationResults {
    /// The value of a declared value or node in this iteration (before the update); over the rows
    /// of a data set, the mean loss for the loss.
    public func value(of name: String) -> Tensor? { batch?.values[name] ?? values[name] }
    /// ∂L/∂`name` in this iteration; over the rows of a data set, a parameter's mean gradient.
    public func gradient(of name: String) -> Tensor? { batch?.gradients[name] ?? gradients[name] }
    /// `parameter` after this iteration's update.
    public func update(of parameter: String) -> Tensor? { updated[parameter] }
}

/// The numbers a formula is read with: values and gradients by name.
public struct Bindings: Sendable {
    /// Values by name.
    public var values: [String: Tensor]
    /// ∂L/∂name by name.
    public var gradients: [String: Tensor]

    /// Bindings of `values` and `gradients`.
    public init(values: [String: Tensor], gradients: [String: Tensor] = [:]) {
        self.values = values
        self.gradients = gradients
    }

    /// The value of `expression` with these numbers.
    public func evaluate(_ expression: Expr) throws -> Tensor {
        try Evaluator(values: values, gradients: gradients).evaluate(expression)
    }
}
