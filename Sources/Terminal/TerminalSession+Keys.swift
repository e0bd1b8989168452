import CNcurses
import TextScreen

extension TerminalSession {
    /// How long to wait, in milliseconds, for the rest of an escape sequence after its Esc (a
    /// terminal sends a sequence in one write): an Esc followed by nothing for this long is the
    /// Esc key.
    static let escapeDelay: Int32 = 50

    /// Waits for the next key and returns it; nil for a key the tutor has no use for (also a
    /// whole escape sequence it does not know, see `KeyDecoder`).
    ///
    /// Ctrl-C comes back as `.interrupt`, a terminal resize as `.resize` with the new size (the
    /// next `paint` then repaints everything). Ctrl-Z suspends to the shell with the terminal
    /// restored and, after `fg`, repaints the last screen and keeps waiting; Ctrl-L repaints and
    /// keeps waiting. When input cannot be read any more (end of file, terminal gone), after a
    /// deferred SIGTERM or SIGHUP, or after `close()`, returns `.interrupt` so the caller's quit
    /// path runs.
    public func readKey() -> Key? {
        while isOpen && terminatingSignal == nil {
            wtimeout(cncurses_stdscr(), keyDecoder.isInSequence ? Self.escapeDelay : -1)
            var code: wint_t = 0
            let decoded: KeyDecoder.Decoded?
            switch cncurses_read_key(&code) {
            case KEY_CODE_YES:
                guard Int32(bitPattern: code) == KEY_RESIZE else { return nil }
                needsFullRepaint = true
                let size = self.size
                return .resize(width: size.width, height: size.height)
            case OK:
                decoded = keyDecoder.decode(code)
            default:
                // Within a sequence, nothing came in time; between keys, input is gone.
                guard keyDecoder.isInSequence else { return .interrupt }
                decoded = keyDecoder.timedOut()
            }
            switch decoded {
            case nil: continue
            case .key(let key): return key
            case .unknown: return nil
            case .redraw: repaintAll()
            case .suspend: suspendToShell()
            }
        }
        return .interrupt
    }

    /// Leaves SIGTERM and SIGHUP to the caller until `close()`: instead of ending the process at
    /// once, they make `readKey` return `.interrupt` and are named by `terminatingSignal`, so that
    /// the caller can save its work before it exits with status 128 + signal. For a caller that
    /// keeps reading keys; a signal that comes just as `readKey` starts to wait is seen at the
    /// next key.
    public func deferTerminatingSignals() {
        cncurses_defer_terminating_signals(1)
    }

    /// The SIGTERM or SIGHUP that came since `deferTerminatingSignals()`, if one did.
    public nonisolated var terminatingSignal: Int32? {
        let signal = cncurses_deferred_signal()
        return signal == 0 ? nil : signal
    }

    /// Lets SIGTERM and SIGHUP end the process at once again (from `close()`).
    func stopDeferringTerminatingSignals() {
        cncurses_defer_terminating_signals(0)
    }

    /// Ctrl-Z: hands the terminal back to the shell and stops; after `fg`, catches up with a
    /// resize that happened meanwhile (queued as a `.resize` key) and repaints everything.
    private func suspendToShell() {
        guard cncurses_suspend() != 0 else { return }
        _ = cncurses_follow_terminal_size(outputDescriptor)
        repaintAll()
    }
}
