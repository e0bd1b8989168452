import BackpropEngine
import TextScreen

/// The JSON document of `print --json`:
/// `{"lesson": id, "eta": η, "iterations": [{"values": {…}, "gradients": {…}, "updated": {…}}]}`;
/// over a data set, each iteration is
/// `{"rows": [{"row": 1, "values": {…}, "gradients": {…}}, …], "loss": L, "gradients": {…}, "updated": {…}}`:
/// every row's values and gradients, the mean loss and each parameter's mean gradient. Every
/// number at full precision (the shortest decimal that reads back the same `Double`),
/// vectors as arrays, matrices as arrays of rows, and non-finite numbers as null. Strings escape
/// every character a terminal would act on (`Unicode.Scalar.actsOnTerminal`) as `\uXXXX`. Written
/// in parts, so that each iteration can be written as it is computed: the opening, the iterations
/// one line each with `separator` between them, and the closing.
struct JSONReport {
    let lesson: String
    let model: Model

    /// What comes before the iterations.
    var opening: String {
        "{\"lesson\": \(string(lesson)), \"eta\": \(number(model.learningRate)), \"iterations\": [\n"
    }

    /// What stands between two iterations.
    static let separator = ",\n"

    /// What comes after the iterations.
    static let closing = "\n]}"

    /// One iteration, given as its traces (one per row of its batch over a data set, one
    /// otherwise), on one line, or over a data set a line per row; with `numeric`, each node's
    /// central-difference estimate of its gradient (in each row) under `"numeric"`, beside
    /// `"gradients"`.
    func iteration(_ traces: [Trace], numeric: [[String: Tensor]]? = nil) -> String {
        let updated = "\"updated\": \(object(model.parameters, traces.first?.updated ?? [:]))"
        let passes = traces.enumerated().map { index, trace in
            "\"values\": \(object(model.nodes, trace.values)), \"gradients\": \(object(model.nodes, trace.gradients)), "
                + (numeric.map { "\"numeric\": \(object(model.nodes, $0.indices.contains(index) ? $0[index] : [:])), " } ?? "")
        }
        guard let mean = traces.first?.batch else { return "    {" + passes.joined() + updated + "}" }
        let rows = zip(traces, passes).map { trace, pass in "{\"row\": \((trace.batch?.row ?? 0) + 1), " + pass.dropLast(2) + "}" }
        let loss = mean.values[model.loss].map(tensor) ?? "null"
        return "    {\"rows\": [\n        " + rows.joined(separator: ",\n        ") + "\n    ], \"loss\": \(loss), "
            + "\"gradients\": \(object(model.parameters, mean.gradients)), \(updated)}"
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
            case _ where scalar.actsOnTerminal:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
