import BackpropEngine
import TextScreen

/// The loss over two parameters as a shaded map, darker where the loss is higher (each shade a
/// fifth of the map, its levels labelled), with the path gradient descent takes across it: a dot per iteration, the iteration
/// on screen marked, and a point outside the window shown at its edge by an arrow.
struct LandscapeView {
    let map: LossMap
    /// The two parameters at the start of each iteration, then after the last update.
    let path: [(x: Double, y: Double)]
    /// Which point of `path` is the iteration on screen.
    let current: Int
    let notation: Notation
    let glyphs: Glyphs
    let width: Int
    /// Rows of the map.
    let height: Int

    /// The shades from the lowest fifth of the losses to the highest.
    private var shades: [Character] { glyphs.unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", ":", "=", "#"] }

    func lines() -> [Line] {
        let finite = map.losses.filter(\.isFinite)
        guard let high = finite.max() else { return [] }
        let thresholds = levels(finite)
        let (xName, yName) = (notation.name(map.x), notation.name(map.y))
        let labels = [notation.number(map.ys.upperBound), notation.number(map.ys.lowerBound)]
        let labelWidth = max(labels.map(\.count).max() ?? 0, yName.count)
        let columns = max(10, width - labelWidth - 2)
        var cells = (0..<height).map { row in
            (0..<columns).map { column -> (Character, Style) in
                let loss = sample(column: column, of: columns, row: row, of: height)
                let band = loss.isFinite ? thresholds.firstIndex { loss < $0 } ?? thresholds.count : thresholds.count
                return (shades[band], Style(.value))
            }
        }
        for (index, point) in path.enumerated() {
            let (column, row, edge) = place(point, columns: columns)
            let mark: Character = edge ?? (index == current ? (glyphs.unicode ? "●" : "@") : (glyphs.unicode ? "•" : "o"))
            cells[row][column] = (mark, Style(.warning, bold: true, reverse: index == current))
        }
        let dot = glyphs.unicode ? "•" : "o"
        var lines = [Line(glyphs.display("Loss over \(xName) and \(yName), the other values as they start; \(dot) each iteration's \(xName), \(yName)"), Style(.heading))]
        for (row, rowCells) in cells.enumerated() {
            let label = row == 0 ? labels[0] : row == height / 2 ? yName : row == height - 1 ? labels[1] : ""
            var spans = [Span(String(repeating: " ", count: labelWidth - label.count) + label + " " + String(glyphs.vertical), Style(.dim))]
            for (character, style) in rowCells {
                if let last = spans.last, last.style == style, spans.count > 1 {
                    spans[spans.count - 1].text.append(character)
                } else {
                    spans.append(Span(String(character), style))
                }
            }
            lines.append(Line(spans))
        }
        let left = notation.number(map.xs.lowerBound), right = notation.number(map.xs.upperBound)
        let axis = String(repeating: " ", count: labelWidth + 1) + String(glyphs.corners.2) + String(repeating: glyphs.horizontal, count: columns)
        let middle = max(1, columns / 2 - left.count - xName.count / 2)
        let under = String(repeating: " ", count: labelWidth + 2) + left + String(repeating: " ", count: middle) + xName
        let ticks = under + String(repeating: " ", count: max(1, labelWidth + 2 + columns - under.count - right.count)) + right
        lines += [Line(axis, Style(.dim)), Line(ticks, Style(.dim))]
        let bands = thresholds.enumerated().map { "[\(shades[$0.offset])] < \(notation.number($0.element))" }
            + ["[\(shades[thresholds.count])] ≥ \(notation.number(thresholds.last ?? high))"]
        lines += wrap(glyphs.display("L: " + bands.joined(separator: "  ")), width: width).map { Line($0, Style(.dim)) }
        return lines
    }

    /// The loss at the sample nearest to cell (`column`, `row`) of a `columns` × `rows` map.
    private func sample(column: Int, of columns: Int, row: Int, of rows: Int) -> Double {
        let across = columns > 1 ? column * (map.columns - 1) / (columns - 1) : 0
        let up = rows > 1 ? row * (map.rows - 1) / (rows - 1) : 0
        return map.loss(column: across, row: up)
    }

    /// The cell of `point`, and the arrow that stands for it at the edge when it lies outside.
    private func place(_ point: (x: Double, y: Double), columns: Int) -> (column: Int, row: Int, edge: Character?) {
        let across = (point.x - map.xs.lowerBound) / (map.xs.upperBound - map.xs.lowerBound)
        let up = (point.y - map.ys.lowerBound) / (map.ys.upperBound - map.ys.lowerBound)
        let column = Int((across * Double(columns - 1)).rounded()), row = Int(((1 - up) * Double(height - 1)).rounded())
        let arrows: (left: Character, right: Character, up: Character, down: Character) = glyphs.unicode ? ("←", "→", "↑", "↓") : ("<", ">", "^", "v")
        var edge: Character?
        if !(0...1).contains(across) || !across.isFinite { edge = across < 0 ? arrows.left : arrows.right }
        if !(0...1).contains(up) || !up.isFinite { edge = up < 0 ? arrows.down : arrows.up }
        let clamp = { (value: Int, limit: Int) in min(limit - 1, max(0, value)) }
        return (clamp(across.isFinite ? column : 0, columns), clamp(up.isFinite ? row : 0, height), edge)
    }

    /// Four levels that split the map into five bands of equal area: the quintiles of its losses.
    private func levels(_ losses: [Double]) -> [Double] {
        let sorted = losses.sorted()
        return (1...4).map { sorted[min(sorted.count - 1, sorted.count * $0 / 5)] }
    }
}
