/// One entry of a gradient checked against a central difference.
public struct GradientCheck: Sendable {
    /// The node.
    public let node: String
    /// The entry's 0-based position in the node, row by row.
    public let entry: Int
    /// ∂L/∂node[entry] by backpropagation.
    public let backprop: Double
    /// (L(node[entry] + ε) − L(node[entry] − ε)) / 2ε.
    public let centralDifference: Double

    /// |backprop − centralDifference| / max(1, |backprop|, |centralDifference|).
    public var error: Double {
        abs(backprop - centralDifference) / max(1, abs(backprop), abs(centralDifference))
    }
}

extension Model {
    /// Every entry of every declared value's gradient, by backpropagation and by the central
    /// difference with step `epsilon`, at `values` (the starting values when nil).
    public func gradientCheck(at values: [String: Tensor]? = nil, epsilon: Double = 1e-6) throws -> [GradientCheck] {
        let start = values ?? startingValues
        let gradients = try trace(from: start).gradients
        var checks: [GradientCheck] = []
        for variable in variables {
            guard let value = start[variable.name], let gradient = gradients[variable.name] else { continue }
            for entry in value.scalars.indices {
                func loss(nudgedBy delta: Double) throws -> Double {
                    var scalars = value.scalars
                    scalars[entry] += delta
                    var nudged = start
                    nudged[variable.name] = Tensor(shape: value.shape, scalars: scalars)
                    return try lossValue(at: nudged)
                }
                let difference = (try loss(nudgedBy: epsilon) - loss(nudgedBy: -epsilon)) / (2 * epsilon)
                checks.append(GradientCheck(node: variable.name, entry: entry, backprop: gradient.scalars[entry], centralDifference: difference))
            }
        }
        return checks
    }

    /// The loss at `values`, by a forward pass only.
    public func lossValue(at values: [String: Tensor]) throws -> Double {
        try forwardPass(from: values).values[loss]?.scalar ?? .nan
    }
}
