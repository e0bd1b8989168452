/// What an iteration over a model's data set reads, found once for a training: where each
/// number of a row goes in the program's buffer, where the numbers averaged over the rows live,
/// and each parameter with its update.
struct BatchPlan: Sendable {
    /// Where each number of a row goes, column by column; nil for a column naming no declared value.
    let positions: [Int?]
    /// The loss's name.
    let loss: String
    /// Where the loss's value lives, then each parameter's gradient: the numbers averaged over
    /// the rows; nil where there is none.
    let averaged: [Slot?]
    /// Each parameter in the order declared: its name, where its value lives, and its update.
    let parameters: [(name: String, value: Slot?, update: Expr)]
    /// The learning rate's name, and where its value lives.
    let rate: (name: String, slot: Slot?)

    /// The plan of `model` over the rows of `data`.
    init(model: Model, data: DataSet) {
        let layout = model.program.layout
        positions = data.columns.map(layout.position(of:))
        loss = model.loss
        averaged = [layout.value(model.loss)] + model.program.updates.map { layout.gradient($0.parameter) }
        parameters = model.program.updates.map { ($0.parameter, layout.value($0.parameter), $0.expression) }
        rate = (model.rate, layout.value(model.rate))
    }

    /// The numbers of an iteration over `rows` of the data set, given each row's `passes` (which
    /// all start from the same parameters and learning rate): their means, added up from each
    /// pass's numbers in place, and the updates that read them, each parameter
    /// `parameter − η · mean ∂L/∂parameter`, entry by entry.
    func numbers(rows: [Int], passes: [IterationNumbers]) throws -> BatchNumbers {
        guard let first = passes.first else { throw EvaluationError("no rows to average '\(loss)' over") }
        // A scalar not a number where there is nothing to average.
        let missing: ArraySlice<Double> = [.nan]
        var means = averaged.map { slot in RowMean(slot.map(first.numbers(at:)) ?? missing, shape: slot?.shape ?? .scalar) }
        for pass in passes.dropFirst() {
            for (index, slot) in averaged.enumerated() { means[index].add(slot.map(pass.numbers(at:)) ?? missing) }
        }
        let (lossMean, gradientMeans) = (means[0].value, means.dropFirst().map(\.value))
        guard let slot = rate.slot, slot.shape == .scalar, let eta = first.numbers(at: slot).first else {
            throw EvaluationError("no learning rate '\(rate.name)'")
        }
        var updates: [Trace.Update] = []
        for (parameter, mean) in zip(parameters, gradientMeans) {
            guard let slot = parameter.value, slot.shape == mean.shape else { throw EvaluationError("no value of '\(parameter.name)' to update") }
            let updated = zip(first.numbers(at: slot), mean.scalars).map { $0 - eta * $1 }
            updates.append(Trace.Update(parameter: parameter.name, expression: parameter.update, value: Tensor(shape: slot.shape, scalars: updated)))
        }
        let gradients = Dictionary(zip(parameters.map(\.name), gradientMeans), uniquingKeysWith: { first, _ in first })
        return BatchNumbers(rows: passes, batch: BatchNumbers.Means(rows: rows, values: [loss: lossMean], gradients: gradients, updates: updates))
    }
}
