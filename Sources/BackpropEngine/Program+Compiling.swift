extension Program {
    /// A backward step as the program computes it: the node, and the chain-rule terms it adds up,
    /// each with where the number deciding its form lives when it has a shorter form.
    struct Step: Sendable {
        /// The node whose gradient the step computes.
        let node: String
        /// The terms added up, in order.
        let terms: [(planned: PlannedTerm, condition: Int?)]
    }

    /// The program of a model: `variables` (the learning rate `rate` among them) loaded into the
    /// buffer, the `equations` (a cross-entropy of a softmax computed from its logits, as `plan`
    /// says), the gradient of every node in `plan`'s order by its chain-rule terms from the loss,
    /// and each parameter's update `updates`.
    init(
        variables: [Model.Variable], equations: [Model.Equation], rate: String, loss: String, shapes: [String: Shape], plan: BackwardPlan,
        updates: [(parameter: String, expression: Expr)]
    ) {
        var builder = ProgramBuilder()
        var values: [String: Slot] = [:]
        var gradients: [String: Slot] = [:]
        let declared = variables.map { ($0.name, builder.allocate($0.value.shape)) }
        let computed = equations.map { ($0.name, builder.allocate(shapes[$0.name] ?? .scalar)) }
        for (name, slot) in declared + computed { values[name] = slot }
        let reached = plan.order.map { ($0, builder.allocate(shapes[$0] ?? .scalar, filledWith: $0 == loss ? 1 : 0)) }
        for (name, slot) in reached { gradients[name] = slot }
        let updated = updates.map { ($0.parameter, builder.allocate(values[$0.parameter]?.shape ?? .scalar)) }

        // A term is added up when its equation comes no later than the loss and has a gradient.
        let lossIndex = equations.firstIndex { $0.name == loss } ?? equations.count - 1
        let counted = Set(equations[...lossIndex].map(\.name)).intersection(plan.order)
        let used = plan.order.map { node in (node, node == loss ? [] : (plan.terms[node] ?? []).filter { counted.contains($0.term.via) }) }
        let conditions = used.map { _, terms in terms.map { $0.shorter == nil ? nil : builder.allocate(.scalar) } }
        let finiteCount = updated.last.map { $0.1.range.upperBound } ?? reached.last.map { $0.1.range.upperBound } ?? 0
        layout = NumberLayout(
            declared: declared, values: declared + computed, gradients: reached, updated: updated,
            count: builder.template.count, finiteCount: finiteCount
        )

        var forward: [(node: String, instructions: Range<Int>)] = []
        for equation in equations {
            builder.beginEquation()
            let start = builder.instructions.count
            _ = builder.compile(plan.fused[equation.name]?.loss ?? equation.expression, into: values[equation.name], values: values, gradients: gradients)
            forward.append((equation.name, start..<builder.instructions.count))
        }

        builder.beginBackward()
        let start = builder.instructions.count
        var steps: [Step] = []
        for ((node, terms), conditions) in zip(used, conditions) {
            guard let total = gradients[node] else { continue }
            for (index, (planned, condition)) in zip(terms, conditions).enumerated() {
                var term = builder.compile(planned.term.expression, values: values, gradients: gradients)
                if let shorter = planned.shorter, let condition {
                    let targetSum = builder.compile(shorter.targetSum, values: values, gradients: gradients)
                    _ = builder.place(targetSum, condition)
                    term = builder.choose(condition: condition, builder.compile(shorter.term.expression, values: values, gradients: gradients), term)
                }
                // ∂L/∂node = 0 + term + term + …, added up entry by entry as the evaluator does.
                let sum = index == 0 ? builder.constant(0) : total
                builder.append(.zip(
                    .add, a: sum.start, aStep: sum.shape == total.shape ? 1 : 0, b: term.start, bStep: term.shape == total.shape ? 1 : 0,
                    result: total.start, count: total.shape.count
                ))
            }
            if terms.isEmpty, node != loss { _ = builder.spread(builder.constant(0), over: total.shape, into: total) }
            steps.append(Step(node: node, terms: zip(terms, conditions).map { ($0, $1?.start) }))
        }
        for ((_, expression), (_, slot)) in zip(updates, updated) {
            _ = builder.compile(expression, into: slot, values: values, gradients: gradients)
        }

        instructions = builder.instructions
        sources = builder.sources
        template = builder.template
        self.equations = forward
        backward = start..<builder.instructions.count
        self.steps = steps
        self.updates = updates
        self.rate = rate
    }
}
