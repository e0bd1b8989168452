import CNcurses
import TextScreen

/// The interactive terminal: paints `Screen`s, reads `Key`s, and always gives the terminal back.
///
/// There is one terminal per process, so a session is isolated to the main actor. Open it with
/// `open()`, call `close()` when done (also on a thrown error). SIGTERM, SIGHUP, SIGQUIT and
/// SIGINT restore the terminal and exit with status 128 + signal (SIGTERM and SIGHUP can be left
/// to the caller instead, see `deferTerminatingSignals()`); any other exit restores it through an
/// `atexit` hook; a crash restores it before the crash report.
@MainActor
public final class TerminalSession {
    /// True when the locale's character set is UTF-8, so ∂, η, σ, arrows and box drawing can be
    /// shown; when false the renderer should pick ASCII fallbacks (others are drawn as `?`).
    nonisolated public let unicode: Bool
    /// True when the terminal has colours and `NO_COLOR` is unset or empty; without colour, roles
    /// are told apart by attributes only (bold, dim, reverse).
    nonisolated public let color: Bool

    /// The ncurses screen; nil once closed.
    private var terminal: OpaquePointer?
    /// The file descriptor of the terminal output (to look up its size after a resume).
    let outputDescriptor: Int32
    /// How styles become attributes and colour pairs.
    let palette: Palette
    /// What the terminal shows now, as last painted; the base for painting only what changed.
    var painted: Screen?
    /// Set when the terminal's contents can no longer be trusted (resize, resume, Ctrl-L): the
    /// next paint clears the terminal and sends every cell.
    var needsFullRepaint = false
    /// Where the key reader is in an escape sequence.
    var keyDecoder = KeyDecoder()

    private init(terminal: OpaquePointer, outputDescriptor: Int32, unicode: Bool, color: Bool) {
        self.terminal = terminal
        self.outputDescriptor = outputDescriptor
        self.unicode = unicode
        self.color = color
        palette = Palette(color: color)
    }

    /// Takes over the terminal on standard input and output.
    ///
    /// - Throws: `TerminalError.notATerminal` when stdin or stdout is not a TTY,
    ///   `TerminalError.unusableTerminal` when `TERM` is unset, unknown, or cannot move the cursor.
    public static func open() throws -> TerminalSession {
        guard cncurses_stdio_are_terminals() != 0 else { throw TerminalError.notATerminal }
        return try start(terminalType: nil, output: cncurses_stdout(), input: cncurses_stdin())
    }

    /// Takes over a terminal of type `terminalType` that writes to `output` and reads from
    /// `input`, without checking that they are TTYs: for benchmarks that paint into a file and
    /// count the bytes.
    ///
    /// - Throws: `TerminalError.unusableTerminal` when `terminalType` is unknown or cannot move
    ///   the cursor.
    public static func open(
        terminalType: String,
        output: UnsafeMutablePointer<FILE>,
        input: UnsafeMutablePointer<FILE>
    ) throws -> TerminalSession {
        try start(terminalType: terminalType, output: output, input: input)
    }

    /// The one path both `open`s share: hooks, locale, `newterm`, modes, colours.
    private static func start(
        terminalType: String?,
        output: UnsafeMutablePointer<FILE>,
        input: UnsafeMutablePointer<FILE>
    ) throws -> TerminalSession {
        ProcessHooks.install()
        let unicode = LocaleEncoding.adoptEnvironment()
        // newterm, unlike initscr, returns nil for an unknown terminal instead of exiting.
        let created: OpaquePointer? =
            if let terminalType {
                terminalType.withCString { newterm($0, output, input) }
            } else {
                newterm(nil, output, input)
            }
        let name = terminalType ?? cncurses_term_name().map { String(cString: $0) }
        guard let created else {
            throw TerminalError.unusableTerminal(
                name.map { "unknown terminal type \"\($0)\"" } ?? "TERM is not set")
        }
        guard cncurses_can_address_cursor() != 0 else {
            endwin()
            delscreen(created)
            throw TerminalError.unusableTerminal("TERM=\(name ?? "") cannot move the cursor")
        }
        enterProgramMode()
        let color = startColors()
        return TerminalSession(
            terminal: created, outputDescriptor: fileno(output), unicode: unicode, color: color)
    }

    /// Raw keys (Ctrl-C and Ctrl-Z arrive as keys), no echo, no visible cursor. The keypad stays
    /// off: ncurses then passes escape sequences on as characters, and `KeyDecoder` reads them
    /// the same whatever `TERM` says.
    private static func enterProgramMode() {
        let window = cncurses_stdscr()
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = leaveok(window, true)
        _ = curs_set(0)
    }

    /// Starts colours when the terminal has them and `NO_COLOR` does not forbid them, keeping the
    /// terminal's own background. Returns whether colours are in use.
    private static func startColors() -> Bool {
        guard has_colors(), cncurses_no_color_requested() == 0,
            start_color() == OK, use_default_colors() == OK
        else { return false }
        Palette.installPairs()
        return true
    }

    /// Whether the session still owns the terminal (false after `close()`).
    public var isOpen: Bool { terminal != nil }

    /// The terminal's size in columns and rows, as of the last resize ncurses has seen.
    public var size: (width: Int, height: Int) {
        (width: Int(cncurses_cols()), height: Int(cncurses_lines()))
    }

    /// Gives the terminal back as it was (cooked mode, echo, cursor, main screen); SIGTERM and
    /// SIGHUP end the process at once again. Safe to call more than once; after it, `paint` does
    /// nothing and `readKey` returns `.interrupt`.
    public func close() {
        guard let terminal else { return }
        self.terminal = nil
        painted = nil
        stopDeferringTerminatingSignals()
        cncurses_restore_terminal()
        delscreen(terminal)
    }
}
