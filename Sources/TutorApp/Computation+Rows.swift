import BackpropEngine
import Lessons

extension Computation {
    /// Samples of a decision map across and up: a sample a cell at 80×24, a few cells share one
    /// wider; each is a forward pass at every recomputation.
    static let decisionSamples = (columns: 64, rows: 24)

    /// The value of each node `lesson` shows for the rows of `model`'s data set, at `values`.
    static func rowValues(of lesson: Lesson, model: Model, at values: [String: Tensor]) -> [String: [Tensor]] {
        var found: [String: [Tensor]] = [:]
        for node in lesson.slides.flatMap(\.rowNodes) where model.nodes.contains(node) {
            found[node] = try? model.rowValues(of: node, at: values)
        }
        return found
    }

    /// The decision maps `lesson` shows, at `values`, over the plane of the data set's two
    /// inputs: half their spread beyond the rows on every side.
    static func decisions(of lesson: Lesson, model: Model, at values: [String: Tensor]) -> [Slide.DecisionRequest: NodeMap] {
        guard let data = model.data, data.inputs.count == 2 else { return [:] }
        let window = { (index: Int) -> ClosedRange<Double> in
            let numbers = data.rows.map { $0[index] }
            let (low, high) = (numbers.min() ?? 0, numbers.max() ?? 1)
            let margin = high > low ? (high - low) / 2 : 1
            return (low - margin)...(high + margin)
        }
        var maps: [Slide.DecisionRequest: NodeMap] = [:]
        for request in lesson.slides.flatMap(\.decisions) where model.nodes.contains(request.output) {
            maps[request] = model.nodeMap(
                of: request.output, entry: request.entry, x: data.inputs[0], y: data.inputs[1], xs: window(0), ys: window(1),
                columns: decisionSamples.columns, rows: decisionSamples.rows, at: values
            )
        }
        return maps
    }
}
