/// Training iterations one after another, numbers only: each iteration starts where the last
/// one's updates left the parameters, and runs the model's compiled program in one buffer that
/// every iteration reuses. Start it from starting values, or after an iteration already computed
/// to extend a table of iterations.
public struct Trainer: Sendable {
    private let program: Program
    private var buffer: [Double]
    /// The number of the next iteration, counted from 1.
    public private(set) var iteration: Int

    /// Training `model` from `values` (every declared value, by name; the starting values when nil).
    public init(model: Model, from values: [String: Tensor]? = nil) throws {
        program = model.program
        buffer = try program.buffer(holding: values ?? model.startingValues)
        iteration = 1
    }

    /// Training `model` on from after `numbers`, an iteration of it.
    public init(model: Model, after numbers: IterationNumbers) {
        program = model.program
        buffer = program.template
        buffer.replaceSubrange(0..<numbers.layout.count, with: numbers.scalars)
        iteration = numbers.iteration + 1
        carryUpdates()
    }

    /// The next iteration's numbers. A number outside a function's domain is an error naming the
    /// node, and the iteration after the first.
    public mutating func next() throws(EvaluationError) -> IterationNumbers {
        let program = program
        do {
            try buffer.withUnsafeMutableBufferPointer { buffer throws(EvaluationError) in
                guard let start = buffer.baseAddress else { return }
                try program.forward(start)
                try program.backward(start)
            }
        } catch where iteration > 1 {
            throw EvaluationError("at iteration \(iteration): \(error)")
        }
        let numbers = IterationNumbers(iteration: iteration, layout: program.layout, scalars: Array(buffer[0..<program.layout.count]))
        carryUpdates()
        iteration += 1
        return numbers
    }

    /// Each parameter takes its value after the update.
    private mutating func carryUpdates() {
        for (name, slot) in program.layout.updated {
            guard let parameter = program.layout.value(name) else { continue }
            for offset in 0..<slot.shape.count { buffer[parameter.start + offset] = buffer[slot.start + offset] }
        }
    }
}
