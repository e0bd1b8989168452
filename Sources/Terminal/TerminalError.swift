/// Why the interactive tutor cannot start on this terminal.
public enum TerminalError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Standard input or standard output is not a terminal (a pipe, a file, a CI job).
    case notATerminal
    /// The terminal is there but ncurses cannot drive it; the text says why (an unknown or
    /// unset `TERM`, a terminal that cannot move its cursor).
    case unusableTerminal(String)

    /// One line for a person, ending with what to run instead.
    public var description: String {
        switch self {
        case .notATerminal:
            return "backprop-tutor needs an interactive terminal (stdin and stdout must be a TTY); "
                + "use `backprop-tutor print LESSON` for plain text output"
        case .unusableTerminal(let reason):
            return "backprop-tutor cannot drive this terminal (\(reason)); "
                + "set TERM to your terminal's type (e.g. xterm-256color) "
                + "or use `backprop-tutor print LESSON` for plain text output"
        }
    }
}
