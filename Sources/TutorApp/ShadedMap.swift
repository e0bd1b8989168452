import BackpropEngine
import TextScreen

/// Numbers sampled over a grid of two values: what a shaded map draws.
protocol PlaneSamples {
    /// The values across, from the left edge to the right.
    var xs: ClosedRange<Double> { get }
    /// The values up, from the bottom edge to the top.
    var ys: ClosedRange<Double> { get }
    /// Samples across.
    var columns: Int { get }
    /// Samples up.
    var rows: Int { get }
    /// The number at sample column `column` of row `row` (0 is the top); NaN where there is none.
    func value(column: Int, row: Int) -> Double
}

extension LossMap: PlaneSamples {
    func value(column: Int, row: Int) -> Double { loss(column: column, row: row) }
}

extension NodeMap: PlaneSamples {}

/// A map of numbers over two values drawn in five shades, darker where the number is higher,
/// with the ends of both axes labelled, marks drawn over it, and a legend of the shades' levels.
struct ShadedMap {
    let samples: any PlaneSamples
    /// The names of the values across and up, as written on the axes.
    let names: (x: String, y: String)
    /// Four levels, rising: a number below the first is the lightest shade, one from the last
    /// up (or not a number) the darkest.
    let levels: [Double]
    let notation: Notation
    let glyphs: Glyphs
    let width: Int
    /// Rows of the map.
    let height: Int

    /// A character drawn over a cell of the map.
    struct Mark {
        let column: Int
        let row: Int
        let character: Character
        let style: Style
    }

    /// The shades from the lowest level to the highest.
    private var shades: [Character] { glyphs.unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", ":", "=", "#"] }

    /// The labels of the top and bottom of the axis up.
    private var labels: [String] { [notation.number(samples.ys.upperBound), notation.number(samples.ys.lowerBound)] }

    /// Columns left of the map: the labels of the axis up.
    private var labelWidth: Int { max(labels.map(\.count).max() ?? 0, names.y.count) }

    /// Cells across.
    var columns: Int { max(10, width - labelWidth - 2) }

    /// The lines: `title`, the map with `marks` over it, the axis across, and the legend of
    /// the shades, which names the numbers `quantity`.
    func lines(title: String, quantity: String, marks: [Mark]) -> [Line] {
        let columns = self.columns
        var cells = (0..<height).map { row in
            (0..<columns).map { column -> (Character, Style) in
                let value = sample(column: column, of: columns, row: row)
                let band = value.isFinite ? levels.firstIndex { value < $0 } ?? levels.count : levels.count
                return (shades[band], Style(.value))
            }
        }
        for mark in marks where cells.indices.contains(mark.row) && cells[mark.row].indices.contains(mark.column) {
            cells[mark.row][mark.column] = (mark.character, mark.style)
        }
        var lines = [Line(glyphs.display(title), Style(.heading))]
        for (row, rowCells) in cells.enumerated() {
            let label = row == 0 ? labels[0] : row == height / 2 ? names.y : row == height - 1 ? labels[1] : ""
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
        let left = notation.number(samples.xs.lowerBound), right = notation.number(samples.xs.upperBound)
        let axis = String(repeating: " ", count: labelWidth + 1) + String(glyphs.corners.2) + String(repeating: glyphs.horizontal, count: columns)
        let middle = max(1, columns / 2 - left.count - names.x.count / 2)
        let under = String(repeating: " ", count: labelWidth + 2) + left + String(repeating: " ", count: middle) + names.x
        let ticks = under + String(repeating: " ", count: max(1, labelWidth + 2 + columns - under.count - right.count)) + right
        lines += [Line(axis, Style(.dim)), Line(ticks, Style(.dim))]
        let bands = levels.enumerated().map { "[\(shades[$0.offset])] < \(notation.number($0.element))" }
            + ["[\(shades[levels.count])] ≥ \(levels.last.map(notation.number) ?? "")"]
        lines += wrap(glyphs.display("\(quantity): " + bands.joined(separator: "  ")), width: width).map { Line($0, Style(.dim)) }
        return lines
    }

    /// The cell of `point`, and the arrow that stands for it at the edge when it lies outside.
    func cell(of point: (x: Double, y: Double)) -> (column: Int, row: Int, edge: Character?) {
        let (xs, ys, columns) = (samples.xs, samples.ys, self.columns)
        let across = (point.x - xs.lowerBound) / (xs.upperBound - xs.lowerBound)
        let up = (point.y - ys.lowerBound) / (ys.upperBound - ys.lowerBound)
        // A point far outside (but finite) lands on the edge: clamped first, it fits in an Int.
        let near = { (fraction: Double) in min(max(fraction, -1), 2) }
        let column = Int((near(across) * Double(columns - 1)).rounded()), row = Int(((1 - near(up)) * Double(height - 1)).rounded())
        let arrows: (left: Character, right: Character, up: Character, down: Character) = glyphs.unicode ? ("←", "→", "↑", "↓") : ("<", ">", "^", "v")
        var edge: Character?
        if !(0...1).contains(across) || !across.isFinite { edge = across < 0 ? arrows.left : arrows.right }
        if !(0...1).contains(up) || !up.isFinite { edge = up < 0 ? arrows.down : arrows.up }
        let clamp = { (value: Int, limit: Int) in min(limit - 1, max(0, value)) }
        return (clamp(across.isFinite ? column : 0, columns), clamp(up.isFinite ? row : 0, height), edge)
    }

    /// The number at the sample nearest to cell (`column`, `row`) of a map `columns` cells wide.
    private func sample(column: Int, of columns: Int, row: Int) -> Double {
        let across = columns > 1 ? column * (samples.columns - 1) / (columns - 1) : 0
        let up = height > 1 ? row * (samples.rows - 1) / (height - 1) : 0
        return samples.value(column: across, row: up)
    }

    /// Four levels that split `values` into five bands of equal size: their quintiles.
    static func quintiles(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        return (1...4).map { sorted[min(sorted.count - 1, sorted.count * $0 / 5)] }
    }
}
