extension Program {
    /// A backward step as the program computes it: the node, and the chain-rule terms it adds up,
    /// each with where the number deciding its form lives when it has a shorter form.
    struct Step: Sendable {
        /// The node whose gradient the step computes.
        let node: String
        /// The terms added up, in order.
        let terms: [(planned: PlannedTerm, condition: Int?)]

        /// True when term `index` takes its shorter form in the iteration `numbers`: it has one,
        /// and the number deciding it is exactly 1.
        func takesShorterForm(_ index: Int, in numbers: IterationNumbers) -> Bool {
            let (planned, condition) = terms[index]
            guard planned.shorter != nil, let condition else { return false }
            return numbers[condition] == 1
        }

        /// Which terms take their shorter form in the iteration `numbers`, one bit each; nil for a
        /// step of more than 64 terms.
        func shorterForms(in numbers: IterationNumbers) -> UInt64? {
            guard terms.count <= 64 else { return nil }
            return terms.indices.reduce(0) { bits, index in takesShorterForm(index, in: numbers) ? bits | 1 << UInt64(index) : bits }
        }
    }

    /// The program of a model: `variables` (the learning rate `rate` among them) loaded into the
    /// buffer, the `equations` (a cross-entropy of a softmax computed from its logits, as `plan`
    /// says), the gradient of every node in `plan`'s order by its chain-rule terms from the loss,
    /// and each parameter's update `updates`.
    convenience init(
        variables: [Model.Variable], equations: [Model.Equation], rate: String, loss: String, shapes: [String: Shape], plan: BackwardPlan,
        updates: [(parameter: String, expression: Expr)]
    ) {
        var builder = ProgramBuilder()
        // What an iteration keeps: the small values, gradients and updates together first, then
        // the numbers deciding forms, then each large one (see `NumberLayout`).
        let kept: [[(name: String, shape: Shape)]] = [
            variables.map { ($0.name, $0.value.shape) },
            equations.map { ($0.name, shapes[$0.name] ?? .scalar) },
            plan.order.map { ($0, shapes[$0] ?? .scalar) },
            updates.map { update in (update.parameter, variables.first { $0.name == update.parameter }?.value.shape ?? .scalar) },
        ]
        var slots = kept.map { [Slot?](repeating: nil, count: $0.count) }
        func allocate(large: Bool) {
            for (group, entries) in kept.enumerated() {
                for (index, entry) in entries.enumerated() where (entry.shape.count >= NumberLayout.largeCount) == large {
                    // The gradient of the loss is 1, in place from the start.
                    slots[group][index] = builder.allocate(entry.shape, filledWith: group == 2 && entry.name == loss ? 1 : 0)
                }
            }
        }
        allocate(large: false)
        let finiteCount = builder.template.count

        // A term is added up when its equation comes no later than the loss and has a gradient.
        let lossIndex = equations.firstIndex { $0.name == loss } ?? equations.count - 1
        let counted = Set(equations[...lossIndex].map(\.name)).intersection(plan.order)
        let used = plan.order.map { node in (node, node == loss ? [] : (plan.terms[node] ?? []).filter { counted.contains($0.term.via) }) }
        let conditions = used.map { _, terms in terms.map { $0.shorter == nil ? nil : builder.allocate(.scalar) } }
        let count = builder.template.count
        allocate(large: true)

        let named = zip(kept, slots).map { entries, slots in zip(entries, slots).compactMap { entry, slot in slot.map { (entry.name, $0) } } }
        let (declared, computed, reached, updated) = (named[0], named[1], named[2], named[3])
        let values = Dictionary(declared + computed, uniquingKeysWith: { first, _ in first })
        let gradients = Dictionary(reached, uniquingKeysWith: { first, _ in first })
        let layout = NumberLayout(
            declared: declared, values: declared + computed, gradients: reached, updated: updated, count: count, finiteCount: finiteCount
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

        self.init(
            instructions: builder.instructions, sources: builder.sources, template: builder.template, equations: forward,
            backward: start..<builder.instructions.count, steps: steps, updates: updates, layout: layout, rate: rate
        )
    }
}
