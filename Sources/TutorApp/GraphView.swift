import BackpropEngine
import TextScreen

/// The computation graph drawn as a tree from the loss down to the inputs, with box-drawing
/// branches. Each node shows its value (`=`) and, once the learner has stepped to it, its
/// gradient (`∇`) and updated value (`←`); a node already drawn above is shown again by name only (`↑`).
struct GraphView {
    let model: Model
    let trace: Trace
    /// What of the trace is on screen.
    let reveal: Reveal
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    /// The lines of the tree.
    func lines() -> [Line] {
        let equations = Dictionary(uniqueKeysWithValues: model.equations.map { ($0.name, $0) })
        var lines: [Line] = []
        var drawn = Set<String>()

        func draw(_ node: String, prefix: String, branch: String, childPrefix: String) {
            let repeated = drawn.contains(node) && equations[node] != nil
            drawn.insert(node)
            var head = [Span(prefix + branch, Style(.dim)), Span(notation.name(node), Style(.normal, bold: true))]
            var tail: [Span] = []
            if repeated {
                head.append(Span(" ↑", Style(.dim)))
            } else {
                let value = trace.values[node].map(notation.tensor) ?? "?"
                head.append(Span("  " + glyphs.valueMark + value, Style(.value)))
                if reveal.gradients.contains(node), let gradient = trace.gradients[node] {
                    tail.append(Span("  " + glyphs.gradientMark + notation.tensor(gradient), Style(.gradient)))
                }
                if reveal.updates.contains(node), let new = trace.updated[node] {
                    tail.append(Span("  \(notation.unicode ? "←" : "<-") " + notation.tensor(new), Style(.update)))
                }
            }
            // What does not fit beside the value goes on a line of its own, under the name.
            let continuation = prefix + (equations[node] == nil || repeated ? "   " : glyphs.pipe) + "  "
            var nodeLines = [Line(head)]
            for span in tail {
                if let last = nodeLines.last, last.width + span.text.count <= width {
                    nodeLines[nodeLines.count - 1].spans.append(span)
                } else {
                    nodeLines.append(Line([Span(continuation, Style(.dim)), span]))
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
}
