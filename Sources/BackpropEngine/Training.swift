/// A training under way: each iteration starts where the last one's updates left the
/// parameters, so a table can grow an iteration at a time without training again from the start,
/// and a long run need not hold its traces. A value: a copy goes on from the same place.
public struct Training: Sendable {
    /// The model trained.
    public let model: Model
    /// How many iterations have been worked out.
    public internal(set) var count = 0
    /// True once an iteration diverged: training stops there.
    public internal(set) var diverged = false
    /// Where the next iteration starts: the starting values, the parameters as last updated.
    var values: [String: Tensor]

    /// A training of `model` from its starting values.
    public init(model: Model) {
        self.model = model
        values = model.startingValues
    }

    /// The next iteration, or nil after one that diverged. An iteration after the first that
    /// cannot be computed is named in the error.
    public mutating func next() throws -> Trace? {
        guard !diverged else { return nil }
        let trace: Trace
        do {
            trace = try model.trace(from: values)
        } catch let error as EvaluationError where count > 0 {
            throw EvaluationError("at iteration \(count + 1): \(error)")
        }
        count += 1
        diverged = trace.diverged
        values.merge(trace.updated) { _, new in new }
        return trace
    }

    /// The next `iterations` iterations; fewer when one diverges.
    public mutating func train(_ iterations: Int) throws -> [Trace] {
        var traces: [Trace] = []
        while traces.count < iterations, let trace = try next() { traces.append(trace) }
        return traces
    }
}

extension Model {
    /// One training iteration from `values` (the starting values when nil): forward, backward, update.
    public func trace(from values: [String: Tensor]? = nil) throws -> Trace {
        let (forward, computed) = try forwardPass(from: values ?? startingValues)
        var evaluator = Evaluator(values: computed)
        let pass = try backward(from: loss, seed: Tensor(1), evaluator: evaluator)
        evaluator.gradients = pass.gradients
        let backward = plan.order.compactMap { node in
            evaluator.gradients[node].map { Trace.Backward(node: node, terms: pass.terms[node] ?? [], value: $0) }
        }
        var updates: [Trace.Update] = []
        for parameter in parameters {
            let expression = Expr.name(parameter) - Expr.name(rate) * .gradient(parameter)
            updates.append(Trace.Update(parameter: parameter, expression: expression, value: try evaluator.evaluate(expression)))
        }
        return Trace(
            forward: forward, backward: backward, updates: updates, values: evaluator.values, gradients: evaluator.gradients,
            updated: Dictionary(uniqueKeysWithValues: updates.map { ($0.parameter, $0.value) })
        )
    }

    /// The forward steps from `start`, and every node's value after them. A cross-entropy of a
    /// softmax is computed from the logits, though its step shows the equation as written. A
    /// number outside a function's domain is an error naming the node. With `held`, that node's
    /// equation is not worked out: it keeps the value `start` gives it.
    func forwardPass(from start: [String: Tensor], holding held: String? = nil) throws -> (steps: [Trace.Forward], values: [String: Tensor]) {
        var values = start
        var steps: [Trace.Forward] = []
        for equation in equations where equation.name != held {
            let value: Tensor
            do {
                value = try Evaluator(values: values).evaluate(plan.fused[equation.name]?.loss ?? equation.expression)
            } catch let error as DomainError {
                throw error.naming(equation.name)
            }
            steps.append(Trace.Forward(node: equation.name, expression: equation.expression, value: value))
            values[equation.name] = value
        }
        return (steps, values)
    }

    /// `iterations` training iterations from the starting values, each starting where the last
    /// one's updates left the parameters. Stops after the first iteration that diverged; an
    /// iteration after the first that cannot be computed is named in the error.
    public func train(iterations: Int) throws -> [Trace] {
        var training = Training(model: self)
        return try training.train(iterations)
    }

    /// The gradient of `output` with respect to every node that feeds it, when the gradient
    /// arriving at `output` is `seed`, and the chain-rule terms each was summed from. Nodes after
    /// `output`, or not feeding it, get zeros.
    func backward(
        from output: String, seed: Tensor, evaluator: Evaluator
    ) throws -> (gradients: [String: Tensor], terms: [String: [ChainTerm]]) {
        let last = equations.firstIndex { $0.name == output } ?? equations.count - 1
        let reachable = Set(equations[...last].map(\.name))
        var evaluator = evaluator
        evaluator.gradients = [output: seed]
        var used: [String: [ChainTerm]] = [:]
        for node in plan.order where node != output {
            let shape = shapes[node] ?? .scalar
            var total = Tensor(repeating: 0, shape: shape)
            for planned in plan.terms[node] ?? [] {
                let via = planned.term.via
                guard reachable.contains(via), evaluator.gradients[via] != nil else { continue }
                let term = try planned.resolved(by: evaluator)
                total = try total.zip(try evaluator.evaluate(term.expression).broadcast(to: shape), +)
                used[node, default: []].append(term)
            }
            evaluator.gradients[node] = total
        }
        return (evaluator.gradients, used)
    }
}
