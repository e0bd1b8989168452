/// One use of a node in the chain rule: the gradient the node receives through the equation of
/// `via`, i.e. ∂L/∂via · ∂via/∂node, written out as an expression.
public struct ChainTerm: Sendable {
    /// The equation through which the gradient flows.
    public let via: String
    /// ∂L/∂via · ∂via/∂node with the local derivative worked out, e.g. `∂L/∂h · x`.
    public let expression: Expr
}

/// A chain term as the plan holds it, with the shorter form it may take at the values of a trace.
struct PlannedTerm: Sendable {
    /// The term, right at any values.
    let term: ChainTerm
    /// The term through a cross-entropy of a softmax with Σt taken as 1 (p − t for p · Σt − t),
    /// and that Σt.
    let shorter: (term: ChainTerm, targetSum: Expr)?

    /// The term to compute and show at `evaluator`'s values.
    ///
    /// The fused rule drops its factor Σt where the targets sum to exactly 1 at the values, rather
    /// than where the target expression sums to 1 symbolically: a declared target (a one-hot
    /// `y = [1, 0]`) sums to 1 only by its value, and `[y, 1 - y]` sums to exactly 1.0 in floating
    /// point for every y in [0, 1] too. Since p · 1 is p to the last bit, the shorter formula
    /// computes the very number the full one would, and targets that do not sum to 1 keep Σt.
    func resolved(by evaluator: Evaluator) throws -> ChainTerm {
        guard let shorter, try evaluator.evaluate(shorter.targetSum) == Tensor(1) else { return term }
        return shorter.term
    }
}

/// How the gradient of every node is computed, worked out once from the equations: the order in
/// which a person would go backwards, and for each node the chain-rule terms that sum to it.
struct BackwardPlan: Sendable {
    /// Nodes in backward order: the equations from the loss down, then parameters, inputs, targets.
    /// A softmax taken together with its cross-entropy has no step: its gradient is not needed.
    let order: [String]
    /// The terms of each node's gradient.
    let terms: [String: [PlannedTerm]]
    /// The cross-entropies of a softmax, taken as one step, by the name of their equation.
    let fused: [String: SoftmaxCrossEntropy]

    /// The plan of a model; its gradients may have `parts` parts in all, and each is held to
    /// `ExpressionLimits`, so that a model whose gradients grow too large is refused at once.
    init(
        variables: [Model.Variable], equations: [Model.Equation], loss: String, shapes: [String: Shape], parts: Int
    ) throws(EquationError) {
        var budget = GradientBudget(parts: parts)
        let derivative = Derivative(shapes: shapes)
        let simplifier = Simplifier(loss: loss)
        var fused: [String: SoftmaxCrossEntropy] = [:]
        var terms: [String: [PlannedTerm]] = [:]
        for equation in equations {
            let upstream = Expr.gradient(equation.name)
            let step = SoftmaxCrossEntropy(equation, among: equations)
            fused[equation.name] = step
            let full, shorter: [(String, Expr)]
            if let step {
                full = try derivative.contributions(of: step, upstream: upstream, targetsSumToOne: false)
                shorter = try derivative.contributions(of: step, upstream: upstream, targetsSumToOne: true)
            } else {
                full = try derivative.contributions(of: equation.expression, upstream: upstream, result: .name(equation.name))
                shorter = full
            }
            for ((name, expression), (_, short)) in zip(BackwardPlan.merged(full), BackwardPlan.merged(shorter)) {
                let tidy = { (derived: Expr) throws(EquationError) -> Expr in
                    try budget.charge(derived, of: name, through: equation)
                    return try budget.charge(simplifier.simplify(derived), of: name, through: equation)
                }
                let term = ChainTerm(via: equation.name, expression: try tidy(expression))
                let shortTerm = short == expression ? term : ChainTerm(via: equation.name, expression: try tidy(short))
                let alternative = step.flatMap { step in
                    shortTerm.expression == term.expression ? nil : (term: shortTerm, targetSum: step.targetSum)
                }
                terms[name, default: []].append(PlannedTerm(term: term, shorter: alternative))
            }
        }
        let roles: [Model.Role] = [.parameter, .input, .target]
        let unneeded = Set(fused.values.compactMap(\.probabilityNode))
        order = BackwardPlan.backwardOrder(equations).filter { !unneeded.contains($0) }
            + roles.flatMap { role in variables.filter { $0.role == role }.map(\.name) }
        self.terms = terms
        self.fused = fused
    }

    /// The contributions to each name added up, in the order the names first appear.
    private static func merged(_ contributions: [(String, Expr)]) -> [(String, Expr)] {
        var byName: [(String, Expr)] = []
        for (name, expression) in contributions {
            if let index = byName.firstIndex(where: { $0.0 == name }) {
                byName[index].1 = byName[index].1 + expression
            } else {
                byName.append((name, expression))
            }
        }
        return byName
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

/// What the gradients of a model may take: each within `ExpressionLimits`, and a number of
/// parts for all of them together.
private struct GradientBudget {
    /// The parts left.
    var parts: Int

    /// `gradient`, the gradient of `name` through `equation`, once it is known to fit; measured
    /// without recursion, so that one too large is refused before anything walks it.
    @discardableResult
    mutating func charge(_ gradient: Expr, of name: String, through equation: Model.Equation) throws(EquationError) -> Expr {
        guard let extent = gradient.extent() else {
            throw EquationError(
                "the gradient of '\(name)' through '\(equation.name)' has more than \(ExpressionLimits.parts) parts "
                    + "or \(ExpressionLimits.levels) levels: split the equation into smaller ones",
                at: equation.location
            )
        }
        guard extent.parts <= parts else {
            throw EquationError(
                "the model and its gradients have more than \(ExpressionLimits.modelParts) parts in all",
                at: equation.location
            )
        }
        parts -= extent.parts
        return gradient
    }
}
