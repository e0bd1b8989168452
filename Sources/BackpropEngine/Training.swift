/// A training under way: each iteration starts where the last one's updates left the
/// parameters, so a table can grow an iteration at a time without training again from the start,
/// and a long run need not hold its iterations. It runs the model's compiled program in one buffer
/// that every iteration reuses: `nextNumbers()` gives an iteration's numbers alone, `next()` its
/// trace, the formulas behind the numbers put together too. A value: a copy goes on from the same
/// place.
public struct Training: Sendable {
    /// The model trained.
    public let model: Model
    /// How many iterations have been worked out.
    public internal(set) var count = 0
    /// True once an iteration diverged: training stops there.
    public internal(set) var diverged = false
    /// The program's buffer, holding where the next iteration starts: the declared values, the
    /// parameters as last updated.
    private var buffer: [Double]
    /// The numbers the last iteration kept apart, which the next one starts with.
    private var lastLarge: [[Double]]?
    /// Where a row of the data set is worked out: a copy of `buffer` with the row in place;
    /// empty without a data set.
    private var scratch: [Double] = []
    /// What an iteration over the model's data set reads; nil without one.
    let batchPlan: BatchPlan?

    /// Puts `numbers` at `slot` when there are as many as the slot holds, for the next iteration
    /// to start from.
    mutating func place(_ numbers: ArraySlice<Double>, at slot: Slot) {
        guard numbers.count == slot.shape.count else { return }
        buffer.replaceSubrange(slot.range, with: numbers)
        lastLarge = nil
    }

    /// A training of `model` from its starting values.
    public init(model: Model) {
        self.model = model
        buffer = model.program.buffer(startingAt: model.variables)
        batchPlan = model.data.map { BatchPlan(model: model, data: $0) }
    }

    /// A training of `model` from `values`, every declared value by name.
    public init(model: Model, from values: [String: Tensor]) throws(EvaluationError) {
        self.model = model
        buffer = try model.program.buffer(holding: values)
        batchPlan = model.data.map { BatchPlan(model: model, data: $0) }
    }

    /// The next iteration with the formulas behind its numbers, or nil after one that diverged.
    /// An iteration after the first that cannot be computed is named in the error.
    public mutating func next() throws(EvaluationError) -> Trace? {
        try nextNumbers().map(model.trace(of:))
    }

    /// The next iteration's numbers alone, or nil after one that diverged. An iteration after the
    /// first that cannot be computed is named in the error.
    public mutating func nextNumbers() throws(EvaluationError) -> IterationNumbers? {
        guard !diverged else { return nil }
        let numbers = try advance()
        diverged = numbers.diverged
        return numbers
    }

    /// The next `iterations` iterations; fewer when one diverges.
    public mutating func train(_ iterations: Int) throws(EvaluationError) -> [Trace] {
        try numbers(iterations).map(model.trace(of:))
    }

    /// The numbers alone of the next `iterations` iterations; fewer when one diverges.
    public mutating func numbers(_ iterations: Int) throws(EvaluationError) -> [IterationNumbers] {
        var all: [IterationNumbers] = []
        all.reserveCapacity(max(0, iterations))
        while all.count < iterations, let numbers = try nextNumbers() { all.append(numbers) }
        return all
    }

    /// The forward and backward passes of each of `rows`, rows of the model's data set, from
    /// where the next iteration starts: the numbers of a row in the places of the declared values
    /// its columns name, run as a first iteration. Their numbers kept together share one array;
    /// the numbers `plan` averages are added up into `totals` while each row's are at hand.
    mutating func passes(
        placing rows: some Collection<[Double]>, adding plan: BatchPlan, into totals: inout [Double]
    ) throws(EvaluationError) -> Passes {
        let program = model.program
        let layout = program.layout
        let (count, largeSlots, positions) = (layout.count, layout.large, plan.positions)
        var kept: [Double] = []
        kept.reserveCapacity(rows.count * count)
        var large: [[[Double]]] = []
        if scratch.count != buffer.count { scratch = Array(repeating: 0, count: buffer.count) }
        // The passes run one after another in a buffer that starts as a copy of `buffer`: each
        // computes every number it keeps afresh from the declared values, the row's among them.
        try buffer.withUnsafeBufferPointer { buffer throws(EvaluationError) in
            try scratch.withUnsafeMutableBufferPointer { scratch throws(EvaluationError) in
                try totals.withUnsafeMutableBufferPointer { totals throws(EvaluationError) in
                    guard let from = buffer.baseAddress, let pass = scratch.baseAddress, let totals = totals.baseAddress else { return }
                    pass.update(from: from, count: buffer.count)
                    for (index, row) in rows.enumerated() {
                        for (position, number) in zip(positions, row) {
                            if let position { pass[position] = number }
                        }
                        try program.forward(pass)
                        try program.backward(pass)
                        kept.append(contentsOf: UnsafeBufferPointer(start: pass, count: count))
                        if !largeSlots.isEmpty {
                            large.append(largeSlots.map { Array(UnsafeBufferPointer(start: pass + $0.start, count: $0.shape.count)) })
                        }
                        plan.add(pass, to: totals, first: index == 0)
                    }
                }
            }
        }
        return Passes(layout: layout, iteration: 1, kept: kept, large: large, count: rows.count)
    }

    /// Works out one more iteration, diverged or not, and carries its updates to the parameters.
    mutating func advance() throws(EvaluationError) -> IterationNumbers {
        let program = model.program
        do {
            try Training.run(program, in: &buffer)
        } catch where count > 0 {
            throw EvaluationError("at iteration \(count + 1): \(error)")
        }
        count += 1
        let layout = program.layout
        var large: [[Double]] = []
        if !layout.large.isEmpty {
            large = layout.large.enumerated().map { index, slot in
                layout.carried[index].flatMap { lastLarge?[$0] } ?? Array(buffer[slot.range])
            }
            lastLarge = large
        }
        let numbers = IterationNumbers(iteration: count, layout: layout, scalars: Array(buffer[0..<layout.count]), large: large)
        program.carryUpdates(&buffer)
        return numbers
    }

    /// The forward and backward passes of `program` and its updates in `buffer`.
    private static func run(_ program: Program, in buffer: inout [Double]) throws(EvaluationError) {
        try buffer.withUnsafeMutableBufferPointer { buffer throws(EvaluationError) in
            guard let start = buffer.baseAddress else { return }
            try program.forward(start)
            try program.backward(start)
        }
    }
}

extension Model {
    /// One training iteration from `values` (the starting values when nil): forward, backward,
    /// update, with the formulas behind every number.
    public func trace(from values: [String: Tensor]? = nil) throws -> Trace {
        var training: Training
        if let values { training = try Training(model: self, from: values) } else { training = Training(model: self) }
        return trace(of: try training.advance())
    }

    /// The iteration `numbers` with the formulas behind every number: the trace the tutor shows,
    /// built from numbers already computed.
    public func trace(of numbers: IterationNumbers) -> Trace {
        var (forward, backward, updates): ([Trace.Forward], [Trace.Backward], [Trace.Update]) = ([], [], [])
        forEachStep(of: numbers) { step in
            switch step {
            case .forward(let step): forward.append(step)
            case .backward(let step): backward.append(step)
            case .mean: break
            case .update(let step): updates.append(step)
            }
        }
        return Trace(forward: forward, backward: backward, updates: updates, values: numbers.values, gradients: numbers.gradients, updated: numbers.updated)
    }

    /// The steps of the iteration `numbers`, forward, backward and updates, each with the formula
    /// behind its number: the trace's steps, without its numbers by name.
    func steps(of numbers: IterationNumbers) -> [Trace.Step] {
        var steps: [Trace.Step] = []
        steps.reserveCapacity(equations.count + program.steps.count + program.updates.count)
        forEachStep(of: numbers) { steps.append($0) }
        return steps
    }

    /// Calls `body` with each step of the iteration `numbers` in order, forward, backward and
    /// updates, each number read where the program left it.
    private func forEachStep(of numbers: IterationNumbers, _ body: (Trace.Step) -> Void) {
        let places = program.places(in: numbers.layout)
        for (equation, slot) in zip(equations, places.values) {
            if let slot { body(.forward(Trace.Forward(node: equation.name, expression: equation.expression, value: numbers.tensor(slot)))) }
        }
        for (step, slot) in zip(program.steps, places.gradients) {
            guard let slot else { continue }
            body(.backward(Trace.Backward(node: step.node, terms: step.terms.indices.map { index in
                let planned = step.terms[index].planned
                guard step.takesShorterForm(index, in: numbers), let shorter = planned.shorter else { return planned.term }
                return shorter.term
            }, value: numbers.tensor(slot))))
        }
        for ((parameter, expression), slot) in zip(program.updates, places.updates) {
            if let slot { body(.update(Trace.Update(parameter: parameter, expression: expression, value: numbers.tensor(slot)))) }
        }
    }

    /// `count` training iterations from the starting values, numbers only: each starts where the
    /// last one's updates left the parameters. Stops after the first iteration that diverged; an
    /// iteration after the first that cannot be computed is named in the error.
    public func iterations(_ count: Int) throws -> [IterationNumbers] {
        var training = Training(model: self)
        return try training.numbers(count)
    }

    /// `iterations` training iterations from the starting values with the formulas behind every
    /// number, as `iterations(_:)` computes them.
    public func train(iterations: Int) throws -> [Trace] {
        var training = Training(model: self)
        return try training.train(iterations)
    }

    /// One training iteration worked out by evaluating each equation, chain-rule term and update
    /// one by one: the reference the compiled program's numbers are held to.
    func evaluatedTrace(from values: [String: Tensor]) throws -> Trace {
        let (forward, computed) = try forwardPass(from: values)
        var evaluator = Evaluator(values: computed)
        let pass = try backward(from: loss, seed: Tensor(1), evaluator: evaluator)
        evaluator.gradients = pass.gradients
        let backward = plan.order.compactMap { node in
            evaluator.gradients[node].map { Trace.Backward(node: node, terms: pass.terms[node] ?? [], value: $0) }
        }
        let updates = try program.updates.map { parameter, expression in
            Trace.Update(parameter: parameter, expression: expression, value: try evaluator.evaluate(expression))
        }
        return Trace(
            forward: forward, backward: backward, updates: updates, values: evaluator.values, gradients: evaluator.gradients,
            updated: Dictionary(uniqueKeysWithValues: updates.map { ($0.parameter, $0.value) })
        )
    }

    /// The forward steps from `start` by the evaluator, and every node's value after them. A
    /// cross-entropy of a softmax is computed from the logits, though its step shows the equation
    /// as written. A number outside a function's domain is an error naming the node.
    func forwardPass(from start: [String: Tensor]) throws -> (steps: [Trace.Forward], values: [String: Tensor]) {
        var values = start
        var steps: [Trace.Forward] = []
        for equation in equations {
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
                total = try total.zip(try evaluator.evaluate(term.expression).broadcast(to: shape), .add)
                used[node, default: []].append(term)
            }
            evaluator.gradients[node] = total
        }
        return (evaluator.gradients, used)
    }
}
