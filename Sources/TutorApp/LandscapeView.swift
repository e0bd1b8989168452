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

    func lines() -> [Line] {
        let finite = map.losses.filter(\.isFinite)
        guard !finite.isEmpty else { return [] }
        let (xName, yName) = (notation.name(map.x), notation.name(map.y))
        let shaded = ShadedMap(
            samples: map, names: (xName, yName), levels: ShadedMap.quintiles(finite), notation: notation, glyphs: glyphs, width: width, height: height
        )
        let marks = path.enumerated().map { index, point in
            let (column, row, edge) = shaded.cell(of: point)
            let mark: Character = edge ?? (index == current ? (glyphs.unicode ? "●" : "@") : (glyphs.unicode ? "•" : "o"))
            return ShadedMap.Mark(column: column, row: row, character: mark, style: Style(.warning, bold: true, reverse: index == current))
        }
        let dot = glyphs.unicode ? "•" : "o"
        let title = "Loss over \(xName) and \(yName), the other values as they start; \(dot) each iteration's \(xName), \(yName)"
        return shaded.lines(title: title, quantity: "L", marks: marks)
    }
}
