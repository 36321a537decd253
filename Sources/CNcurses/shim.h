#ifndef QCIMAGES_CNCURSES_SHIM_H
#define QCIMAGES_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D flags: without this get_wch, cchar_t and friends are invisible. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>

#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

/* The width in columns of the terminal on `fd`, or 0 when it is not a terminal (ioctl is variadic). */
static inline int qc_terminal_columns(int fd) {
    struct winsize size;
    return ioctl(fd, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
}

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

/* Whether the terminal's terminfo entry has the string capability `name`, not empty. */
static inline int qc_has_capability(const char *name) {
    const char *value = tigetstr(name);
    return value != NULL && value != (const char *)-1 && value[0] != 0;
}

/* The mouse events the browser asks for: the left button (a click acts on the press) and the wheel. */
static inline mmask_t qc_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t qc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t qc_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t qc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t qc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t qc_button5_pressed(void) { return BUTTON5_PRESSED; }

/*
 * Whether curses itself turns on and decodes SGR (1006) mouse reports for this terminal, as ncurses
 * decides: the terminfo entry's XM names 1006, or there is no XM and the entry has XT. Otherwise (tmux-256color,
 * screen) curses asks for X10 reports, whose columns stop at 223.
 */
static inline int qc_curses_mouse_is_sgr(void) {
    const char *xm = tigetstr("XM");
    if (xm != NULL && xm != (const char *)-1) return strstr(xm, "1006") != NULL;
    return tigetflag("XT") > 0;
}

#endif
