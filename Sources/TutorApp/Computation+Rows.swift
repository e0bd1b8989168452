import BackpropEngine
import Lessons

extension Computation {
    /// Samples of a decision map across and up: a sample a cell at 80×24, a few cells share one
    /// wider; each is a forward pass whenever the map is worked out.
    static let decisionSamples = (columns: 64, rows: 24)

    /// The value of each node of `nodes` in every row of `model`'s data set, after `last`'s
    /// update (the starting values without one); none without a data set.
    static func rowValues(_ nodes: [String], of model: Model, after last: BatchNumbers?) -> [String: [Tensor]] {
        guard model.data != nil else { return [:] }
        let values = model.values(after: last)
        var rowValues: [String: [Tensor]] = [:]
        for node in nodes where model.nodes.contains(node) {
            rowValues[node] = try? model.rowValues(of: node, at: values)
        }
        return rowValues
    }

    /// The same computation with each decision map `slide` shows, over its window, after the
    /// last iteration's update; none without a data set of two inputs or when the engine could
    /// not compute.
    func withDecisions(of slide: Slide) -> Computation {
        guard let model, let data = model.data, data.inputs.count == 2, failure == nil else { return self }
        let missing = slide.decisions.filter { decisions[$0] == nil && model.nodes.contains($0.output) }
        guard !missing.isEmpty else { return self }
        let values = model.values(after: iterations.last)
        // Half the rows' spread beyond them on every side.
        let window = { (index: Int) -> ClosedRange<Double> in
            let numbers = data.rows.map { $0[index] }
            let (low, high) = (numbers.min() ?? 0, numbers.max() ?? 1)
            let margin = high > low ? (high - low) / 2 : 1
            return (low - margin)...(high + margin)
        }
        var computed = self
        for request in missing where computed.decisions[request] == nil {
            computed.decisions[request] = model.nodeMap(
                of: request.output, entry: request.entry, x: data.inputs[0], y: data.inputs[1], xs: window(0), ys: window(1),
                columns: Computation.decisionSamples.columns, rows: Computation.decisionSamples.rows, at: values
            )
        }
        return computed
    }
}

extension Model {
    /// Every declared value after `last`'s update: the starting values without one.
    fileprivate func values(after last: BatchNumbers?) -> [String: Tensor] {
        startingValues.merging(last?.updated ?? [:]) { _, new in new }
    }
}
