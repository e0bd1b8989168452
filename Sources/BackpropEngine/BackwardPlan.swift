/// One use of a node in the chain rule: the gradient the node receives through the equation of
/// `via`, i.e. ∂L/∂via · ∂via/∂node, written out as an expression.
public struct ChainTerm: Sendable {
    /// The equation through which the gradient flows.
    public let via: String
    /// ∂L/∂via · ∂via/∂node with the local derivative worked out, e.g. `∂L/∂h · x`.
    public let expression: Expr
}

/// How the gradient of every node is computed, worked out once from the equations: the order in
/// which a person would go backwards, and for each node the chain-rule terms that sum to it.
struct BackwardPlan: Sendable {
    /// Nodes in backward order: the equations from the loss down, then parameters, inputs, targets.
    let order: [String]
    /// The terms of each node's gradient.
    let terms: [String: [ChainTerm]]

    init(variables: [Model.Variable], equations: [Model.Equation], loss: String, shapes: [String: Shape]) throws(EquationError) {
        let derivative = Derivative(shapes: shapes)
        let simplifier = Simplifier(loss: loss)
        var terms: [String: [ChainTerm]] = [:]
        for equation in equations {
            var byName: [(String, Expr)] = []
            for (name, expression) in try derivative.contributions(
                of: equation.expression, upstream: .gradient(equation.name), result: .name(equation.name)
            ) {
                if let index = byName.firstIndex(where: { $0.0 == name }) {
                    byName[index].1 = byName[index].1 + expression
                } else {
                    byName.append((name, expression))
                }
            }
            for (name, expression) in byName {
                terms[name, default: []].append(ChainTerm(via: equation.name, expression: simplifier.simplify(expression)))
            }
        }
        let roles: [Model.Role] = [.parameter, .input, .target]
        order = BackwardPlan.backwardOrder(equations)
            + roles.flatMap { role in variables.filter { $0.role == role }.map(\.name) }
        self.terms = terms
    }

    /// The equations from the loss down: a node comes once every equation reading it has come,
    /// and of the nodes ready at once the one written first comes first (o₁ before o₂).
    private static func backwardOrder(_ equations: [Model.Equation]) -> [String] {
        var readers = Dictionary(uniqueKeysWithValues: equations.map { ($0.name, 0) })
        for equation in equations {
            for name in equation.expression.names where readers[name] != nil { readers[name, default: 0] += 1 }
        }
        var order: [String] = []
        var pending = equations
        while let next = pending.firstIndex(where: { readers[$0.name] == 0 }) {
            let equation = pending.remove(at: next)
            order.append(equation.name)
            for name in equation.expression.names where readers[name] != nil { readers[name, default: 0] -= 1 }
        }
        return order + pending.reversed().map(\.name)
    }
}
