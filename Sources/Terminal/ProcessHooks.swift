import CNcurses

/// The process-wide safety net that puts the terminal back however the process ends.
enum ProcessHooks {
    /// Installs, on first use only, the signal handlers (SIGTERM, SIGHUP, SIGQUIT, SIGINT: restore
    /// the terminal and exit with 128 + signal; crashes: restore, then let the previous handler
    /// report) and the `atexit` hook. Later uses do nothing.
    static let installed: Bool = {
        cncurses_install_process_hooks()
        return true
    }()

    /// Makes sure the hooks are in place; call before creating an ncurses screen.
    static func install() {
        _ = installed
    }
}
