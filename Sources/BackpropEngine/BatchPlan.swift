/// What an iteration over a model's data set reads, found once for a training: where each
/// number of a row goes in the program's buffer, where the numbers averaged over the rows live,
/// each parameter with its update, and where each of the iteration's own numbers (the means and
/// the updates) goes in one flat array. Shared, never changed: every iteration's numbers hold it.
final class BatchPlan: Sendable {
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
    /// Where in an iteration's means the mean of each of `averaged` goes (a scalar not a number
    /// where there is nothing to average), then each parameter's update.
    let means: [Slot]
    /// Where each parameter's update goes among an iteration's means.
    let updates: [Slot]
    /// How many numbers an iteration's means and updates take.
    let count: Int
    /// Every row of the data set, in order: what an iteration over all of them goes through.
    private let allRows: [Int]

    /// The plan of `model` over the rows of `data`.
    init(model: Model, data: DataSet) {
        let layout = model.program.layout
        positions = data.columns.map(layout.position(of:))
        loss = model.loss
        averaged = [layout.value(model.loss)] + model.program.updates.map { layout.gradient($0.parameter) }
        parameters = model.program.updates.map { ($0.parameter, layout.value($0.parameter), $0.expression) }
        rate = (model.rate, layout.value(model.rate))
        var count = 0
        func next(_ shape: Shape) -> Slot {
            defer { count += shape.count }
            return Slot(start: count, shape: shape)
        }
        means = averaged.map { next($0?.shape ?? .scalar) }
        updates = parameters.map { next($0.value?.shape ?? .scalar) }
        self.count = count
        allRows = Array(data.rows.indices)
    }

    /// The rows of `data`, this plan's data set, that iteration `iteration` (0-based) goes
    /// through, as `DataSet.rows(forIteration:)` gives them.
    func rows(forIteration iteration: Int, of data: DataSet) -> [Int] {
        data.isFullBatch ? allRows : data.rows(forIteration: iteration)
    }

    /// Adds the numbers to average of a row whose passes just ran in `pass` to `totals`, where
    /// `means` puts them: the first row's in place, each next row's added to the total of the rows
    /// before it, entry by entry.
    func add(_ pass: UnsafePointer<Double>, to totals: UnsafeMutablePointer<Double>, first: Bool) {
        for (source, mean) in zip(averaged, means) {
            guard let source else { continue }
            for offset in 0..<source.shape.count {
                if first { totals[mean.start + offset] = pass[source.start + offset] } else { totals[mean.start + offset] += pass[source.start + offset] }
            }
        }
    }

    /// The numbers of an iteration over `rows` of the data set, given each row's `passes` (which
    /// all start from the same parameters and learning rate) and `totals`, their numbers added up
    /// by `add` (not a number where there is nothing to average): their means, the totals divided
    /// by the rows' count, and the updates that read them, each parameter
    /// `parameter − η · mean ∂L/∂parameter`, entry by entry. The means and updates are worked out
    /// in `totals` itself, which the iteration's numbers then hold.
    func numbers(rows: [Int], passes: Passes, totals numbers: inout [Double]) throws -> BatchNumbers {
        guard passes.count > 0 else { throw EvaluationError("no rows to average '\(loss)' over") }
        let first = passes[0]
        guard let slot = rate.slot, slot.shape == .scalar, let eta = first.numbers(at: slot).first else {
            throw EvaluationError("no learning rate '\(rate.name)'")
        }
        for (parameter, mean) in zip(parameters, means.dropFirst()) {
            guard let slot = parameter.value, slot.shape == mean.shape else { throw EvaluationError("no value of '\(parameter.name)' to update") }
        }
        let (averaged, means) = (self.averaged, self.means)
        numbers.withUnsafeMutableBufferPointer { numbers in
            for (source, mean) in zip(averaged, means) where source != nil {
                for offset in mean.range { numbers[offset] /= Double(passes.count) }
            }
            for ((parameter, mean), update) in zip(zip(parameters, means.dropFirst()), updates) {
                guard let slot = parameter.value else { continue }
                first.withNumbers(at: slot) { value in
                    for offset in value.indices { numbers[update.start + offset] = value[offset] - eta * numbers[mean.start + offset] }
                }
            }
        }
        return BatchNumbers(passes: passes, batch: BatchNumbers.Means(rows: rows, numbers: numbers, plan: self))
    }
}
