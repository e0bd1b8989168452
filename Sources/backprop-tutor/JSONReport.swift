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
/// one line each with `separator` between them, and the closing; an iteration's UTF-8 text is
/// added to a buffer of bytes, which is reused from one iteration to the next.
struct JSONReport {
    let lesson: String
    let model: Model
    /// The model's nodes and its parameters, each with its key as written: `"W": `.
    private let nodes: [Key], parameters: [Key]

    /// A name and its key as written, `"name": `.
    private typealias Key = (name: String, written: [UInt8])

    /// The report of `model`'s training for the lesson `lesson`.
    init(lesson: String, model: Model) {
        self.lesson = lesson
        self.model = model
        let key = { (name: String) in (name, Array((name.jsonQuoted + ": ").utf8)) }
        nodes = model.nodes.map(key)
        parameters = model.parameters.map(key)
    }

    /// What comes before the iterations.
    var opening: String {
        "{\"lesson\": \(lesson.jsonQuoted), \"eta\": \(number(model.learningRate)), \"iterations\": [\n"
    }

    /// What stands between two iterations.
    static let separator = ",\n"

    /// What comes after the iterations.
    static let closing = "\n]}"

    /// One iteration of a model without a data set from its numbers alone, on one line, added to
    /// `text`: what `iteration(_:numeric:into:)` writes for its trace.
    func iteration(_ numbers: IterationNumbers, into text: inout [UInt8]) {
        text.append(contentsOf: "    {".utf8)
        pass(values: numbers.value(of:), gradients: numbers.gradient(of:), numeric: nil, into: &text)
        updated(numbers.update(of:), into: &text)
        text.append(UInt8(ascii: "}"))
    }

    /// One iteration, given as its traces (one per row of its batch over a data set, one
    /// otherwise), on one line, or over a data set a line per row, added to `text`; with
    /// `numeric`, each node's central-difference estimate of its gradient (in each row) under
    /// `"numeric"`, beside `"gradients"`.
    func iteration(_ traces: [Trace], numeric: [[String: Tensor]]? = nil, into text: inout [UInt8]) {
        let estimates = { (index: Int) in numeric.map { $0.indices.contains(index) ? $0[index] : [:] } }
        let updates = traces.first?.updated ?? [:]
        guard let mean = traces.first?.batch else {
            text.append(contentsOf: "    {".utf8)
            if let trace = traces.first {
                pass(values: { trace.values[$0] }, gradients: { trace.gradients[$0] }, numeric: estimates(0), into: &text)
            }
            updated({ updates[$0] }, into: &text)
            text.append(UInt8(ascii: "}"))
            return
        }
        text.append(contentsOf: "    {\"rows\": [\n        ".utf8)
        for (index, trace) in traces.enumerated() {
            if index > 0 { text.append(contentsOf: ",\n        ".utf8) }
            text.append(contentsOf: "{\"row\": \((trace.batch?.row ?? 0) + 1), ".utf8)
            pass(values: { trace.values[$0] }, gradients: { trace.gradients[$0] }, numeric: estimates(index), into: &text)
            text.removeLast(2)
            text.append(UInt8(ascii: "}"))
        }
        text.append(contentsOf: "\n    ], \"loss\": ".utf8)
        if let loss = mean.values[model.loss] { tensor(loss, into: &text) } else { text.append(contentsOf: "null".utf8) }
        text.append(contentsOf: ", \"gradients\": ".utf8)
        object(parameters, { mean.gradients[$0] }, into: &text)
        text.append(contentsOf: ", ".utf8)
        updated({ updates[$0] }, into: &text)
        text.append(UInt8(ascii: "}"))
    }

    /// `"values": {…}, "gradients": {…}, ` and, with `numeric`, `"numeric": {…}, `.
    private func pass(
        values: (String) -> Tensor?, gradients: (String) -> Tensor?, numeric: [String: Tensor]?, into text: inout [UInt8]
    ) {
        text.append(contentsOf: "\"values\": ".utf8)
        object(nodes, values, into: &text)
        text.append(contentsOf: ", \"gradients\": ".utf8)
        object(nodes, gradients, into: &text)
        text.append(contentsOf: ", ".utf8)
        if let numeric {
            text.append(contentsOf: "\"numeric\": ".utf8)
            object(nodes, { numeric[$0] }, into: &text)
            text.append(contentsOf: ", ".utf8)
        }
    }

    /// `"updated": {…}`.
    private func updated(_ values: (String) -> Tensor?, into text: inout [UInt8]) {
        text.append(contentsOf: "\"updated\": ".utf8)
        object(parameters, values, into: &text)
    }

    /// `{"name": value, …}` for each of `keys` that `values` has.
    private func object(_ keys: [Key], _ values: (String) -> Tensor?, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "{"))
        var first = true
        for key in keys {
            guard let value = values(key.name) else { continue }
            if !first { text.append(contentsOf: ", ".utf8) }
            first = false
            text.append(contentsOf: key.written)
            tensor(value, into: &text)
        }
        text.append(UInt8(ascii: "}"))
    }

    /// A number, `[a, b]` or `[[a, b], [c, d]]`.
    private func tensor(_ value: Tensor, into text: inout [UInt8]) {
        guard case .matrix(let rows, let columns) = value.shape else {
            if case .scalar = value.shape { return number(value.scalar, into: &text) }
            return list(value.scalars[...], into: &text)
        }
        text.append(UInt8(ascii: "["))
        for row in 0..<rows {
            if row > 0 { text.append(contentsOf: ", ".utf8) }
            list(value.scalars[row * columns..<(row + 1) * columns], into: &text)
        }
        text.append(UInt8(ascii: "]"))
    }

    /// `[a, b]`.
    private func list(_ scalars: ArraySlice<Double>, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "["))
        for (index, scalar) in zip(scalars.indices, scalars) {
            if index > scalars.startIndex { text.append(contentsOf: ", ".utf8) }
            number(scalar, into: &text)
        }
        text.append(UInt8(ascii: "]"))
    }

    private func number(_ value: Double, into text: inout [UInt8]) {
        text.append(contentsOf: number(value).utf8)
    }

    private func number(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }
}
