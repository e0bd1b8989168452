import BackpropEngine
import Lessons
import TextScreen

/// The slide's column, top to bottom: each item of the slide in the lesson's order, items side
/// by side where each has room; with the line that must stay in view.
struct SlideContent {
    let state: TutorState
    let width: Int
    let glyphs: Glyphs
    /// The lines of the column on screen, when known: a table writes the bands of its large
    /// matrices only there. Nil: every line is written.
    var shows: Range<Int>?

    /// Columns each of several items side by side gets at least; with less, they stack.
    static let besideWidth = 60
    /// Columns between items side by side.
    static let gap = 3

    /// The lines, the line to keep in view, how far the slide's table scrolls sideways at the
    /// width it gets (its last column in view), and whether a band of a table off `shows` was
    /// left blank.
    func lines() -> (lines: [Line], focus: Int?, tableMaximum: Int, blanked: Bool) {
        var column = Column()
        var noticed = false
        var table = (maximum: 0, blanked: false)
        for item in state.slide.items {
            if !noticed && item.computes {
                noticed = true
                for notice in notices() { column.add(notice, focus: nil) }
            }
            let part = lines(of: item, width: width, shows: column.shows(shows), table: &table)
            column.add(part.lines, focus: part.focus)
        }
        column.add(selectedCheck(), focus: nil)
        return (column.lines, column.focus, table.maximum, table.blanked)
    }

    /// Items stacked with a blank line between them, and the line to keep in view.
    private struct Column {
        var lines: [Line] = []
        var focus: Int?

        mutating func add(_ part: [Line], focus partFocus: Int?) {
            guard !part.isEmpty else { return }
            if !lines.isEmpty { lines.append(Line()) }
            if let partFocus { focus = lines.count + partFocus }
            lines += part
        }

        /// The lines of `shows`, counted from the first line of the next part added.
        func shows(_ shows: Range<Int>?) -> Range<Int>? {
            let start = lines.isEmpty ? 0 : lines.count + 1
            return shows.map { ($0.lowerBound - start)..<($0.upperBound - start) }
        }
    }

    /// While checking, the central difference of the value selected in the panel worked out with
    /// its two losses, once its gradient is on screen.
    private func selectedCheck() -> [Line] {
        guard state.checking, state.slide.allItems.contains(where: \.computes), state.entries.indices.contains(state.selection),
              let model = state.model else { return [] }
        let entry = state.entries[state.selection]
        guard state.reveal.gradients.contains(entry.name),
              let difference = state.check[entry.name]?.first(where: { $0.entry == (entry.entry ?? 0) }) else { return [] }
        let text = "Gradient check of the value selected: "
            + CheckText(notation: state.notation).workedOut(difference, entryName: entry.label(state.notation, in: model))
        return wrap(glyphs.display(text), width: width).map { Line($0, Style(.dim)) }
    }

    /// What the learner must know before the numbers: the engine failed, training diverged, or
    /// a cross-entropy's target is not a probability distribution.
    private func notices() -> [[Line]] {
        var notices: [[Line]] = []
        if let failure = state.computation.failure { notices.append([Line(failure, Style(.warning, bold: true))]) }
        var warnings = trainingWarning().map { [$0] } ?? []
        if let model = state.model, let trace = state.trace {
            let writer = FormulaWriter(notation: state.notation, shapes: model.shapes)
            warnings += model.improperTargets(trace.bindings).map(writer.warning)
        }
        for warning in warnings {
            notices.append(wrap(glyphs.ui(warning), width: width).map { Line($0, Style(.warning, bold: true)) })
        }
        return notices
    }

    /// The lines of one item at `width` columns (those of `shows` on screen, counted from its
    /// first), and its line to keep in view; a table raises `table.maximum` to its largest
    /// sideways scroll, and sets `table.blanked` when it left a band off screen blank.
    private func lines(
        of item: Slide.Item, width: Int, shows: Range<Int>?, table: inout (maximum: Int, blanked: Bool)
    ) -> (lines: [Line], focus: Int?) {
        let notation = state.notation
        switch item {
        case .paragraph(let text):
            return (wrap(glyphs.display(text), width: width).map { Line($0) }, nil)
        case .bullet(let text):
            return (wrap(glyphs.display(text), width: width - 2).enumerated().map { index, line in
                Line((index == 0 ? glyphs.bullet : "  ") + line)
            }, nil)
        case .note(let text):
            return (wrap(glyphs.display(text), width: width - 2).map {
                Line([Span(glyphs.noteBar, Style(.accent)), Span($0, Style(.accent))])
            }, nil)
        case .formulas(let formulas):
            return (formulas.flatMap { formula in
                formulaLines(glyphs.display(formula), width: width - 2, glyphs: glyphs).map { Line("  " + $0, Style(.heading, bold: true)) }
            }, nil)
        case .graph:
            guard let model = state.model, let trace = state.trace else { return ([], nil) }
            let graph = GraphView(
                model: model, trace: trace, before: state.traceBefore, reveal: state.reveal, check: state.check,
                notation: notation, glyphs: glyphs, width: width
            )
            return (wrap(glyphs.display(graphLegend(notation, glyphs)), width: width).map { Line($0, Style(.heading)) } + graph.lines(), nil)
        case .trace:
            guard let model = state.model, let trace = state.trace else { return ([], nil) }
            let stepsToLoss = { (slide: Slide) in state.steps(of: slide).contains { $0.pass == .backward && $0.node == model.loss } }
            let view = TraceView(
                model: model, trace: trace, before: state.traceBefore, check: state.check, steps: state.steps(of: state.slide),
                revealed: state.step, remarks: state.lesson.slides.firstIndex(where: stepsToLoss) == state.slideIndex,
                notation: notation, glyphs: glyphs, width: width, written: state.computation.writtenSteps
            ).lines()
            let gone = state.slide.steps.filter { !model.missing($0).isEmpty }
            guard !gone.isEmpty else { return view }
            let missing = notInModel("Steps " + gone.map { notation.choice($0) }.joined(separator: " "), gone.flatMap(model.missing), width: width)
            return (missing + view.lines, view.focus.map { $0 + missing.count })
        case .table(let named):
            let gone = state.model?.missing(named) ?? []
            let missing = gone.isEmpty ? [] : notInModel("Columns " + gone.map { $0.heading(notation) }.joined(separator: ", "), gone.map(\.node), width: width)
            let below = shows.map { ($0.lowerBound - missing.count)..<($0.upperBound - missing.count) }
            guard let (lines, sidewaysMaximum, blanked) = self.table(named, width: width, shows: below)?.lines() else { return ([], nil) }
            table = (max(table.maximum, sidewaysMaximum), table.blanked || blanked)
            // After training more, keep the newest rows and the curve in view.
            return (missing + lines, state.current.iterations > TutorState.initialIterations ? missing.count + lines.count - 1 : nil)
        case .jacobian(let request):
            if let gone = state.model?.missing(request), !gone.isEmpty {
                return (notInModel("Jacobian " + notation.derivative(of: request.output, by: request.input), gone, width: width), nil)
            }
            guard let jacobian = state.computation.jacobians[Computation.key(request)] else { return ([], nil) }
            let before = state.before?.jacobians[Computation.key(request)]
            return (JacobianView(jacobian: jacobian, before: before, notation: notation, glyphs: glyphs, width: width).lines(), nil)
        case .landscape(let request):
            guard let map = state.computation.landscapes[request] else { return ([], nil) }
            // The first row's values, as its trace holds them; the parameters alike over a batch.
            let iterations = state.computation.iterations
            let path = iterations.map { ($0.value(of: request.x)?.scalar ?? .nan, $0.value(of: request.y)?.scalar ?? .nan) }
                + (iterations.last.map { [($0.update(of: request.x)?.scalar ?? .nan, $0.update(of: request.y)?.scalar ?? .nan)] } ?? [])
            let view = LandscapeView(
                map: map, path: path, current: state.current.iteration, notation: notation, glyphs: glyphs, width: width,
                height: max(8, min(20, state.size.height - 12))
            )
            return (view.lines(), nil)
        case .rows(let node):
            guard let model = state.model else { return ([], nil) }
            if let lost = lostData("The rows with \(notation.name(node))", [node], of: model, width: width) { return (lost, nil) }
            guard let data = model.data, let values = state.computation.rowValues[node] else { return ([], nil) }
            let view = RowsView(
                model: model, data: data, node: node, values: values, iterations: state.computation.iterations.count, notation: notation, glyphs: glyphs, width: width
            )
            return (view.lines(), nil)
        case .decision(let request):
            guard let model = state.model else { return ([], nil) }
            let output = notation.column(DataSet.Column(name: request.output, entry: request.entry))
            if let lost = lostData("The decision map of \(output)", [request.output], of: model, width: width) { return (lost, nil) }
            guard let data = model.data, let map = state.computation.decisions[request] else { return ([], nil) }
            let view = DecisionView(
                map: map, model: model, data: data, iterations: state.computation.iterations.count, notation: notation, glyphs: glyphs, width: width,
                height: max(8, min(20, state.size.height - 16))
            )
            return (view.lines(), nil)
        case .question(let question):
            guard let model = state.model, let trace = state.trace else { return ([], nil) }
            let gone = model.missing(question)
            guard gone.isEmpty else { return (notInModel("The question's answer", gone, width: width), nil) }
            let feedback = state.feedback
            let view = QuestionView(
                question: question, model: model, trace: trace, before: state.traceBefore, feedback: feedback, revealed: state.step > 0,
                notation: notation, glyphs: glyphs, width: width
            ).lines()
            return (view, state.step > 0 || feedback != nil ? view.count - 1 : nil)
        case .beside(let items):
            let count = items.count
            let columnWidth = besideWidth(of: count, width: width)
            guard let columnWidth else {
                var column = Column()
                for item in items {
                    let part = lines(of: item, width: width, shows: column.shows(shows), table: &table)
                    column.add(part.lines, focus: part.focus)
                }
                return (column.lines, column.focus)
            }
            // Side by side, every item's lines start on the first.
            let parts = items.map { lines(of: $0, width: columnWidth, shows: shows, table: &table) }
            let height = parts.map(\.lines.count).max() ?? 0
            let rows = (0..<height).map { row in
                Line(parts.enumerated().flatMap { index, part -> [Span] in
                    let line = part.lines.indices.contains(row) ? part.lines[row] : Line()
                    return index == count - 1 ? line.spans : line.fitted(to: columnWidth + SlideContent.gap).spans
                })
            }
            return (rows, parts.compactMap(\.focus).max())
        }
    }

    /// `item` names `nodes`, which the learner's model does not have: said in their place.
    private func notInModel(_ item: String, _ nodes: [String], width: Int) -> [Line] {
        wrap(glyphs.display(state.notation.notInModel(item, nodes)), width: width).map { Line($0, Style(.warning)) }
    }

    /// What an item showing a data set through `nodes` says in its place when the learner's
    /// model lacks one of them, or trains on no data set after an edit; nil when it can show.
    private func lostData(_ item: String, _ nodes: [String], of model: Model, width: Int) -> [Line]? {
        let gone = nodes.filter { !model.nodes.contains($0) }
        if !gone.isEmpty { return notInModel(item, gone, width: width) }
        guard model.data == nil else { return nil }
        return wrap(glyphs.display("\(item): your model trains on no data set"), width: width).map { Line($0, Style(.warning)) }
    }

    /// The iteration table keeping in view the columns `named` that the model has, `width` columns wide.
    private func table(_ named: [IterationTable.Column], width: Int, shows: Range<Int>?) -> TableView? {
        guard let model = state.model else { return nil }
        let gone = model.missing(named)
        return TableView(
            model: model, iterations: state.computation.iterations, before: state.before?.iterations, check: state.tableCheck, named: named.filter { !gone.contains($0) },
            offset: state.current.tableScroll, shows: shows,
            notation: state.notation, glyphs: glyphs, width: width
        )
    }

    /// The width of each of `count` items side by side in `width` columns; nil when they stack.
    private func besideWidth(of count: Int, width: Int) -> Int? {
        let columnWidth = (width - SlideContent.gap * (count - 1)) / max(1, count)
        return count > 1 && columnWidth >= SlideContent.besideWidth ? columnWidth : nil
    }

    /// What to say when training goes wrong: it diverged, or the loss grows.
    private func trainingWarning() -> String? {
        let iterations = state.computation.iterations
        let key = { (action: Action) in KeyBindings.key(for: action) }
        let fix = "Lower η (select it with \(key(.select(by: -1))), then \(key(.nudge(-TutorState.coarseStep))) or \(key(.edit))), or press \(key(.reset))."
        if state.computation.diverged {
            return "Diverged at \(state.model?.iterationName ?? "iteration") \(iterations.count): a value is no longer finite. " + fix
        }
        guard let loss = (state.model?.loss).map(IterationTable.Column.value), iterations.count >= 2,
              let first = iterations.first.flatMap(loss.value)?.scalar, let last = iterations.last.flatMap(loss.value)?.scalar, last > first else { return nil }
        return "The loss grows over the iterations instead of shrinking: η is too large (or negative). " + fix
    }
}

/// What the marks of the graph mean: `Graph: = value, ∇ ∂L/∂node, ← after the update`.
func graphLegend(_ notation: Notation, _ glyphs: Glyphs) -> String {
    "Graph: \(glyphs.valueMark)value, \(glyphs.gradientMark)\(notation.gradient("node")), \(notation.unicode ? "←" : "<-") after the update"
}
