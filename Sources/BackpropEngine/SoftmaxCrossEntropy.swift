/// A cross-entropy of a softmax, taken as one step: an equation `L = crossentropy(p, t)` where p
/// is `softmax(o)` written inline, or the node of an equation `p = softmax(o)` that only L reads.
/// Taken together they are computed from the logits o: the loss as −Σ t · log softmax(o), the
/// gradient by ∂L/∂o = p · Σt − t (p − t for targets that sum to 1). Both stay finite however far
/// apart the logits are, where going through p divides by a probability that underflowed to 0.
struct SoftmaxCrossEntropy: Sendable {
    /// The node of the equation `p = softmax(o)`, when the softmax has one: it needs no gradient.
    let probabilityNode: String?
    /// The probabilities p: the softmax's node, or the softmax written inline.
    let probabilities: Expr
    /// The logits o: one vector, or several scalars.
    let logits: [Expr]
    /// The targets t.
    let target: Expr

    /// The step `equation` takes, if it is a cross-entropy of a softmax; `equations` are the model's.
    init?(_ equation: Model.Equation, among equations: [Model.Equation]) {
        guard case .call(.crossentropy, let arguments) = equation.expression.kind, arguments.count == 2 else { return nil }
        let (p, t) = (arguments[0], arguments[1])
        switch p.kind {
        case .call(.softmax, let logits):
            probabilityNode = nil
            self.logits = logits
        case .name(let name):
            guard let source = equations.first(where: { $0.name == name }),
                  case .call(.softmax, let logits) = source.expression.kind,
                  !t.names.contains(name),
                  equations.filter({ $0.expression.names.contains(name) }).count == 1
            else { return nil }
            probabilityNode = name
            self.logits = logits
        default:
            return nil
        }
        probabilities = p
        target = t
    }

    /// The loss, −Σ t ⊙ log softmax(o): no probability is formed, so none underflows to 0.
    var loss: Expr {
        -Expr(.call(.sum, [target * Expr(.call(.logsoftmax, logits))]))
    }

    /// Σt, the sum of the targets.
    var targetSum: Expr {
        Expr(.call(.sum, [target]))
    }

    /// The `i`-th target (1-based): an entry of a vector written out, such as `1 - y` of
    /// `[y, 1 - y]`, or else `t[i]`.
    func target(_ i: Int) -> Expr {
        if case .vector(let entries) = target.kind { return entries[i - 1] }
        return Expr(.index(target, [i]))
    }
}
