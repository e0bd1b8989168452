/*
 * shim.h: the parts of ncursesw (and of libc) that Swift cannot import directly.
 *
 * Swift imports plain constants (KEY_RIGHT, ERR, OK, COLOR_RED) but not function-like macros
 * (A_BOLD, A_REVERSE), not C globals in a concurrency-safe way (stdscr, LINES, COLS, stdout),
 * and it cannot write signal handlers. Those live here as `static inline` functions.
 *
 * No mutable state lives in this header except one table of saved signal actions, which is
 * only touched by cncurses_install_crash_hooks() and the crash handler that same call
 * installs, and the slot of a deferred terminating signal (see cncurses_defer_terminating_signals).
 * Every Swift file that calls a function of this header gets its own copy of it, static storage
 * included: call the functions sharing a piece of state from a single Swift file.
 */
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Declared by <wchar.h> only under some feature macros; the declaration is the same everywhere. */
extern int wcwidth(wchar_t c);

/* ---- C globals ------------------------------------------------------------------------- */

/** The standard window of the current screen. */
static inline WINDOW *cncurses_stdscr(void) { return stdscr; }
/** The window ncurses believes the terminal shows (for clearok). */
static inline WINDOW *cncurses_curscr(void) { return curscr; }
/** Rows of the current screen. */
static inline int cncurses_lines(void) { return LINES; }
/** Columns of the current screen. */
static inline int cncurses_cols(void) { return COLS; }
/** Number of colours the terminal has (after start_color). */
static inline int cncurses_colors(void) { return COLORS; }
/** The C standard output stream. */
static inline FILE *cncurses_stdout(void) { return stdout; }
/** The C standard input stream. */
static inline FILE *cncurses_stdin(void) { return stdin; }

/* ---- attribute macros ------------------------------------------------------------------ */

static inline attr_t cncurses_a_normal(void) { return A_NORMAL; }
static inline attr_t cncurses_a_bold(void) { return A_BOLD; }
static inline attr_t cncurses_a_dim(void) { return A_DIM; }
static inline attr_t cncurses_a_reverse(void) { return A_REVERSE; }
static inline attr_t cncurses_a_underline(void) { return A_UNDERLINE; }

/* ---- environment and locale ------------------------------------------------------------ */

/** 1 when both standard input and standard output are terminals. */
static inline int cncurses_stdio_are_terminals(void) {
    return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

/**
 * Adopts the user's locale (LC_ALL from the environment) but keeps LC_NUMERIC at "C", so numbers
 * formatted with C functions never change their decimal separator. Returns 1 when the character
 * set is UTF-8.
 */
static inline int cncurses_adopt_locale(void) {
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

/** 1 when the NO_COLOR environment variable is set to a non-empty value (https://no-color.org). */
static inline int cncurses_no_color_requested(void) {
    const char *value = getenv("NO_COLOR");
    return value != NULL && value[0] != '\0';
}

/** The TERM environment variable, or NULL. */
static inline const char *cncurses_term_name(void) { return getenv("TERM"); }

/** 1 when the current terminal can move the cursor to any cell (terminfo `cup`). */
static inline int cncurses_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* ---- drawing --------------------------------------------------------------------------- */

/** Columns taken by `c` in the current locale: 1 for ordinary characters, 0 for combining
 *  marks, 2 for wide ones, -1 for characters the locale cannot show. */
static inline int cncurses_wcwidth(wchar_t c) { return wcwidth(c); }

/** Puts the NUL-terminated wide characters `chars` (one spacing character, then combining
 *  marks) at row `y`, column `x` of the standard window with `attrs` and colour pair `pair`. */
static inline int cncurses_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* ---- input ----------------------------------------------------------------------------- */

/* The SIGTERM or SIGHUP that arrived while deferred; 0 if none. */
static inline volatile sig_atomic_t *cncurses_deferred_signal_slot(void) {
    static volatile sig_atomic_t sig;
    return &sig;
}

/* SIGTERM or SIGHUP while deferred: noted, so that cncurses_read_key stops waiting. */
static inline void cncurses_on_deferred_signal(int sig) { *cncurses_deferred_signal_slot() = sig; }

/** The SIGTERM or SIGHUP that arrived while deferred, 0 if none. */
static inline int cncurses_deferred_signal(void) { return *cncurses_deferred_signal_slot(); }

/**
 * Blocks for one key with get_wch, retrying reads that a signal interrupted.
 * Returns OK (a character in *code), KEY_CODE_YES (a KEY_* code in *code), or ERR when input
 * cannot be read any more (end of file, terminal gone) or a deferred SIGTERM or SIGHUP arrived.
 */
static inline int cncurses_read_key(wint_t *code) {
    for (;;) {
        if (cncurses_deferred_signal() != 0) return ERR;
        errno = 0;
        int status = wget_wch(stdscr, code);
        if (status != ERR || errno != EINTR) return status;
    }
}

/**
 * Brings ncurses up to date with the real size of the terminal behind `fd` (after a resume, when
 * a resize may have happened while the process was stopped). When it changed, resizeterm queues a
 * KEY_RESIZE for the next read. Returns 1 when the size changed.
 */
static inline int cncurses_follow_terminal_size(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    if (!is_term_resized(size.ws_row, size.ws_col)) return 0;
    return resizeterm(size.ws_row, size.ws_col) == OK;
}

/* ---- restoring the terminal ------------------------------------------------------------ */

/** Leaves curses mode if a screen is active and not already left; safe at any time,
 *  also before the first and after the last screen. */
static inline void cncurses_restore_terminal(void) {
    if (!isendwin()) endwin();
}

/* A terminating signal (TERM, HUP, QUIT, INT): restore the terminal, exit with 128 + signal. */
static inline void cncurses_on_terminating_signal(int sig) {
    cncurses_restore_terminal();
    _exit(128 + sig);
}

/* Handles `sig` with `handler`, every signal blocked meanwhile, unless the signal is ignored
 * (as a parent can ask: `nohup` ignores SIGHUP). */
static inline void cncurses_handle_unless_ignored(int sig, void (*handler)(int)) {
    struct sigaction current, action;
    if (sigaction(sig, NULL, &current) == 0 && current.sa_handler == SIG_IGN) return;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigfillset(&action.sa_mask);
    sigaction(sig, &action, NULL);
}

enum { CNCURSES_SAVED_SIGNALS = 32 };

/* The actions that were installed before our crash handler, by signal number. */
static inline struct sigaction *cncurses_saved_action(int sig) {
    static struct sigaction saved[CNCURSES_SAVED_SIGNALS];
    return &saved[sig];
}

/* Standard input replaced by a pipe that holds one newline: the crash reporter that runs next,
 * if it asks for a key, reads it at once ("any other key to quit") instead of waiting. */
static inline void cncurses_answer_crash_prompt(void) {
    int ends[2];
    if (pipe(ends) != 0) return;
    (void)write(ends[1], "\n", 1);
    close(ends[1]);
    dup2(ends[0], STDIN_FILENO);
    if (ends[0] != STDIN_FILENO) close(ends[0]);
}

/* A crash (SEGV, BUS, ILL, FPE, TRAP, ABRT): restore the terminal, answer the crash reporter's
 * prompt in advance, then hand the signal to the handler that was there before (the Swift
 * runtime's backtracer, or the default core dump). The backtracer decided when the process
 * started whether to be interactive (when standard input and output are terminals); then it
 * prints its report and waits 30 s for a key, which is now already there. */
static inline void cncurses_on_crash_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    cncurses_restore_terminal();
    cncurses_answer_crash_prompt();
    sigaction(sig, cncurses_saved_action(sig), NULL);
    /* A fault re-runs its instruction when the handler returns; a sent signal does not. */
    if (info == NULL || info->si_code <= 0 || sig == SIGTRAP || sig == SIGABRT) raise(sig);
}

static inline void cncurses_restore_terminal_at_exit(void) { cncurses_restore_terminal(); }

/**
 * Installs crash handlers (SEGV, BUS, ILL, FPE, TRAP, ABRT) that restore the terminal and answer
 * the crash reporter's prompt before the previous handler runs. Call once per process, as early
 * as possible.
 */
static inline void cncurses_install_crash_hooks(void) {
    static const int crashing[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT };
    struct sigaction action;
    size_t i;

    for (i = 0; i < sizeof crashing / sizeof crashing[0]; i++) {
        int sig = crashing[i];
        memset(&action, 0, sizeof action);
        action.sa_sigaction = cncurses_on_crash_signal;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(sig, &action, cncurses_saved_action(sig));
    }
}

/**
 * Installs, once per process: handlers for SIGTERM, SIGHUP, SIGQUIT and SIGINT that restore the
 * terminal and exit with status 128 + signal (signals the parent ignores stay ignored), and an
 * atexit hook that restores the terminal on every other exit path. Call before newterm, so
 * ncurses keeps its own handlers away from these signals.
 */
static inline void cncurses_install_process_hooks(void) {
    static const int terminating[] = { SIGTERM, SIGHUP, SIGQUIT, SIGINT };
    size_t i;

    for (i = 0; i < sizeof terminating / sizeof terminating[0]; i++) {
        cncurses_handle_unless_ignored(terminating[i], cncurses_on_terminating_signal);
    }
    atexit(cncurses_restore_terminal_at_exit);
}

/**
 * With `defer` 1, SIGTERM and SIGHUP (unless ignored) no longer end the process: they make
 * cncurses_read_key return ERR, and cncurses_deferred_signal names them, so that the program can
 * save its work, restore the terminal and exit itself. With `defer` 0 they end it at once again,
 * as cncurses_install_process_hooks set. Call from the Swift file that calls cncurses_read_key
 * and cncurses_deferred_signal, so that all three share one slot.
 */
static inline void cncurses_defer_terminating_signals(int defer) {
    cncurses_handle_unless_ignored(SIGTERM, defer ? cncurses_on_deferred_signal : cncurses_on_terminating_signal);
    cncurses_handle_unless_ignored(SIGHUP, defer ? cncurses_on_deferred_signal : cncurses_on_terminating_signal);
}

/**
 * Ctrl-Z in raw mode: leaves curses mode, stops the process group as the terminal's own
 * Ctrl-Z would, and returns once the shell resumes it (`fg`). Returns 0 without doing anything
 * when SIGTSTP is ignored (no job control). The caller repaints (refresh restores curses mode).
 */
static inline int cncurses_suspend(void) {
    struct sigaction previous, stop;
    sigset_t unblock, mask;

    if (sigaction(SIGTSTP, NULL, &previous) != 0 || previous.sa_handler == SIG_IGN) return 0;
    endwin();
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous);
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, &mask);
    kill(0, SIGTSTP);
    /* ...stopped until SIGCONT... */
    sigprocmask(SIG_SETMASK, &mask, NULL);
    sigaction(SIGTSTP, &previous, NULL);
    return 1;
}

#endif /* CNCURSES_SHIM_H */
