import BackpropEngine
import TextScreen

/// The computation graph drawn as a tree from the loss down to the inputs, with box-drawing
/// branches. Each node shows its value (`=`) and, once the learner has stepped to it, its
/// gradient (`∇`) and updated value (`←`). A node read by several equations is drawn once, with
/// the nodes it feeds, and by name only (`↑`) where it is read again. Numbers that differ from
/// `before` are marked.
struct GraphView {
    let model: Model
    let trace: Trace
    /// The same iteration before the last change of a value, if any.
    let before: Trace?
    /// What of the trace is on screen.
    let reveal: Reveal
    /// The central differences to show beside the gradients, by node; empty when not checking.
    let check: [String: [CentralDifference]]
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    /// The lines of the tree.
    func lines() -> [Line] {
        let equations = Dictionary(uniqueKeysWithValues: model.equations.map { ($0.name, $0) })
        var readers: [String: [String]] = [:]
        for equation in model.equations {
            for name in equation.expression.names { readers[name, default: []].append(equation.name) }
        }
        var lines: [Line] = []
        var drawn = Set<String>()

        func draw(_ node: String, prefix: String, branch: String, childPrefix: String) {
            let repeated = drawn.contains(node) && equations[node] != nil
            drawn.insert(node)
            var head = [Span(prefix + branch, Style(.dim)), Span(notation.name(node), Style(.normal, bold: true))]
            // Pieces after the value, each a mark and its number (or a note) that stay together.
            var tail: [[Span]] = []
            if repeated {
                head.append(Span(" ↑", Style(.dim)))
            } else {
                let value = trace.values[node].map(notation.tensor) ?? "?"
                head.append(Span("  " + glyphs.valueMark, Style(.value)))
                head.append(Span(value, marked(.value, value, was: before?.values[node])))
                if reveal.gradients.contains(node), let gradient = trace.gradients[node].map(notation.tensor) {
                    tail.append([Span("  " + glyphs.gradientMark, Style(.gradient)), Span(gradient, marked(.gradient, gradient, was: before?.gradients[node]))])
                }
                if reveal.gradients.contains(node), let gradient = trace.gradients[node], let differences = check[node] {
                    tail.append([Span("  " + glyphs.display(CheckText(notation: notation).beside(gradient, differences)), Style(.dim))])
                }
                if reveal.updates.contains(node), let new = trace.updated[node].map(notation.tensor) {
                    tail.append([Span("  \(notation.unicode ? "←" : "<-") ", Style(.update)), Span(new, marked(.update, new, was: before?.updated[node]))])
                }
                if let uses = readers[node], uses.count > 1, equations[node] != nil {
                    tail.append([Span("  feeds " + uses.map(notation.name).joined(separator: ", "), Style(.dim))])
                }
            }
            // What does not fit beside the value goes on a line of its own, under the name.
            let continuation = prefix + (equations[node] == nil || repeated ? "   " : glyphs.pipe) + "  "
            var nodeLines = [Line(head)]
            for piece in tail {
                let pieceWidth = piece.reduce(0) { $0 + $1.text.count }
                if let last = nodeLines.last, last.width + pieceWidth <= width {
                    nodeLines[nodeLines.count - 1].spans += piece
                } else {
                    nodeLines.append(Line([Span(continuation, Style(.dim))] + piece))
                }
            }
            if node == reveal.current { nodeLines = nodeLines.map { $0.restyled { $0.reverse = true } } }
            lines += nodeLines
            guard !repeated, let equation = equations[node] else { return }
            let children = equation.expression.names
            for (index, child) in children.enumerated() {
                let last = index == children.count - 1
                draw(child, prefix: prefix + childPrefix, branch: last ? glyphs.lastBranch : glyphs.branch,
                     childPrefix: last ? "   " : glyphs.pipe)
            }
        }
        draw(model.loss, prefix: "", branch: "", childPrefix: "")
        return lines
    }

    /// The style of a number written `text` now, marked when it read otherwise before the last change.
    private func marked(_ role: Style.Role, _ text: String, was old: Tensor?) -> Style {
        guard let before = old.map(notation.tensor), before != text else { return Style(role) }
        return Style(role, bold: true, underline: true)
    }
}
