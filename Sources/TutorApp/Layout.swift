/// Where the parts of the screen go in a terminal of a given size: the slide's column on the
/// left, the value panel on the right (for lessons with a model), header and status lines.
struct Layout {
    /// Columns of the terminal.
    let width: Int
    /// Rows of the terminal.
    let height: Int
    /// Columns of the value panel; 0 without one.
    let panelWidth: Int

    /// The layout of a `width` × `height` terminal, with the value panel when there are values.
    init(width: Int, height: Int, panel: Bool) {
        self.width = width
        self.height = height
        panelWidth = panel ? (width >= 110 ? 32 : 24) : 0
    }

    /// Columns of the slide's column, which starts at column 1.
    var mainWidth: Int { width - 2 - (panelWidth > 0 ? panelWidth + 2 : 0) }
    /// The first row below the header.
    let bodyTop = 2
    /// Rows between the header and the status line.
    var bodyHeight: Int { height - 3 }

    /// How far `content` can scroll: the focus two thirds down, within the content; its table
    /// sideways up to its `tableMaximum`.
    func viewport(of content: (lines: [Line], focus: Int?, tableMaximum: Int)) -> Viewport {
        let maximum = max(0, content.lines.count - bodyHeight)
        return Viewport(
            automatic: min(maximum, content.focus.map { max(0, $0 - bodyHeight * 2 / 3) } ?? 0), maximum: maximum,
            tableMaximum: content.tableMaximum
        )
    }
}

/// How far the slide's column scrolls, and its table sideways, as last drawn: kept in the state
/// so that scrolling stops at either end without `update` laying out the slide.
public struct Viewport: Equatable, Sendable {
    /// The first line shown when the learner has not scrolled: where the current step puts it.
    public var automatic = 0
    /// The largest first line: the content's last line at the bottom.
    public var maximum = 0
    /// The largest sideways scroll of the slide's table: its last column in view.
    public var tableMaximum = 0

    /// The first line shown after scrolling `scroll` lines past `automatic`.
    func offset(scrolledBy scroll: Int) -> Int {
        min(maximum, max(0, automatic + scroll))
    }

    /// The table's sideways scroll `offset` moved by `columns`, within the table.
    func tableOffset(_ offset: Int, movedBy columns: Int) -> Int {
        min(tableMaximum, max(0, min(tableMaximum, offset) + columns))
    }
}
