/// Where the parts of the screen go in a terminal of a given size: the slide's column on the
/// left, the value panel on the right (for lessons with a model), header and status lines.
struct Layout {
    /// Columns of the terminal.
    let width: Int
    /// Rows of the terminal.
    let height: Int
    /// Columns of the value panel; 0 without one.
    let panelWidth: Int

    /// The layout of `state` in a `width` × `height` terminal.
    init(_ state: TutorState, width: Int, height: Int) {
        self.width = width
        self.height = height
        panelWidth = state.model == nil ? 0 : (width >= 110 ? 32 : 24)
    }

    /// Columns of the slide's column, which starts at column 1.
    var mainWidth: Int { width - 2 - (panelWidth > 0 ? panelWidth + 2 : 0) }
    /// The first row below the header.
    let bodyTop = 2
    /// Rows between the header and the status line.
    var bodyHeight: Int { height - 3 }

    /// The first line of `content` shown: the focus two thirds down, moved by `scroll`, kept
    /// within the content. Also how far the focus alone would put it, and the largest offset.
    func offset(of content: (lines: [Line], focus: Int?), scroll: Int) -> (offset: Int, automatic: Int, overflow: Int) {
        let overflow = max(0, content.lines.count - bodyHeight)
        let automatic = content.focus.map { max(0, $0 - bodyHeight * 2 / 3) } ?? 0
        return (min(overflow, max(0, automatic + scroll)), automatic, overflow)
    }
}
