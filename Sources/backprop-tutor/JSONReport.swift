import BackpropEngine
import TextScreen

/// The JSON document of `print --json`:
/// `{"lesson": id, "eta": η, "iterations": [{"values": {…}, "gradients": {…}, "updated": {…}}]}`,
/// every number at full precision (the shortest decimal that reads back the same `Double`),
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

    /// One iteration, on one line; with `numeric`, each node's central-difference estimate of
    /// its gradient under `"numeric"`, beside `"gradients"`.
    func iteration(_ iteration: some IterationResults, numeric: [String: Tensor]? = nil) -> String {
        "    {\"values\": \(object(model.nodes, iteration.value)), \"gradients\": \(object(model.nodes, iteration.gradient)), "
            + (numeric.map { numeric in "\"numeric\": \(object(model.nodes) { numeric[$0] }), " } ?? "")
            + "\"updated\": \(object(model.parameters, iteration.update))}"
    }

    private func object(_ names: [String], _ value: (String) -> Tensor?) -> String {
        "{" + names.compactMap { name in value(name).map { "\(string(name)): \(tensor($0))" } }.joined(separator: ", ") + "}"
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
