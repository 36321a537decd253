#include "CSignals.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t signal_pipe = -1;
static struct sigaction previous_actions[NSIG];
static volatile sig_atomic_t chains[NSIG];
static volatile sig_atomic_t saved[NSIG];

static void forward_signal(int signal_number, siginfo_t *info, void *context) {
    int saved_errno = errno;
    unsigned char byte = (unsigned char)signal_number;
    ssize_t written = write(signal_pipe, &byte, 1);
    (void)written;
    struct sigaction *previous = &previous_actions[signal_number];
    if (chains[signal_number]) {
        if (previous->sa_flags & SA_SIGINFO) {
            if (previous->sa_sigaction != NULL) previous->sa_sigaction(signal_number, info, context);
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
            previous->sa_handler(signal_number);
        }
    }
    errno = saved_errno;
}

int qc_forward_signal_to_pipe(int signal_number, int fd, int chain) {
    if (signal_number <= 0 || signal_number >= NSIG) return -1;
    signal_pipe = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = forward_signal;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (!saved[signal_number]) {
        chains[signal_number] = 0;
        if (sigaction(signal_number, NULL, &previous_actions[signal_number]) != 0) return -1;
        saved[signal_number] = 1;
    }
    chains[signal_number] = chain ? 1 : 0;
    return sigaction(signal_number, &action, NULL);
}

int qc_restore_signal(int signal_number) {
    if (signal_number <= 0 || signal_number >= NSIG || !saved[signal_number]) return -1;
    saved[signal_number] = 0;
    return sigaction(signal_number, &previous_actions[signal_number], NULL);
}

int qc_signal_is_default(int signal_number) {
    struct sigaction current;
    if (sigaction(signal_number, NULL, &current) != 0) return 0;
    return !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_DFL;
}

int qc_signal_is_ignored(int signal_number) {
    struct sigaction current;
    if (sigaction(signal_number, NULL, &current) != 0) return 1;
    return !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN;
}

int qc_default_signal(int signal_number) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(signal_number, &action, NULL);
}
