import BackpropEngine
import TextScreen

/// The iteration table, one row per training iteration, and the loss drawn as a small curve. When
/// the table does not fit, vectors and matrices stand several lines tall in their cells, the
/// columns the slide names stay in view, and the others scroll sideways beside them.
struct TableView {
    let model: Model
    /// Each iteration's numbers.
    let iterations: [BatchNumbers]
    /// The numbers before the last change of a value, if the last key changed one: the cells
    /// that read otherwise now are marked.
    let before: [BatchNumbers]?
    /// While checking: the largest relative difference between a gradient in the rows shown and
    /// its central difference.
    let check: Double?
    /// The columns to keep in view; none: the loss and the parameters.
    let named: [IterationTable.Column]
    /// How many of the columns that scroll are moved past.
    let offset: Int
    /// The table's lines on screen, counted from its first; nil: all of them. A band of columns
    /// with a cell wider than the room (a large matrix) is written only when a line of it is on
    /// screen, its lines left blank otherwise.
    let shows: Range<Int>?
    let notation: Notation
    let glyphs: Glyphs
    let width: Int

    /// Rows of the curve's bars.
    static let curveHeight = 4
    /// How many of the first and of the newest rows a long table shows.
    static let firstRows = 3, lastRows = 5

    /// The iterations (0-based) a table of `count` rows shows: all, or its first and newest rows.
    static func shown(_ count: Int) -> [Int] {
        count > firstRows + lastRows + 1 ? Array(0..<firstRows) + Array((count - lastRows)..<count) : Array(0..<count)
    }

    /// The table's lines, the largest useful sideways scroll (the last column in view), and
    /// whether a row off screen was left blank.
    func lines() -> (lines: [Line], sidewaysMaximum: Int, blanked: Bool) {
        let grid = self.grid()
        var lines: [Line] = []
        for (index, band) in grid.layout.bands.enumerated() {
            if !lines.isEmpty { lines.append(Line()) }
            lines += self.lines(of: band, at: index, in: grid)
        }
        if let check {
            let text = "Every gradient in the rows shown matches its central difference to a relative difference of \(notation.magnitude(check)) or less."
            lines += wrap(text, width: width).map { Line($0, Style(.dim)) }
        }
        if let notice = sidewaysNotice(grid.layout) {
            lines += wrap(glyphs.ui(notice), width: width).map { Line($0, Style(.dim)) }
        }
        lines.append(Line(KeyBindings.line(glyphs.hints(in: .slides, topics: [.training]), width: width, lead: ""), Style(.dim)))
        let loss = IterationTable.Column.value(model.loss)
        let losses = iterations.map { iteration in iteration.diverged ? .nan : loss.value(in: iteration)?.scalar ?? .nan }
        lines += LossCurve(
            losses: losses, notation: notation, glyphs: glyphs, width: min(width, 64), height: TableView.curveHeight, unit: model.iterationName
        ).lines()
        return (lines, grid.layout.maximum, grid.bandRows.joined().contains { !$0.written })
    }

    /// The table's text laid out in `width` columns: only the columns in view are written, and of
    /// them only the rows on screen when they hold many numbers.
    private struct Grid {
        /// The iterations shown, as indices into `iterations`.
        let rows: [Int]
        /// Each column in view: its heading, then its cell in each row, one or more lines tall;
        /// nil in a row left blank.
        let cells: [Int: [[String]?]]
        /// Each column in view: its cells (after the heading) that read otherwise before the last change.
        let changed: [Int: [Bool]]
        /// Each column in view: its width.
        let widths: [Int: Int]
        let numberWidth: Int
        let layout: TableLayout
        /// Each band's rows, the heading's first: how many lines each takes, and whether it is
        /// written (or left blank, off screen).
        let bandRows: [[(height: Int, written: Bool)]]
    }

    /// A row of a band holding more numbers than this, and the band's heading, is written only
    /// when on screen.
    static let writtenUnseen = 200

    /// The cells written on one line each when the whole table fits so, otherwise with vectors
    /// and matrices stacked; laid out with the named columns kept in view.
    private func grid() -> Grid {
        // A long table shows its first rows, a gap, and its newest rows; only those are written.
        let rows = TableView.shown(iterations.count)
        let table = IterationTable(model: model)
        let kept = named.isEmpty ? table.headline : named
        let numberWidth = max(1, "\(rows.last.map { $0 + 1 } ?? 0)".count)
        let room = width - numberWidth
        let headings = table.columns.map { $0.heading(notation) }
        let values = table.columns.map { column in rows.map { column.value(in: iterations[$0]) } }
        // A column wider than the room is laid out alike however much wider it is, so a cell
        // whose shape alone makes it wider than the room is not measured: a large matrix costs
        // nothing while it is out of view.
        let cap = room + 1
        let measured = { (stacked: Bool) in
            zip(headings, values).map { heading, column in
                column.reduce(heading.count) { widest, value in
                    max(widest, TableView.leastWidth(of: value, stacked: stacked) < cap ? self.width(of: value, stacked: stacked) : cap)
                }
            }
        }
        // On one line each only when the columns fit so: not when even their fewest columns do not.
        let fewest = zip(headings, values).map { heading, column in
            column.reduce(heading.count) { max($0, min(cap, TableView.leastWidth(of: $1, stacked: false))) }
        }
        let stacked = !TableLayout.fits(fewest, in: room) || !TableLayout.fits(measured(false), in: room)
        let layout = TableLayout(widths: measured(stacked), kept: table.columns.map(kept.contains), room: room, offset: offset)
        var shown: [Int: [[String]?]] = [:], changed: [Int: [Bool]] = [:], widths: [Int: Int] = [:]
        var bandRows: [[(height: Int, written: Bool)]] = []
        // Each band's first line, counted from the table's: bands are a blank line apart.
        var top = 0
        for band in layout.bands {
            let columns = band.kept + band.window
            let heights = [1] + rows.indices.map { row in columns.map { TableView.lineCount(of: values[$0][row], stacked: stacked) }.max() ?? 1 }
            let few = rows.indices.map { row in columns.reduce(0) { $0 + (values[$1][row]?.scalars.count ?? 0) } <= TableView.writtenUnseen }
            var line = top
            // The heading of a band with a row of many numbers is written when on screen, like that row.
            let written = heights.indices.map { row -> Bool in
                if row == TableView.firstRows + 1 && rows.count < iterations.count { line += 1 }
                defer { line += heights[row] }
                guard let shows, !shows.overlaps(line..<(line + heights[row])) else { return true }
                return row == 0 ? !few.contains(false) : few[row - 1]
            }
            top = line + 1
            bandRows.append(Array(zip(heights, written)))
            for index in columns where written.contains(true) {
                let column = table.columns[index]
                let cells = rows.indices.map { row in written[row + 1] ? cell(values[index][row], stacked: stacked) : nil }
                shown[index] = [[headings[index]]] + cells
                widths[index] = values[index].reduce(headings[index].count) { max($0, width(of: $1, stacked: stacked)) }
                changed[index] = rows.indices.map { row in
                    guard let cell = cells[row], let before, before.indices.contains(rows[row]) else { return false }
                    let then = column.value(in: before[rows[row]])
                    return then != values[index][row] && self.cell(then, stacked: stacked) != cell
                }
            }
        }
        return Grid(rows: rows, cells: shown, changed: changed, widths: widths, numberWidth: numberWidth, layout: layout, bandRows: bandRows)
    }

    /// The heading and rows of one band, the `index`th, with the gap of a long table after its
    /// first rows.
    private func lines(of band: TableLayout.Band, at index: Int, in grid: Grid) -> [Line] {
        var lines: [Line] = []
        for (row, (height, written)) in grid.bandRows[index].enumerated() {
            if row == TableView.firstRows + 1 && grid.rows.count < iterations.count {
                lines.append(Line("  \(glyphs.ellipsis) \(iterations.count - grid.rows.count) \(model.iterationName)s not shown", Style(.dim)))
            }
            guard written else {
                lines += Array(repeating: Line(), count: height)
                continue
            }
            let style = row == 0 ? Style(.heading, underline: true) : Style.plain
            let number = row == 0 ? "#" : "\(grid.rows[row - 1] + 1)"
            for part in 0..<height {
                // Each cell a span of its own, marked when its number changed.
                let text = { (columns: [Int]) in
                    columns.enumerated().flatMap { index, column -> [Span] in
                        let lines = (grid.cells[column]?[row]).flatMap { $0 } ?? []
                        let line = lines.indices.contains(part) ? lines[part] : ""
                        let marked = row > 0 && grid.changed[column]?[row - 1] == true
                        let pad = String(repeating: " ", count: max(0, (grid.widths[column] ?? 0) - line.count))
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
