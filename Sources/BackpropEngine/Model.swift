/// A network written in the equation language: its named inputs, targets and parameters with
/// starting values, the learning rate η, the equations in the order they are computed, and the loss.
///
///     input x = 1
///     target y = 3
///     param w = 0.1
///     param b = 1
///     rate eta = 0.2
///     h = w*x + b
///     loss L = 0.5*(y - h)^2
public struct Model: Sendable {
    /// What a declared value is for.
    public enum Role: String, Sendable {
        /// A feature fed to the network.
        case input
        /// What the network should produce.
        case target
        /// A weight or bias that training changes.
        case parameter = "param"
        /// The learning rate η the update reads; it is not part of the network.
        case rate
    }

    /// A declared value with its starting value.
    public struct Variable: Sendable {
        /// Its name.
        public let name: String
        /// What it is for.
        public let role: Role
        /// Its starting value.
        public var value: Tensor
    }

    /// A computed node: `name = expression`.
    public struct Equation: Sendable {
        /// The node it defines.
        public let name: String
        /// How the node is computed.
        public let expression: Expr
        /// Where it was written.
        public let location: SourceLocation
    }

    /// The declared values (the learning rate among them), in the order written.
    public internal(set) var variables: [Variable]
    /// The equations, in the order they are computed.
    public let equations: [Equation]
    /// The name of the learning rate, the one declared value with the role `rate`.
    public let rate: String
    /// The name of the loss node.
    public let loss: String
    /// The shape of every declared value and computed node.
    public let shapes: [String: Shape]
    /// How each node's gradient is computed, derived once from the equations.
    let plan: BackwardPlan
    /// The equations, the gradients and the updates compiled for their numbers.
    let program: Program
    /// The data set the model trains on, if it has one: its rows give the inputs and targets.
    public internal(set) var data: DataSet?

    /// The nodes in the order the backward pass reaches them: from the loss down, then the
    /// parameters, inputs and targets.
    public var backwardOrder: [String] { plan.order }

    /// Every node of the network, in computing order: the declared values but the learning
    /// rate, then the equations.
    public var nodes: [String] { variables.filter { $0.role != .rate }.map(\.name) + equations.map(\.name) }

    /// The learning rate η: the starting value of `rate`.
    public var learningRate: Double { variable(rate)?.value.scalar ?? .nan }

    /// The parameters training changes, in the order declared.
    public var parameters: [String] { variables.filter { $0.role == .parameter }.map(\.name) }

    /// The starting values, by name.
    public var startingValues: [String: Tensor] {
        Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0.value) })
    }

    /// The declared value called `name`, if there is one.
    public func variable(_ name: String) -> Variable? { variables.first { $0.name == name } }

    /// A model with `name`'s starting value replaced; the new value must have the old one's shape.
    public func setting(_ name: String, to value: Tensor) throws(SettingError) -> Model {
        guard let index = variables.firstIndex(where: { $0.name == name }) else {
            throw SettingError("no starting value is called \(name.quoted) (known: \(variables.map(\.name).joined(separator: ", ")))")
        }
        guard value.shape == variables[index].value.shape else {
            throw SettingError("'\(name)' is a \(variables[index].value.shape); \(value.shape) given")
        }
        var copy = self
        copy.variables[index].value = value
        return copy
    }
}

/// A starting value that cannot be set: an unknown name or a value of the wrong shape.
public struct SettingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Model {
    /// True when `other` is this model with other values: the same equations, compiled once, so
    /// that what is worked out from the formulas alone holds for both.
    public func sharesFormulas(with other: Model) -> Bool {
        program === other.program
    }
}
