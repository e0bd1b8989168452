import BackpropEngine
import Lessons

extension Computation {
    /// Samples of a decision map across and up: a sample a cell at 80×24, a few cells share one
    /// wider; each is a forward pass at every recomputation.
    static let decisionSamples = (columns: 64, rows: 24)

    /// The network after `last`'s update (the starting values without one), as the lesson shows
    /// it over `model`'s data set: the value of each node of `shown.rows` in every row, and each
    /// decision map of `shown.decisions`.
    static func network(
        _ shown: (rows: [String], decisions: [Slide.DecisionRequest]), of model: Model, after last: BatchNumbers?
    ) -> (rowValues: [String: [Tensor]], decisions: [Slide.DecisionRequest: NodeMap]) {
        guard let data = model.data else { return ([:], [:]) }
        let values = model.startingValues.merging(last?.updated ?? [:]) { _, new in new }
        var rowValues: [String: [Tensor]] = [:]
        for node in shown.rows where model.nodes.contains(node) {
            rowValues[node] = try? model.rowValues(of: node, at: values)
        }
        var decisions: [Slide.DecisionRequest: NodeMap] = [:]
        guard data.inputs.count == 2 else { return (rowValues, decisions) }
        // Half the rows' spread beyond them on every side.
        let window = { (index: Int) -> ClosedRange<Double> in
            let numbers = data.rows.map { $0[index] }
            let (low, high) = (numbers.min() ?? 0, numbers.max() ?? 1)
            let margin = high > low ? (high - low) / 2 : 1
            return (low - margin)...(high + margin)
        }
        for request in shown.decisions where model.nodes.contains(request.output) && decisions[request] == nil {
            decisions[request] = model.nodeMap(
                of: request.output, entry: request.entry, x: data.inputs[0], y: data.inputs[1], xs: window(0), ys: window(1),
                columns: decisionSamples.columns, rows: decisionSamples.rows, at: values
            )
        }
        return (rowValues, decisions)
    }
}
