#ifndef QCIMAGES_CNCURSES_SHIM_H
#define QCIMAGES_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D flags: without this get_wch, cchar_t and friends are invisible. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Globals that Swift 6 rejects as not concurrency-safe, read through functions. */
static inline WINDOW *qc_stdscr(void) { return stdscr; }
static inline int qc_colors(void) { return COLORS; }
static inline int qc_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *qc_stdout(void) { return stdout; }
static inline FILE *qc_stdin(void) { return stdin; }

/* Macros Swift cannot import. */
static inline int qc_getmaxy(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)x; return y; }
static inline int qc_getmaxx(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)y; return x; }

static inline attr_t qc_a_normal(void) { return A_NORMAL; }
static inline attr_t qc_a_bold(void) { return A_BOLD; }
static inline attr_t qc_a_dim(void) { return A_DIM; }
static inline attr_t qc_a_reverse(void) { return A_REVERSE; }
static inline attr_t qc_a_underline(void) { return A_UNDERLINE; }

static inline int qc_key_f(int n) { return KEY_F(n); }

static inline mmask_t qc_mouse_wheel_events(void) { return BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline mmask_t qc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t qc_button5_pressed(void) { return BUTTON5_PRESSED; }

/*
 * Signals forwarded to a self-pipe: the handler writes the signal number as one byte and, when the
 * signal had a handler before (ncurses' SIGWINCH handler), calls it too. Nothing else runs in signal
 * context, so the run loop does all real work on its own thread.
 *
 * The state lives in function-local statics of these static inline functions. Every Swift file that
 * calls them gets its own copy, so one Swift file (SignalPipe.swift) must make all of these calls.
 */
static inline int *qc_signal_pipe_slot(void) {
    static int fd = -1;
    return &fd;
}

static inline struct sigaction *qc_previous_signal_action(int signal_number) {
    static struct sigaction previous[NSIG];
    return &previous[signal_number];
}

static inline volatile sig_atomic_t *qc_signal_chains(int signal_number) {
    static volatile sig_atomic_t chains[NSIG];
    return &chains[signal_number];
}

static inline void qc_forward_signal(int signal_number, siginfo_t *info, void *context) {
    int saved_errno = errno;
    unsigned char byte = (unsigned char)signal_number;
    ssize_t written = write(*qc_signal_pipe_slot(), &byte, 1);
    (void)written;
    struct sigaction *previous = qc_previous_signal_action(signal_number);
    if (*qc_signal_chains(signal_number)) {
        if (previous->sa_flags & SA_SIGINFO) {
            if (previous->sa_sigaction != NULL) previous->sa_sigaction(signal_number, info, context);
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
            previous->sa_handler(signal_number);
        }
    }
    errno = saved_errno;
}

static inline volatile sig_atomic_t *qc_signal_saved(int signal_number) {
    static volatile sig_atomic_t saved[NSIG];
    return &saved[signal_number];
}

/*
 * Forwards `signal_number` to `fd`; when `chain` is nonzero the handler found there keeps running too.
 * The first call remembers the disposition found for qc_restore_signal; later calls (putting the
 * forwarding back after a stop) keep it.
 */
static inline int qc_forward_signal_to_pipe(int signal_number, int fd, int chain) {
    if (signal_number <= 0 || signal_number >= NSIG) return -1;
    *qc_signal_pipe_slot() = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = qc_forward_signal;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (!*qc_signal_saved(signal_number)) {
        *qc_signal_chains(signal_number) = 0;
        if (sigaction(signal_number, NULL, qc_previous_signal_action(signal_number)) != 0) return -1;
        *qc_signal_saved(signal_number) = 1;
    }
    *qc_signal_chains(signal_number) = chain ? 1 : 0;
    return sigaction(signal_number, &action, NULL);
}

/* Puts back the disposition `signal_number` had before qc_forward_signal_to_pipe. */
static inline int qc_restore_signal(int signal_number) {
    if (signal_number <= 0 || signal_number >= NSIG || !*qc_signal_saved(signal_number)) return -1;
    *qc_signal_saved(signal_number) = 0;
    return sigaction(signal_number, qc_previous_signal_action(signal_number), NULL);
}

/* Whether `signal_number` has its default disposition (not ignored, no handler). */
static inline int qc_signal_is_default(int signal_number) {
    struct sigaction current;
    if (sigaction(signal_number, NULL, &current) != 0) return 0;
    return !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_DFL;
}

/* Whether `signal_number` is ignored (as nohup leaves SIGHUP, or a parent may leave SIGQUIT). */
static inline int qc_signal_is_ignored(int signal_number) {
    struct sigaction current;
    if (sigaction(signal_number, NULL, &current) != 0) return 1;
    return !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN;
}

/* Gives `signal_number` its default action for a moment (to really stop on SIGTSTP). */
static inline int qc_default_signal(int signal_number) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(signal_number, &action, NULL);
}

#endif
