import BackpropEngine
import TextScreen

/// A Jacobian with the current numbers: one matrix with tall brackets, or, for a matrix input,
/// one block per entry of the output, side by side where they fit; a row that reads otherwise
/// than `before` is marked.
struct JacobianView {
    let jacobian: Jacobian
    /// The same Jacobian before the last change of a value, if any.
    let before: Jacobian?
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    func lines() -> [Line] {
        let now = rows(of: jacobian)
        let old = before.map(rows)
        return [Line("Jacobian \(notation.derivative(of: jacobian.output, by: jacobian.input)), computed from the current values:", Style(.heading))]
            + now.enumerated().map { index, row in
                let changed = old.map { !$0.indices.contains(index) || $0[index] != row } ?? false
                return Line("  " + row, Style(.value, underline: changed))
            }
    }

    /// The rows of `jacobian` drawn with tall brackets.
    private func rows(of jacobian: Jacobian) -> [String] {
        let (output, input) = (jacobian.output, jacobian.input)
        let label = notation.derivative(of: output, by: input)
        let written = { (tensor: Tensor) in tensor.rows.map { $0.map(notation.number) } }
        let blocks: [TextBlock]
        if case .matrix = jacobian.rows.first?.shape {
            blocks = jacobian.rows.enumerated().map { index, row in
                TextBlock.beside([TextBlock(notation.derivative(of: output + "\(index + 1)", by: input) + " = "),
                                  TextBlock(matrix: written(row), glyphs: glyphs), TextBlock("  ")])
            }
        } else {
            blocks = [TextBlock.beside([TextBlock(label + " = "), TextBlock(matrix: written(jacobian.matrix), glyphs: glyphs)])]
        }
        let together = TextBlock.beside(blocks)
        return together.width + 2 <= width ? together.lines : blocks.flatMap(\.lines)
    }
}
