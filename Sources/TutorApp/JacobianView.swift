import BackpropEngine
import TextScreen

/// A Jacobian with the current numbers: one matrix with tall brackets, or, for a matrix input,
/// one block per entry of the output, side by side where they fit.
struct JacobianView {
    let jacobian: Jacobian
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    func lines() -> [Line] {
        let (output, input) = (jacobian.output, jacobian.input)
        let label = notation.derivative(of: output, by: input)
        var lines = [Line("Jacobian \(label), computed from the current values:", Style(.heading))]
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
        let rows = together.width + 2 <= width ? together.lines : blocks.flatMap(\.lines)
        lines += rows.map { Line("  " + $0, Style(.value)) }
        return lines
    }
}
