extension Model {
    /// `count` training iterations over the model's data set from the starting values, each
    /// starting where the last one's updates left the parameters: every row of the iteration's
    /// batch worked out by `trace(from:)` with the row's numbers in place, then the mean loss
    /// and the mean gradients, and the updates that read them. Each iteration gives one trace
    /// per row of its batch, each holding that row's forward and backward passes, the means and
    /// the updates. Stops after the first iteration that diverged; an iteration after the first
    /// that cannot be computed is named in the error. Without a data set, `train(iterations:)`
    /// in traces of one each.
    public func train(batches count: Int) throws -> [[Trace]] {
        guard let data else { return try train(iterations: count).map { [$0] } }
        var iterations: [[Trace]] = []
        var values = startingValues
        for index in 0..<count {
            let traces: [Trace]
            do {
                traces = try batch(index, of: data, from: values)
            } catch let error as EvaluationError where !iterations.isEmpty {
                throw EvaluationError("at iteration \(iterations.count + 1): \(error)")
            }
            iterations.append(traces)
            guard let first = traces.first, !first.diverged else { break }
            values.merge(first.updated) { _, new in new }
        }
        return iterations
    }

    /// The mean loss over the rows of `data`, by forward passes only, at `values` (the starting
    /// values when nil): what training on all of them at once minimises.
    public func meanLoss(over data: DataSet, at values: [String: Tensor]? = nil) throws -> Double {
        let start = values ?? startingValues
        let losses = try data.rows.indices.map { Tensor(try lossValue(at: data.values(ofRow: $0, in: start))) }
        return try Trace.Mean(node: loss, ofGradient: false, rows: Array(data.rows.indices), terms: losses).value.scalar
    }

    /// Iteration `index` over `data` from `values`: one trace per row of its batch.
    private func batch(_ index: Int, of data: DataSet, from values: [String: Tensor]) throws -> [Trace] {
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
