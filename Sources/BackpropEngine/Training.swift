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
        try train(iterations: iterations, after: nil)
    }

    /// `iterations` more training iterations after `last`, a trace of this model: the first starts
    /// where `last`'s updates left the parameters, so appending them to a training that ended with
    /// `last` gives the same traces as training that many iterations from the start. From the
    /// starting values when `last` is nil; none after an iteration that diverged.
    public func train(iterations: Int, after last: Trace?) throws -> [Trace] {
        var traces: [Trace] = []
        var values = startingValues
        if let last {
            guard !last.diverged else { return [] }
            values.merge(last.updated) { _, new in new }
        }
        for _ in 0..<iterations {
            let trace: Trace
            do {
                trace = try self.trace(from: values)
            } catch let error as EvaluationError where !traces.isEmpty {
                throw EvaluationError("at iteration \(traces.count + 1): \(error)")
            }
            traces.append(trace)
            if trace.diverged { break }
            values.merge(trace.updated) { _, new in new }
        }
        return traces
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
