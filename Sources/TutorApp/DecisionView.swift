import BackpropEngine
import TextScreen

/// A node over the plane of a data set's two inputs as a shaded map, darker where it is
/// higher (a probability in fifths, anything else in quintiles of the map), with each row of
/// the data set marked at its inputs by its class: the number of its target's largest entry,
/// or a scalar target rounded.
struct DecisionView {
    let map: NodeMap
    let model: Model
    let data: DataSet
    /// How many iterations trained the values mapped.
    let iterations: Int
    let notation: Notation
    let glyphs: Glyphs
    let width: Int
    /// Rows of the map.
    let height: Int

    func lines() -> [Line] {
        let finite = map.values.filter(\.isFinite)
        guard !finite.isEmpty else { return [] }
        let probability = finite.allSatisfy { (0...1).contains($0) }
        let shaded = ShadedMap(
            samples: map, names: (notation.column(map.x), notation.column(map.y)),
            levels: probability ? [0.2, 0.4, 0.6, 0.8] : ShadedMap.quintiles(finite), notation: notation, glyphs: glyphs, width: width, height: height
        )
        let classes = data.rows.indices.map(self.class(ofRow:))
        let marks = zip(data.rows, classes).compactMap { row, label -> ShadedMap.Mark? in
            guard let label, let character = label.first else { return nil }
            let (column, line, _) = shaded.cell(of: (row[0], row[1]))
            return ShadedMap.Mark(column: column, row: line, character: character, style: Style(.warning, bold: true, reverse: true))
        }
        let output = notation.column(DataSet.Column(name: map.node, entry: map.entry))
        let unit = model.iterationName + (iterations == 1 ? "" : "s")
        let title = "\(output) over \(shaded.names.x) and \(shaded.names.y) after \(iterations) \(unit)"
        let labels = Array(Set(classes.compactMap { $0 })).sorted()
        let legend = labels.isEmpty ? [] : wrap(glyphs.display("\(labels.joined(separator: ", ")): each row at its inputs, marked with its class, \(classRule)"), width: width)
        return shaded.lines(title: title, quantity: output, marks: marks) + legend.map { Line($0, Style(.dim)) }
    }

    /// The first target the data set gives.
    private var target: String? { data.targets.first?.name }

    /// How a row's class is read from its target.
    private var classRule: String {
        guard let target else { return "" }
        return model.variable(target)?.value.shape == .scalar ? "\(notation.name(target)) rounded" : "the number of \(notation.name(target))'s largest entry"
    }

    /// The class of row `row`: the number of its target's largest entry, or a scalar target rounded.
    private func `class`(ofRow row: Int) -> String? {
        guard let target, let value = data.values(ofRow: row, in: model.startingValues)[target] else { return nil }
        if value.shape == .scalar { return value.scalar.isFinite ? "\(Int(value.scalar.rounded()))" : nil }
        guard let largest = value.scalars.indices.max(by: { value.scalars[$0] < value.scalars[$1] }) else { return nil }
        return "\(largest + 1)"
    }
}
