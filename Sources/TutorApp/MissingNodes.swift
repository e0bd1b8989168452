import BackpropEngine
import Lessons

/// What a slide names that the learner's model does not have, once they edited it: such an item
/// says "not in your model" in its place instead of failing.
extension Model {
    /// The nodes of a Jacobian that are no nodes of the model.
    func missing(_ request: Slide.JacobianRequest) -> [String] {
        [request.output, request.input].filter { !nodes.contains($0) }
    }

    /// The nodes of a choice of steps that have no gradient step.
    func missing(_ choice: Slide.StepChoice) -> [String] {
        switch choice {
        case .pass: []
        case .gradient(let node): [node].filter { !backwardOrder.contains($0) }
        case .gradients(let from, let to): [from, to].filter { !backwardOrder.contains($0) }
        }
    }

    /// The names a question's answer reads that the model does not define.
    func missing(_ question: Slide.Question) -> [String] {
        question.answer.names.filter { shapes[$0] == nil }
    }

    /// The columns named that the model's table does not have.
    func missing(_ columns: [IterationTable.Column]) -> [IterationTable.Column] {
        let table = IterationTable(model: self)
        return columns.filter { !table.columns.contains($0) }
    }
}

extension Notation {
    /// `Jacobian ∂o₁/∂q: o₁ is not in your model`: what an item names, and the nodes of it the
    /// model lacks.
    func notInModel(_ item: String, _ nodes: [String]) -> String {
        let names = nodes.map(name).joined(separator: ", ")
        return "\(item): \(names) \(nodes.count == 1 ? "is" : "are") not in your model"
    }
}

extension IterationTable.Column {
    /// The node the column is about.
    var node: String {
        switch self {
        case .value(let node), .gradient(let node), .updated(let node): node
        }
    }
}

extension Notation {
    /// A choice of steps as a slide's `steps:` line makes it: `update`, `o₁`, `L..q`.
    func choice(_ choice: Slide.StepChoice) -> String {
        switch choice {
        case .pass(let pass): pass.rawValue
        case .gradient(let node): name(node)
        case .gradients(let from, let to): "\(name(from))..\(name(to))"
        }
    }
}
