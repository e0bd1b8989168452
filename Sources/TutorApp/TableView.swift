import BackpropEngine
import TextScreen

/// The iteration table, one row per training iteration, and the loss drawn as a small curve. When
/// the table does not fit, vectors and matrices stand several lines tall in their cells, the
/// columns the slide names stay in view, and the others scroll sideways beside them.
struct TableView {
    let model: Model
    /// One trace per iteration.
    let traces: [Trace]
    /// The traces before the last change of a value, if the last key changed one: the cells
    /// that read otherwise now are marked.
    let before: [Trace]?
    /// The columns to keep in view; none: the loss and the parameters.
    let named: [IterationTable.Column]
    /// How many of the columns that scroll are moved past.
    let offset: Int
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    /// Rows of the curve's bars.
    static let curveHeight = 4
    /// How many of the first and of the newest rows a long table shows.
    static let firstRows = 3, lastRows = 5

    func lines() -> [Line] {
        let grid = self.grid()
        var lines: [Line] = []
        for band in grid.layout.bands {
            if !lines.isEmpty { lines.append(Line()) }
            lines += self.lines(of: band, in: grid)
        }
        if let notice = sidewaysNotice(grid.layout) {
            lines += wrap(glyphs.ui(notice), width: width).map { Line($0, Style(.dim)) }
        }
        lines.append(Line(KeyBindings.line(glyphs.hints(in: .slides, topics: [.training]), width: width, lead: ""), Style(.dim)))
        let loss = IterationTable.Column.value(model.loss)
        let losses = traces.map { trace in trace.diverged ? .nan : loss.value(in: trace)?.scalar ?? .nan }
        lines += LossCurve(
            losses: losses, notation: notation, glyphs: glyphs, width: min(width, 64), height: TableView.curveHeight, unit: model.iterationName
        ).lines()
        return lines
    }

    /// The largest useful sideways scroll: the last column in view.
    var sidewaysMaximum: Int { grid().layout.maximum }

    /// The table's text laid out in `width` columns.
    private struct Grid {
        /// The iteration numbers shown, each with its trace.
        let rows: [(number: Int, trace: Trace)]
        /// Each column's heading, then its cell in each row, one or more lines tall.
        let cells: [[[String]]]
        /// Each column's cells (after the heading) that read otherwise before the last change.
        let changed: [[Bool]]
        let widths: [Int]
        let numberWidth: Int
        let layout: TableLayout
    }

    /// The cells written on one line each when the whole table fits so, otherwise with vectors
    /// and matrices stacked; laid out with the named columns kept in view.
    private func grid() -> Grid {
        // A long table shows its first rows, a gap, and its newest rows; only those are written.
        let numbered = traces.indices.map { (number: $0 + 1, trace: traces[$0]) }
        let long = traces.count > TableView.firstRows + TableView.lastRows + 1
        let rows = long ? Array(numbered.prefix(TableView.firstRows) + numbered.suffix(TableView.lastRows)) : numbered
        let table = IterationTable(model: model)
        let kept = named.isEmpty ? table.headline : named
        let numberWidth = max(1, "\(rows.last?.number ?? 0)".count)
        let room = width - numberWidth
        let written = { (stacked: Bool) in
            table.columns.map { column in [[column.heading(notation)]] + rows.map { cell(column.value(in: $0.trace), stacked: stacked) } }
        }
        let widths = { (cells: [[[String]]]) in cells.map { $0.joined().map(\.count).max() ?? 0 } }
        let flat = written(false)
        let stacked = !TableLayout.fits(widths(flat), in: room)
        let cells = stacked ? written(true) : flat
        let layout = TableLayout(widths: widths(cells), kept: table.columns.map(kept.contains), room: room, offset: offset)
        let changed = zip(table.columns, cells).map { column, cells in
            zip(rows, cells.dropFirst()).map { row, now in
                guard let before, before.indices.contains(row.number - 1) else { return false }
                return cell(column.value(in: before[row.number - 1]), stacked: stacked) != now
            }
        }
        return Grid(rows: rows, cells: cells, changed: changed, widths: widths(cells), numberWidth: numberWidth, layout: layout)
    }

    /// A cell's lines: the value on one line, or a vector or matrix stacked with tall brackets.
    private func cell(_ value: Tensor?, stacked: Bool) -> [String] {
        guard let value else { return [""] }
        switch value.shape {
        case .scalar: return [notation.number(value.scalar)]
        case .vector where stacked: return TextBlock(matrix: value.scalars.map { [notation.number($0)] }, glyphs: glyphs).lines
        case .matrix where stacked: return TextBlock(matrix: value.rows.map { $0.map(notation.number) }, glyphs: glyphs).lines
        default: return [notation.tensor(value)]
        }
    }

    /// The heading and rows of one band, with the gap of a long table after its first rows.
    private func lines(of band: TableLayout.Band, in grid: Grid) -> [Line] {
        let columns = band.kept + band.window
        var lines: [Line] = []
        for row in grid.cells[0].indices {
            if row == TableView.firstRows + 1 && grid.rows.count < traces.count {
                lines.append(Line("  \(glyphs.ellipsis) \(traces.count - grid.rows.count) \(model.iterationName)s not shown", Style(.dim)))
            }
            let style = row == 0 ? Style(.heading, underline: true) : Style.plain
            let number = row == 0 ? "#" : "\(grid.rows[row - 1].number)"
            let height = columns.map { grid.cells[$0][row].count }.max() ?? 1
            for part in 0..<height {
                // Each cell a span of its own, marked when its number changed.
                let text = { (columns: [Int]) in
                    columns.enumerated().flatMap { index, column -> [Span] in
                        let lines = grid.cells[column][row]
                        let line = lines.indices.contains(part) ? lines[part] : ""
                        let marked = row > 0 && grid.changed[column][row - 1]
                        let pad = String(repeating: " ", count: max(0, grid.widths[column] - line.count))
                        return [Span((index == 0 ? "" : "  ") + pad, style), Span(line, marked ? Style(.normal, bold: true, underline: true) : style)]
                    }
                }
                var spans = [Span(TableView.pad(part == 0 ? number : "", grid.numberWidth), style)]
                if !band.kept.isEmpty { spans += [Span("  ", style)] + text(band.kept) }
                if !band.window.isEmpty {
                    spans.append(band.kept.isEmpty ? Span("  ", style) : Span(" \(glyphs.vertical) ", Style(.dim, underline: row == 0)))
                    spans += text(band.window)
                }
                lines.append(Line(spans))
            }
        }
        return lines
    }

    /// Which columns are off to the side, and the keys that show them.
    private func sidewaysNotice(_ layout: TableLayout) -> String? {
        let (left, right) = (KeyBindings.key(for: .scrollTable(-1)), KeyBindings.key(for: .scrollTable(1)))
        let columns = { (count: Int) in count == 1 ? "column" : "columns" }
        let them = { (count: Int) in count == 1 ? "it" : "them" }
        switch (layout.left, layout.right) {
        case (0, 0): return nil
        case (0, let count): return "\(count) more \(columns(count)): \(right) shows \(them(count))"
        case (let count, 0): return "\(count) \(columns(count)) to the left: \(left) shows \(them(count))"
        case (let before, let after): return "\(before) \(columns(before)) to the left, \(after) more: \(left) and \(right) show them"
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
