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
    /// whether a band off screen was left blank.
    func lines() -> (lines: [Line], sidewaysMaximum: Int, blanked: Bool) {
        let grid = self.grid()
        var lines: [Line] = []
        for (index, band) in grid.layout.bands.enumerated() {
            if !lines.isEmpty { lines.append(Line()) }
            lines += grid.blank[index].map { Array(repeating: Line(), count: $0) } ?? self.lines(of: band, in: grid)
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
        return (lines, grid.layout.maximum, !grid.blank.isEmpty)
    }

    /// The table's text laid out in `width` columns: only the columns in view are written.
    private struct Grid {
        /// The iterations shown, as indices into `iterations`.
        let rows: [Int]
        /// Each column in view: its heading, then its cell in each row, one or more lines tall.
        let cells: [Int: [[String]]]
        /// Each column in view: its cells (after the heading) that read otherwise before the last change.
        let changed: [Int: [Bool]]
        /// Each column in view: its width.
        let widths: [Int: Int]
        let numberWidth: Int
        let layout: TableLayout
        /// The bands left blank, off screen, and their heights.
        let blank: [Int: Int]
    }

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
        // whose shape alone makes it wider than the room is not written to be measured: a
        // large matrix costs nothing while it is out of view.
        let cap = room + 1
        let written = { (stacked: Bool) in
            values.map { column in column.map { value in TableView.leastWidth(of: value, stacked: stacked) < cap ? cell(value, stacked: stacked) : nil } }
        }
        let measured = { (cells: [[[String]?]]) in
            zip(headings, cells).map { heading, cells in
                cells.reduce(heading.count) { widest, cell in max(widest, cell.map { $0.map(\.count).max() ?? 0 } ?? cap) }
            }
        }
        let flat = written(false)
        let stacked = !TableLayout.fits(measured(flat), in: room)
        let cells = stacked ? written(true) : flat
        let layout = TableLayout(widths: measured(cells), kept: table.columns.map(kept.contains), room: room, offset: offset)
        var shown: [Int: [[String]]] = [:], changed: [Int: [Bool]] = [:], widths: [Int: Int] = [:], blank: [Int: Int] = [:]
        // Each band's first line, counted from the table's: bands are a blank line apart.
        var top = 0
        for (number, band) in layout.bands.enumerated() {
            let columns = band.kept + band.window
            let height = 1 + (rows.count < iterations.count ? 1 : 0) + rows.indices.map { row in
                columns.map { TableView.lineCount(of: values[$0][row], stacked: stacked) }.max() ?? 1
            }.reduce(0, +)
            defer { top += height + 1 }
            if let shows, !shows.overlaps(top..<(top + height)), columns.contains(where: { cells[$0].contains { $0 == nil } }) {
                blank[number] = height
            }
        }
        for index in layout.bands.indices.filter({ blank[$0] == nil }).flatMap({ layout.bands[$0].kept + layout.bands[$0].window }) {
            let column = table.columns[index]
            let written = zip(values[index], cells[index]).map { value, cell in cell ?? self.cell(value, stacked: stacked) }
            shown[index] = [[headings[index]]] + written
            widths[index] = ([headings[index]] + written.joined()).map(\.count).max() ?? 0
            changed[index] = rows.indices.map { row in
                guard let before, before.indices.contains(rows[row]) else { return false }
                let then = column.value(in: before[rows[row]])
                return then != values[index][row] && cell(then, stacked: stacked) != written[row]
            }
        }
        return Grid(rows: rows, cells: shown, changed: changed, widths: widths, numberWidth: numberWidth, layout: layout, blank: blank)
    }

    /// The fewest columns `value`'s cell can take, since every number takes a column at least:
    /// one per entry on one line; stacked, a matrix as wide as its row at the least.
    private static func leastWidth(of value: Tensor?, stacked: Bool) -> Int {
        switch value?.shape {
        case nil: 0
        case .matrix(_, let columns) where stacked: TextBlock.leastWidth(ofMatrixWith: columns)
        case .vector where stacked: TextBlock.leastWidth(ofMatrixWith: 1)
        case let shape?: shape.count
        }
    }

    /// How many lines `cell(value, stacked:)` takes: a vector or matrix stacked, one per row.
    private static func lineCount(of value: Tensor?, stacked: Bool) -> Int {
        switch value?.shape {
        case .vector(let count) where stacked: count
        case .matrix(let rows, _) where stacked: rows
        default: 1
        }
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
        for row in 0...grid.rows.count {
            if row == TableView.firstRows + 1 && grid.rows.count < iterations.count {
                lines.append(Line("  \(glyphs.ellipsis) \(iterations.count - grid.rows.count) \(model.iterationName)s not shown", Style(.dim)))
            }
            let style = row == 0 ? Style(.heading, underline: true) : Style.plain
            let number = row == 0 ? "#" : "\(grid.rows[row - 1] + 1)"
            let height = columns.map { grid.cells[$0]?[row].count ?? 1 }.max() ?? 1
            for part in 0..<height {
                // Each cell a span of its own, marked when its number changed.
                let text = { (columns: [Int]) in
                    columns.enumerated().flatMap { index, column -> [Span] in
                        let lines = grid.cells[column]?[row] ?? []
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
