/// ∂output/∂input with numbers: for each entry of `output`, the gradient of that entry with
/// respect to `input` (a tensor of `input`'s shape).
public struct Jacobian: Sendable {
    /// The node differentiated.
    public let output: String
    /// The node it is differentiated by.
    public let input: String
    /// `rows[i]` = ∂output[i]/∂input, one per entry of `output`, each shaped like `input`.
    public let rows: [Tensor]

    /// The Jacobian as a matrix when `input` is a scalar or vector: row i holds ∂output[i]/∂input[j].
    public var matrix: Tensor {
        Tensor(rows: rows.map(\.scalars))
    }
}

extension Model {
    /// ∂output/∂input at `values` (the starting values when nil), found by one backward pass per
    /// entry of `output`, seeded with that entry's unit vector.
    public func jacobian(of output: String, by input: String, at values: [String: Tensor]? = nil) throws -> Jacobian {
        let nodes = self.nodes
        guard nodes.contains(output), nodes.contains(input), let outputShape = shapes[output] else {
            throw JacobianError("no node is called '\(nodes.contains(output) ? input : output)'")
        }
        let evaluator = Evaluator(values: try forwardPass(from: values ?? startingValues).values)
        var rows: [Tensor] = []
        for entry in 0..<outputShape.count {
            var unit = [Double](repeating: 0, count: outputShape.count)
            unit[entry] = 1
            let pass = try backward(from: output, seed: Tensor(shape: outputShape, scalars: unit), evaluator: evaluator)
            rows.append(pass.gradients[input] ?? Tensor(repeating: 0, shape: shapes[input] ?? .scalar))
        }
        return Jacobian(output: output, input: input, rows: rows)
    }
}

/// A Jacobian asked of a name that is no node of the network.
public struct JacobianError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
