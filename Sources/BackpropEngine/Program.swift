/// Where a value lives in a program's buffer: the first of its numbers, and its shape.
struct Slot: Hashable, Sendable {
    /// The index of the first number.
    let start: Int
    /// The shape, which says how many numbers follow.
    let shape: Shape

    /// The indices of its numbers.
    var range: Range<Int> { start..<start + shape.count }
}

/// A model compiled for its numbers: a flat list of instructions over one buffer of `Double`,
/// worked out once from the same expressions the tutor writes (the equations, the chain-rule
/// terms of `BackwardPlan`, the updates), so that running it gives, to the last bit, the numbers
/// those expressions give when evaluated one by one. No name is looked up and nothing is
/// allocated while it runs.
///
/// The buffer holds the numbers an iteration keeps (see `NumberLayout`), the constants and the
/// intermediate results. Shared, never changed: copying a model copies a reference to it.
final class Program: Sendable {
    /// The instructions: each equation's forward step, then the backward pass and the updates.
    let instructions: [Instruction]
    /// Where each `gather` instruction reads its numbers.
    let sources: [Int]
    /// A buffer to run in: the constants in place, everything else 0.
    let template: [Double]
    /// Each equation's node and its instructions, in computing order.
    let equations: [(node: String, instructions: Range<Int>)]
    /// The instructions of the backward pass and the updates.
    let backward: Range<Int>
    /// The backward steps, in backward order.
    let steps: [Step]
    /// Each parameter's update, `parameter − η·∂L/∂parameter`, in the order declared.
    let updates: [(parameter: String, expression: Expr)]
    /// Where each number an iteration keeps lives.
    let layout: NumberLayout
    /// Where each equation's value, each backward step's gradient and each update lives, in the
    /// order of `equations`, `steps` and `updates`: what an iteration's steps read.
    let places: (values: [Slot?], gradients: [Slot?], updates: [Slot?])
    /// The learning rate's name.
    let rate: String

    /// A program of `instructions`, with the parts of it described by the other arguments.
    init(
        instructions: [Instruction], sources: [Int], template: [Double], equations: [(node: String, instructions: Range<Int>)],
        backward: Range<Int>, steps: [Step], updates: [(parameter: String, expression: Expr)], layout: NumberLayout, rate: String
    ) {
        self.instructions = instructions
        self.sources = sources
        self.template = template
        self.equations = equations
        self.backward = backward
        self.steps = steps
        self.updates = updates
        self.layout = layout
        self.rate = rate
        places = Program.places(in: layout, equations.map(\.node), steps.map(\.node), updates.map(\.parameter))
    }

    /// Where the numbers of an iteration laid out as `layout` says put what each equation, each
    /// backward step and each update computes: `places` for this program's own iterations, else
    /// found by name.
    func places(in layout: NumberLayout) -> (values: [Slot?], gradients: [Slot?], updates: [Slot?]) {
        guard layout !== self.layout else { return places }
        return Program.places(in: layout, equations.map(\.node), steps.map(\.node), updates.map(\.parameter))
    }

    /// Where `layout` puts the values of `nodes`, the gradients of `reached` and the updates of
    /// `parameters`.
    private static func places(
        in layout: NumberLayout, _ nodes: [String], _ reached: [String], _ parameters: [String]
    ) -> (values: [Slot?], gradients: [Slot?], updates: [Slot?]) {
        (nodes.map(layout.value), reached.map(layout.gradient), parameters.map(layout.update))
    }

    /// A buffer holding `values` (every declared value, by name) and the constants, ready to run;
    /// a missing value is an error naming it, the learning rate's last.
    func buffer(holding values: [String: Tensor]) throws(EvaluationError) -> [Double] {
        var buffer = template
        for (name, slot) in layout.declared.filter({ $0.name != rate }) + layout.declared.filter({ $0.name == rate }) {
            guard let value = values[name] else { throw EvaluationError("no value for '\(name)'") }
            guard value.shape == slot.shape else { throw EvaluationError("'\(name)' is a \(slot.shape), not a \(value.shape)") }
            buffer.replaceSubrange(slot.range, with: value.scalars)
        }
        return buffer
    }

    /// A buffer holding the values of `variables`, the model's declared values, ready to run.
    func buffer(startingAt variables: [Model.Variable]) -> [Double] {
        var buffer = template
        for (variable, (_, slot)) in zip(variables, layout.declared) where variable.value.shape == slot.shape {
            buffer.replaceSubrange(slot.range, with: variable.value.scalars)
        }
        return buffer
    }

    /// A buffer after the forward pass from `values` (every declared value, by name); with `held`,
    /// that node's equation is skipped and it keeps the value `values` give it.
    func forward(at values: [String: Tensor], holding held: String? = nil) throws(EvaluationError) -> [Double] {
        var buffer = try buffer(holding: values)
        if let held, let slot = layout.value(held) {
            guard let value = values[held], value.shape == slot.shape else { throw EvaluationError("no \(slot.shape) value for '\(held)'") }
            buffer.replaceSubrange(slot.range, with: value.scalars)
        }
        try buffer.withUnsafeMutableBufferPointer { buffer throws(EvaluationError) in
            guard let start = buffer.baseAddress else { return }
            try forward(start, holding: held)
        }
        return buffer
    }

    /// Each parameter in `buffer` takes its value after the update.
    func carryUpdates(_ buffer: inout [Double]) {
        buffer.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            for (name, slot) in layout.updated {
                guard let parameter = layout.value(name) else { continue }
                (start + parameter.start).update(from: start + slot.start, count: slot.shape.count)
            }
        }
    }

    /// The forward pass in `buffer`, whose declared values are in place; with `held`, that node's
    /// equation is skipped and its value is the one in place. A number outside a function's domain
    /// is an error naming the node.
    func forward(_ buffer: UnsafeMutablePointer<Double>, holding held: String? = nil) throws(EvaluationError) {
        // All of them at once, the common case; one by one to name the node of an error.
        if held == nil, let first = equations.first, let last = equations.last,
            (try? run(first.instructions.lowerBound..<last.instructions.upperBound, buffer)) != nil {
            return
        }
        for (node, range) in equations where node != held {
            do {
                try run(range, buffer)
            } catch {
                throw error.naming(node)
            }
        }
    }

    /// The backward pass and the updates in `buffer`, after the forward pass.
    func backward(_ buffer: UnsafeMutablePointer<Double>) throws(EvaluationError) {
        do {
            try run(backward, buffer)
        } catch {
            throw EvaluationError("\(error)")
        }
    }

    private func run(_ range: Range<Int>, _ buffer: UnsafeMutablePointer<Double>) throws(DomainError) {
        try instructions.withUnsafeBufferPointer { instructions throws(DomainError) in
            try sources.withUnsafeBufferPointer { sources throws(DomainError) in
                try Instruction.run(UnsafeBufferPointer(rebasing: instructions[range]), sources: sources, in: buffer)
            }
        }
    }
}
