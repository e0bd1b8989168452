import CNcurses

/// The process-wide safety net that puts the terminal back however the process ends.
public enum ProcessHooks {
    /// Installs, on first use only, the crash handlers (SEGV, BUS, ILL, FPE, TRAP, ABRT): restore
    /// the terminal, put a key press on standard input so that the Swift runtime's crash report
    /// never waits for one, then let the previous handler report. Later uses do nothing.
    private static let crashHandlers: Bool = {
        cncurses_install_crash_hooks()
        return true
    }()

    /// Installs, on first use only, the crash handlers and the signal handlers (SIGTERM, SIGHUP,
    /// SIGQUIT, SIGINT: restore the terminal and exit with 128 + signal) and the `atexit` hook.
    /// Later uses do nothing.
    private static let installed: Bool = {
        _ = crashHandlers
        cncurses_install_process_hooks()
        return true
    }()

    /// Makes sure a crash, whatever the command, restores the terminal and is reported without
    /// waiting for a key; call first thing in the process.
    public static func installCrashHandlers() {
        _ = crashHandlers
    }

    /// Makes sure all the hooks are in place; call before creating an ncurses screen.
    static func install() {
        _ = installed
    }
}
