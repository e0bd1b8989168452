/// The central difference of one entry of a node: the loss with that entry nudged up and down
/// by ε, everything the node is computed from held, and the slope between them.
public struct CentralDifference: Sendable, Equatable {
    /// The node.
    public let node: String
    /// The entry's 0-based position in the node, row by row.
    public let entry: Int
    /// The nudge ε.
    public let epsilon: Double
    /// L with the entry at its value + ε.
    public let lossAbove: Double
    /// L with the entry at its value − ε.
    public let lossBelow: Double

    /// (L(node[entry] + ε) − L(node[entry] − ε)) / 2ε.
    public var estimate: Double { (lossAbove - lossBelow) / (2 * epsilon) }

    /// |a − b| / max(1, |a|, |b|): how far a gradient `backprop` is from the estimate.
    public func relativeDifference(from backprop: Double) -> Double {
        abs(backprop - estimate) / max(1, abs(backprop), abs(estimate))
    }
}

/// One entry of a gradient checked against a central difference.
public struct GradientCheck: Sendable {
    /// ∂L/∂node[entry] by backpropagation.
    public let backprop: Double
    /// The central difference of the same entry.
    public let difference: CentralDifference

    /// The node.
    public var node: String { difference.node }
    /// The entry's 0-based position in the node, row by row.
    public var entry: Int { difference.entry }
    /// (L(node[entry] + ε) − L(node[entry] − ε)) / 2ε.
    public var centralDifference: Double { difference.estimate }
    /// |backprop − centralDifference| / max(1, |backprop|, |centralDifference|).
    public var error: Double { difference.relativeDifference(from: backprop) }
}

extension Model {
    /// Every entry of every declared value's gradient, by backpropagation and by the central
    /// difference with step `epsilon`, at `values` (the starting values when nil).
    public func gradientCheck(at values: [String: Tensor]? = nil, epsilon: Double = 1e-6) throws -> [GradientCheck] {
        let trace = try trace(from: values ?? startingValues)
        let differences = try centralDifferences(of: trace, nodes: variables.map(\.name), epsilon: epsilon)
        return variables.flatMap { variable in
            (differences[variable.name] ?? []).compactMap { difference in
                trace.gradients[variable.name].map { GradientCheck(backprop: $0.scalars[difference.entry], difference: difference) }
            }
        }
    }

    /// The central differences of every entry of `nodes` (all that `trace` has a gradient for
    /// when nil) at `trace`'s values: a declared value is nudged as it is; a computed node is
    /// nudged with its inputs held, the equations after it worked out again.
    public func centralDifferences(
        of trace: some IterationResults, nodes: [String]? = nil, epsilon: Double = 1e-6
    ) throws -> [String: [CentralDifference]] {
        var differences: [String: [CentralDifference]] = [:]
        for node in nodes ?? self.nodes where trace.gradients[node] != nil && trace.values[node] != nil {
            differences[node] = try centralDifferences(of: node, in: trace.values, epsilon: epsilon) { try lossValue(at: $0, holding: node) }
        }
        return differences
    }

    /// The central differences of every entry of `node`'s value in `values`: `loss` worked out
    /// with the entry nudged up and down by `epsilon`, everything else as `values` give it.
    func centralDifferences(
        of node: String, in values: [String: Tensor], epsilon: Double, loss: ([String: Tensor]) throws -> Double
    ) throws -> [CentralDifference] {
        guard let value = values[node] else { return [] }
        return try value.scalars.indices.map { entry in
            func nudged(by delta: Double) throws -> Double {
                var scalars = value.scalars
                scalars[entry] += delta
                var nudged = values
                nudged[node] = Tensor(shape: value.shape, scalars: scalars)
                return try loss(nudged)
            }
            return CentralDifference(node: node, entry: entry, epsilon: epsilon, lossAbove: try nudged(by: epsilon), lossBelow: try nudged(by: -epsilon))
        }
    }

    /// The loss at `values`, by a forward pass only; with `held`, that node keeps the value
    /// `values` give it.
    public func lossValue(at values: [String: Tensor], holding held: String? = nil) throws -> Double {
        let buffer = try program.forward(at: values, holding: held)
        return program.layout.value(loss).map { buffer[$0.start] } ?? .nan
    }
}
