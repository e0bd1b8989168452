import BackpropEngine
import TextScreen

/// The rows of a data set with a node's value in each after the last update, next to the
/// row's targets: a row is right when every entry of the node, as shown, is within one half of
/// the target of its shape (a probability on the right side of one half).
struct RowsView {
    let model: Model
    let data: DataSet
    /// The node shown.
    let node: String
    /// Its value in each row.
    let values: [Tensor]
    /// How many iterations trained the values.
    let iterations: Int
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    func lines() -> [Line] {
        let targets = data.rows.indices.map { target(ofRow: $0) }
        let right = zip(values, targets).map { value, target in target.map { isRight(value, $0) } }
        let marks = right.map { $0.map { $0 ? (glyphs.unicode ? "✓" : "ok") : (glyphs.unicode ? "✗" : "no") } ?? "" }
        let nodeColumns = (values.first?.scalars.indices).map { indices in
            indices.map { notation.column(DataSet.Column(name: node, entry: values.first?.shape == .scalar ? nil : $0)) }
        } ?? []
        let bar = String(glyphs.vertical)
        let header = ["#"] + data.inputs.map(notation.column) + [bar] + data.targets.map(notation.column) + [bar] + nodeColumns + [""]
        let rows = data.rows.indices.map { index in
            let numbers = data.rows[index].map(notation.number)
            return ["\(index + 1)"] + numbers.prefix(data.inputs.count) + [bar] + numbers.dropFirst(data.inputs.count) + [bar]
                + values[index].scalars.map(notation.number) + [marks[index]]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let line = { (cells: [String]) in
            cells.enumerated().map { String(repeating: " ", count: widths[$0.offset] - $0.element.count) + $0.element }.joined(separator: "  ")
        }
        let count = right.compactMap { $0 }.filter { $0 }.count
        let tally = right.contains(nil) ? "" : ": \(count) of \(right.count) rows right"
        let title = "After \(iterations) \(model.iterationName)\(iterations == 1 ? "" : "s")\(tally)"
        var lines = wrap(glyphs.display(title), width: width).map { Line($0, Style(.heading)) }
        lines.append(Line(glyphs.display(line(header)), Style(.heading, underline: true)))
        for (index, row) in rows.enumerated() {
            let text = glyphs.display(line(row))
            let mark = marks[index]
            let style = Style(right[index] == true ? .update : .warning, bold: true)
            lines.append(Line([Span(String(text.dropLast(mark.count))), Span(String(text.suffix(mark.count)), style)]))
        }
        return lines
    }

    /// The value of the target with the node's shape in row `row`, if the model has one such
    /// target.
    private func target(ofRow row: Int) -> Tensor? {
        let shape = values.first?.shape
        let candidates = model.variables.filter { $0.role == .target && $0.value.shape == shape }
        guard candidates.count == 1, let name = candidates.first?.name else { return nil }
        return data.values(ofRow: row, in: model.startingValues)[name]
    }

    /// True when every entry of `value`, rounded to the decimals shown, is within one half of
    /// `target`'s: a probability shown as 0.50 is right for no target.
    private func isRight(_ value: Tensor, _ target: Tensor) -> Bool {
        let scale = (0..<notation.precision).reduce(1.0) { product, _ in product * 10 }
        return zip(value.scalars, target.scalars).allSatisfy { abs(($0 * scale).rounded() / scale - $1) < 0.5 }
    }
}
