import BackpropEngine

/// The JSON document of `print --json`:
/// `{"lesson": id, "eta": η, "iterations": [{"values": {…}, "gradients": {…}, "updated": {…}}]}`;
/// over a data set, each iteration is
/// `{"rows": [{"row": 1, "values": {…}, "gradients": {…}}, …], "loss": L, "gradients": {…}, "updated": {…}}`:
/// every row's values and gradients, the mean loss and each parameter's mean gradient. Every
/// number at full precision (the shortest decimal that reads back the same `Double`), vectors
/// as arrays, matrices as arrays of rows, and non-finite numbers as null.
struct JSONReport {
    let lesson: String
    let model: Model
    /// Each iteration's traces, one per row of its batch (one without a data set).
    let batches: [[Trace]]

    /// The document, one line per iteration.
    var text: String {
        let iterations = batches.compactMap { batch -> String? in
            guard let first = batch.first else { return nil }
            let updated = "\"updated\": \(object(model.parameters, first.updated))"
            guard let mean = first.batch else {
                return "    {\"values\": \(object(model.nodes, first.values)), \"gradients\": \(object(model.nodes, first.gradients)), \(updated)}"
            }
            let rows = batch.map { trace in
                "{\"row\": \((trace.batch?.row ?? 0) + 1), \"values\": \(object(model.nodes, trace.values)), \"gradients\": \(object(model.nodes, trace.gradients))}"
            }
            let loss = mean.values[model.loss].map(tensor) ?? "null"
            return "    {\"rows\": [\n        " + rows.joined(separator: ",\n        ") + "\n    ], \"loss\": \(loss), "
                + "\"gradients\": \(object(model.parameters, mean.gradients)), \(updated)}"
        }
        return "{\"lesson\": \(string(lesson)), \"eta\": \(number(model.learningRate)), \"iterations\": [\n"
            + iterations.joined(separator: ",\n") + "\n]}"
    }

    private func object(_ names: [String], _ values: [String: Tensor]) -> String {
        "{" + names.compactMap { name in values[name].map { "\(string(name)): \(tensor($0))" } }.joined(separator: ", ") + "}"
    }

    private func tensor(_ value: Tensor) -> String {
        value.written(number)
    }

    private func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    private func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
