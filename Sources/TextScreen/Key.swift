/// A key press as the key reader reports it, before it becomes an `Action`.
public enum Key: Hashable, Sendable {
    /// A printable character (also space).
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    /// Ctrl-C read as a key (the terminal is in raw mode).
    case interrupt
    /// The terminal changed size.
    case resize(width: Int, height: Int)
}
