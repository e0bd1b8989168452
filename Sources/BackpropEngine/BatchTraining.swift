extension Training {
    /// The next iteration over the model's data set: one trace per row of its batch, each
    /// holding that row's forward and backward passes (its `trace(from:)` with the row's numbers
    /// in place), the mean loss and mean gradients over the batch, and the updates that read
    /// them; without a data set, the next iteration's trace alone. Nil after an iteration that
    /// diverged; an iteration after the first that cannot be computed is named in the error.
    public mutating func nextBatch() throws -> [Trace]? {
        guard let numbers = try nextBatchNumbers() else { return nil }
        let means = model.means(of: numbers)
        return (0..<numbers.rowCount).map { model.trace(of: numbers, row: $0, means: means) }
    }

    /// The next iteration's numbers alone, as `nextBatch()` computes them: each row's of its
    /// batch, their means and the updates. Nil after an iteration that diverged.
    public mutating func nextBatchNumbers() throws -> BatchNumbers? {
        guard let data = model.data, let plan = batchPlan else {
            return try nextNumbers().map { BatchNumbers(passes: Passes($0), batch: nil, diverged: diverged) }
        }
        guard !diverged else { return nil }
        let numbers: BatchNumbers
        do {
            let rows = plan.rows(forIteration: count, of: data)
            var totals = [Double](repeating: .nan, count: plan.count)
            let passes = try passes(placing: rows.lazy.map { data.rows[$0] }, adding: plan, into: &totals)
            numbers = try plan.numbers(rows: rows, passes: passes, totals: &totals)
        } catch let error as EvaluationError where count > 0 {
            throw EvaluationError("at iteration \(count + 1): \(error)")
        }
        count += 1
        diverged = numbers.diverged
        if let means = numbers.batch {
            for (parameter, update) in zip(plan.parameters, plan.updates) {
                if let slot = parameter.value { place(means.numbers[update.range], at: slot) }
            }
        }
        return numbers
    }

    /// The next `iterations` iterations, each as `nextBatch()` gives it; fewer when one diverges.
    public mutating func trainBatches(_ iterations: Int) throws -> [[Trace]] {
        var batches: [[Trace]] = []
        while batches.count < iterations, let batch = try nextBatch() { batches.append(batch) }
        return batches
    }

    /// The numbers alone of the next `iterations` iterations, each as `nextBatchNumbers()` gives
    /// it; fewer when one diverges.
    public mutating func batchNumbers(_ iterations: Int) throws -> [BatchNumbers] {
        var all: [BatchNumbers] = []
        all.reserveCapacity(max(0, iterations))
        while all.count < iterations, let numbers = try nextBatchNumbers() { all.append(numbers) }
        return all
    }
}

/// The numbers of one training iteration, over the rows of its batch when the model trains on a
/// data set: each row's forward and backward passes, the means over the rows, and the updates
/// that read them. What the tutor keeps of every iteration of its table; `Model.trace(of:row:)`
/// adds the formulas for the iteration and row on screen. As a table reads it, the loss and the
/// parameters' gradients are the means over the batch.
public struct BatchNumbers: IterationResults, Sendable {
    /// Each row's numbers, in the order of the batch; without a data set, the iteration's own.
    private let passes: Passes
    /// Over a data set: the rows of the batch, the means over them and the updates that read them.
    let batch: Means?
    /// True when a value, a gradient, a mean or an update is infinite or not a number: training
    /// diverged. Over a data set, as the first row's trace says it.
    public let diverged: Bool

    /// The means over the rows of a batch, and the updates that read them.
    struct Means: Sendable {
        /// The data set's rows the iteration averages over, 0-based, in order.
        let rows: [Int]
        /// The mean loss, each parameter's mean gradient, then each parameter's update, where
        /// `plan` puts them.
        let numbers: [Double]
        /// Where the numbers are.
        let plan: BatchPlan

        /// The mean loss, by the loss's name.
        var values: [String: Tensor] { [plan.loss: tensor(plan.means[0])] }
        /// Each parameter's mean gradient, by name.
        var gradients: [String: Tensor] {
            Dictionary(zip(plan.parameters.map(\.name), plan.means.dropFirst().map(tensor)), uniquingKeysWith: { first, _ in first })
        }
        /// Each parameter's update, in the order declared.
        var updates: [Trace.Update] {
            zip(plan.parameters, plan.updates).map { Trace.Update(parameter: $0.name, expression: $0.update, value: tensor($1)) }
        }

        /// The mean of `name` when it is the loss.
        func value(of name: String) -> Tensor? { name == plan.loss ? tensor(plan.means[0]) : nil }
        /// The mean gradient of the parameter `name`.
        func gradient(of name: String) -> Tensor? {
            plan.parameters.firstIndex { $0.name == name }.map { tensor(plan.means[$0 + 1]) }
        }
        /// The parameter `name` after the update.
        func update(of name: String) -> Tensor? {
            plan.parameters.firstIndex { $0.name == name }.map { tensor(plan.updates[$0]) }
        }

        /// The numbers at `slot`.
        private func tensor(_ slot: Slot) -> Tensor {
            Tensor(shape: slot.shape, scalars: Array(numbers[slot.range]))
        }
    }

    /// The numbers of `passes` and, over a data set, their means and updates `batch`;
    /// `diverged` as the training found it.
    init(passes: Passes, batch: Means?, diverged: Bool) {
        (self.passes, self.batch, self.diverged) = (passes, batch, diverged)
    }

    /// The numbers of `passes`, the rows of an iteration over a data set, and their means and
    /// updates `batch`: diverged, as the first row's trace says it, when a value or gradient of
    /// the first row, a mean or an update is not finite.
    init(passes: Passes, batch: Means) {
        let diverged = passes.count == 0 || !passes[0].valuesAndGradientsFinite || !batch.numbers.allSatisfy(\.isFinite)
        self.init(passes: passes, batch: batch, diverged: diverged)
    }

    /// How many rows the iteration went through: those of its batch, or without a data set, one.
    public var rowCount: Int { passes.count }

    /// The numbers of the row at `index` in the batch; without a data set, the iteration's own.
    public func row(_ index: Int) -> IterationNumbers { passes[index] }

    /// Each row's numbers, in the order of the batch; without a data set, the iteration's own.
    public var rows: [IterationNumbers] { (0..<passes.count).map(row) }

    /// The first row's numbers.
    private var first: IterationNumbers? { passes.count > 0 ? passes[0] : nil }

    /// The value of a declared value or node in the first row (before the update); over the rows
    /// of a data set, the mean loss for the loss.
    public func value(of name: String) -> Tensor? { batch?.value(of: name) ?? first?.value(of: name) }
    /// ∂L/∂`name` in the first row; over the rows of a data set, a parameter's mean gradient.
    public func gradient(of name: String) -> Tensor? { batch?.gradient(of: name) ?? first?.gradient(of: name) }
    /// `parameter` after this iteration's update.
    public func update(of parameter: String) -> Tensor? {
        guard let batch else { return first?.update(of: parameter) }
        return batch.update(of: parameter)
    }

    /// Every value of the first row, by name.
    public var values: [String: Tensor] { first?.values ?? [:] }
    /// Every gradient of the first row, by name.
    public var gradients: [String: Tensor] { first?.gradients ?? [:] }
    /// Each parameter after the update, by name.
    public var updated: [String: Tensor] { batch.map { Self.updated($0.updates) } ?? first?.updated ?? [:] }

    private static func updated(_ updates: [Trace.Update]) -> [String: Tensor] {
        Dictionary(updates.map { ($0.parameter, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}


extension Model {
    /// `count` training iterations from the starting values, each as `Training.nextBatch()`
    /// gives it: over the model's data set, one trace per row of the iteration's batch.
    public func train(batches count: Int) throws -> [[Trace]] {
        var training = Training(model: self)
        return try training.trainBatches(count)
    }

    /// The iteration `numbers` for the row at `row` of its batch, with the formulas behind every
    /// number: over a data set, the row's passes, the means over the batch and the updates.
    public func trace(of numbers: BatchNumbers, row: Int) -> Trace {
        trace(of: numbers, row: row, means: means(of: numbers))
    }

    /// The iteration `numbers` for the row at `row` of its batch, as `trace(of:row:)` gives it,
    /// with `means` the iteration's as `means(of:)` gives them.
    func trace(of numbers: BatchNumbers, row: Int, means: [Trace.Mean]) -> Trace {
        let trace = trace(of: numbers.row(row))
        guard let batch = numbers.batch else { return trace }
        return Trace(
            forward: trace.forward, backward: trace.backward, updates: batch.updates, values: trace.values, gradients: trace.gradients,
            updated: numbers.updated,
            batch: Trace.Batch(rows: batch.rows, row: batch.rows[row], means: means, values: batch.values, gradients: batch.gradients)
        )
    }

    /// The means of the iteration `numbers` as steps, each with its rows' terms: the mean loss,
    /// then each parameter's mean gradient; none without a data set or over one row, whose numbers
    /// are their own mean.
    func means(of numbers: BatchNumbers) -> [Trace.Mean] {
        guard let batch = numbers.batch, batch.rows.count > 1 else { return [] }
        let lossMean = Trace.Mean(
            node: loss, ofGradient: false, rows: batch.rows, terms: numbers.rows.map { $0.value(of: loss) ?? Tensor(.nan) },
            value: batch.values[loss] ?? Tensor(.nan)
        )
        return [lossMean] + parameters.map { parameter in
            Trace.Mean(
                node: parameter, ofGradient: true, rows: batch.rows, terms: numbers.rows.map { $0.gradient(of: parameter) ?? Tensor(.nan) },
                value: batch.gradients[parameter] ?? Tensor(.nan)
            )
        }
    }

    /// The mean loss over `rows` of `data` (0-based; all of them when nil), by forward passes
    /// only, at `values` (the starting values when nil): what training on those rows minimises.
    public func meanLoss(over data: DataSet, rows: [Int]? = nil, at values: [String: Tensor]? = nil) throws -> Double {
        let (rows, start) = (rows ?? Array(data.rows.indices), values ?? startingValues)
        let losses = try rows.map { Tensor(try lossValue(at: data.values(ofRow: $0, in: start))) }
        return try Trace.Mean(node: loss, ofGradient: false, rows: rows, terms: losses).value.scalar
    }
}

extension Model {
    /// For an iteration over rows of the data set (`trace` one of its traces): the central
    /// differences of every entry of every parameter, the mean loss over the iteration's rows
    /// computed with the entry nudged up and down by `epsilon`: what each mean gradient is
    /// checked against. Without a batch, `centralDifferences(of:)`.
    public func meanCentralDifferences(of trace: Trace, epsilon: Double = 1e-6) throws -> [String: [CentralDifference]] {
        guard let batch = trace.batch, let data else { return try centralDifferences(of: trace, epsilon: epsilon) }
        var differences: [String: [CentralDifference]] = [:]
        for parameter in parameters {
            differences[parameter] = try centralDifferences(of: parameter, in: trace.values, epsilon: epsilon) {
                try meanLoss(over: data, rows: batch.rows, at: $0)
            }
        }
        return differences
    }
}
