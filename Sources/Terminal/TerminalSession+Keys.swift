import CNcurses
import TextScreen

extension TerminalSession {
    /// Waits for the next key and returns it; nil for a key the tutor has no use for.
    ///
    /// Ctrl-C comes back as `.interrupt`, a terminal resize as `.resize` with the new size (the
    /// next `paint` then repaints everything). Ctrl-Z suspends to the shell with the terminal
    /// restored and, after `fg`, repaints the last screen and keeps waiting; Ctrl-L repaints and
    /// keeps waiting. When input cannot be read any more (end of file, terminal gone), or after
    /// `close()`, returns `.interrupt` so the caller's quit path runs.
    public func readKey() -> Key? {
        while isOpen {
            var code: wint_t = 0
            let decoded: KeyDecoder.Decoded
            switch cncurses_read_key(&code) {
            case KEY_CODE_YES: decoded = KeyDecoder.decode(functionKey: Int32(bitPattern: code))
            case OK: decoded = KeyDecoder.decode(character: code)
            default: return .interrupt
            }
            switch decoded {
            case .key(let key):
                return key
            case .unknown:
                return nil
            case .resize:
                needsFullRepaint = true
                let size = self.size
                return .resize(width: size.width, height: size.height)
            case .redraw:
                repaintAll()
            case .suspend:
                suspendToShell()
            }
        }
        return .interrupt
    }

    /// Ctrl-Z: hands the terminal back to the shell and stops; after `fg`, catches up with a
    /// resize that happened meanwhile (queued as a `.resize` key) and repaints everything.
    private func suspendToShell() {
        guard cncurses_suspend() != 0 else { return }
        _ = cncurses_follow_terminal_size(outputDescriptor)
        repaintAll()
    }
}
