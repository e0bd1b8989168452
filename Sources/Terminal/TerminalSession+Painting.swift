import CNcurses
import TextScreen

extension TerminalSession {
    /// Draws `screen`, sending only the cells that differ from the previously painted screen (all
    /// of them after a resize, a resume from Ctrl-Z or Ctrl-L, or when the size changed). Cells
    /// beyond the terminal's edge are clipped; terminal cells beyond the screen stay blank.
    public func paint(_ screen: Screen) {
        guard isOpen, let window = cncurses_stdscr() else { return }
        let rows = min(screen.height, Int(cncurses_lines()))
        let columns = min(screen.width, Int(cncurses_cols()))
        let base = needsFullRepaint ? nil : painted.flatMap { previous in
            previous.width == screen.width && previous.height == screen.height ? previous : nil
        }
        if base == nil {
            _ = werase(window)
            if needsFullRepaint { _ = clearok(cncurses_curscr(), true) }
        }
        let palette = self.palette
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Glyph.capacity) { buffer in
            guard let glyph = buffer.baseAddress else { return }
            let old = base?.cells
            screen.cells.withUnsafeBufferPointer { cells in
                for y in 0..<max(0, rows) {
                    let rowStart = y * screen.width
                    for x in 0..<max(0, columns) {
                        let cell = cells[rowStart + x]
                        if let old, old[rowStart + x] == cell { continue }
                        let look = palette.look(for: cell.style)
                        Glyph.encode(cell.character, into: glyph)
                        _ = cncurses_put_cell(Int32(y), Int32(x), glyph, look.attributes, look.pair)
                    }
                }
            }
        }
        _ = wrefresh(window)
        painted = screen
        needsFullRepaint = false
    }

    /// Clears the terminal and paints the last screen again in full (Ctrl-L, after a resume).
    func repaintAll() {
        needsFullRepaint = true
        if let painted {
            paint(painted)
        } else if let window = cncurses_stdscr() {
            _ = clearok(cncurses_curscr(), true)
            _ = wrefresh(window)
            needsFullRepaint = false
        }
    }
}
