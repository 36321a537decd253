#ifndef QCIMAGES_CSIGNALS_H
#define QCIMAGES_CSIGNALS_H

/*
 * Signals forwarded to a self-pipe: the handler writes the signal number as one byte and, when the
 * signal had a handler before (ncurses' SIGWINCH handler), calls it too. Nothing else runs in signal
 * context, so the run loop does all real work on its own thread. The state is one set of globals in
 * signals.c, whichever Swift file makes the calls.
 */

/*
 * Forwards `signal_number` to `fd`; when `chain` is nonzero the handler found there keeps running too.
 * The first call remembers the disposition found for qc_restore_signal; later calls (putting the
 * forwarding back after a stop) keep it. Returns 0 on success, -1 on failure.
 */
int qc_forward_signal_to_pipe(int signal_number, int fd, int chain);

/* Puts back the disposition `signal_number` had before qc_forward_signal_to_pipe. */
int qc_restore_signal(int signal_number);

/* Whether `signal_number` has its default disposition (not ignored, no handler). */
int qc_signal_is_default(int signal_number);

/* Whether `signal_number` is ignored (as nohup leaves SIGHUP, or a parent may leave SIGQUIT). */
int qc_signal_is_ignored(int signal_number);

/* Gives `signal_number` its default action for a moment (to really stop on SIGTSTP). */
int qc_default_signal(int signal_number);

#endif
