extension Training {
    /// The next iteration over the model's data set: one trace per row of its batch, each
    /// holding that row's forward and backward passes (its `trace(from:)` with the row's numbers
    /// in place), the mean loss and mean gradients over the batch, and the updates that read
    /// them; without a data set, the next iteration's trace alone. Nil after an iteration that
    /// diverged; an iteration after the first that cannot be computed is named in the error.
    public mutating func nextBatch() throws -> [Trace]? {
        guard let data = model.data else { return try next().map { [$0] } }
        guard !diverged else { return nil }
        let traces: [Trace]
        do {
            traces = try model.batch(count, of: data, from: values)
        } catch let error as EvaluationError where count > 0 {
            throw EvaluationError("at iteration \(count + 1): \(error)")
        }
        count += 1
        diverged = traces.first?.diverged ?? true
        values.merge(traces.first?.updated ?? [:]) { _, new in new }
        return traces
    }

    /// The next `iterations` iterations, each as `nextBatch()` gives it; fewer when one diverges.
    public mutating func trainBatches(_ iterations: Int) throws -> [[Trace]] {
        var batches: [[Trace]] = []
        while batches.count < iterations, let batch = try nextBatch() { batches.append(batch) }
        return batches
    }
}

extension Model {
    /// `count` training iterations from the starting values, each as `Training.nextBatch()`
    /// gives it: over the model's data set, one trace per row of the iteration's batch.
    public func train(batches count: Int) throws -> [[Trace]] {
        var training = Training(model: self)
        return try training.trainBatches(count)
    }

    /// The mean loss over `rows` of `data` (0-based; all of them when nil), by forward passes
    /// only, at `values` (the starting values when nil): what training on those rows minimises.
    public func meanLoss(over data: DataSet, rows: [Int]? = nil, at values: [String: Tensor]? = nil) throws -> Double {
        let (rows, start) = (rows ?? Array(data.rows.indices), values ?? startingValues)
        let losses = try rows.map { Tensor(try lossValue(at: data.values(ofRow: $0, in: start))) }
        return try Trace.Mean(node: loss, ofGradient: false, rows: rows, terms: losses).value.scalar
    }

    /// Iteration `index` over `data` from `values`: one trace per row of its batch.
    func batch(_ index: Int, of data: DataSet, from values: [String: Tensor]) throws -> [Trace] {
        let rows = data.rows(forIteration: index)
        let traces = try rows.map { try trace(from: data.values(ofRow: $0, in: values)) }
        let lossMean = try Trace.Mean(node: loss, ofGradient: false, rows: rows, terms: traces.map { $0.values[loss] ?? Tensor(.nan) })
        let gradientMeans = try parameters.map { parameter in
            try Trace.Mean(node: parameter, ofGradient: true, rows: rows, terms: traces.map { $0.gradients[parameter] ?? Tensor(.nan) })
        }
        var evaluator = Evaluator(values: values)
        evaluator.gradients = Dictionary(uniqueKeysWithValues: gradientMeans.map { ($0.node, $0.value) })
        let updates = try parameters.map { parameter in
            let expression = Expr.name(parameter) - Expr.name(rate) * .gradient(parameter)
            return Trace.Update(parameter: parameter, expression: expression, value: try evaluator.evaluate(expression))
        }
        let updated = Dictionary(uniqueKeysWithValues: updates.map { ($0.parameter, $0.value) })
        return zip(rows, traces).map { row, trace in
            Trace(
                forward: trace.forward, backward: trace.backward, updates: updates, values: trace.values, gradients: trace.gradients, updated: updated,
                batch: Trace.Batch(
                    rows: rows, row: row, means: rows.count > 1 ? [lossMean] + gradientMeans : [],
                    values: [loss: lossMean.value], gradients: evaluator.gradients
                )
            )
        }
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
