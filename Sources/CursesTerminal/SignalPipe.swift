import CSignals
import Glibc

/// Signals turned into bytes on a pipe that the run loop polls, so that no real work runs in a
/// signal handler and the terminal is restored on the loop's own thread. The handler and its state
/// live in the `CSignals` C target.
final class SignalPipe {
    private let pipe: SelfPipe
    private var forwarded: [Int32] = []

    init() throws(TerminalStartupError) {
        pipe = try SelfPipe()
    }

    var readEnd: Int32 { pipe.readEnd }

    /// Sends those of `signals` that still have their default action (not ignored, as under nohup, and
    /// not handled by someone else) to the pipe.
    func forwardWhereDefault(_ signals: [Int32]) {
        forward(signals.filter { qc_signal_is_default($0) != 0 }, chain: false)
    }

    /// Sends those of `signals` that are not ignored to the pipe, replacing a handler found there (the
    /// Swift runtime's crash handler catches SIGQUIT to print a backtrace: Ctrl-\ is a request to quit,
    /// not a crash).
    func forwardUnlessIgnored(_ signals: [Int32]) {
        forward(signals.filter { qc_signal_is_ignored($0) == 0 }, chain: false)
    }

    /// Sends `signals` to the pipe and still runs their current handlers (ncurses' SIGWINCH handler,
    /// which makes `get_wch` report `KEY_RESIZE`).
    func forwardAndChain(_ signals: [Int32]) {
        forward(signals, chain: true)
    }

    private func forward(_ signals: [Int32], chain: Bool) {
        for signal in signals where qc_forward_signal_to_pipe(signal, pipe.writeEnd, chain ? 1 : 0) == 0 {
            if !forwarded.contains(signal) { forwarded.append(signal) }
        }
    }

    /// The signals received since the last call, oldest first.
    func received() -> [Int32] {
        pipe.drain().map(Int32.init)
    }

    /// Stops the process as SIGTSTP would have without our handler; returns once it is continued.
    ///
    /// The signal is raised on this thread, unblocked for the moment (a thread started from a
    /// dispatch worker inherits a mask that blocks it), so the stop happens before `raise` returns.
    func stopProcess() {
        var stop = sigset_t(), saved = sigset_t()
        sigemptyset(&stop)
        sigaddset(&stop, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &stop, &saved)
        qc_default_signal(SIGTSTP)
        raise(SIGTSTP)
        forward([SIGTSTP], chain: false)
        pthread_sigmask(SIG_SETMASK, &saved, nil)
    }

    /// Gives every forwarded signal back the handling it had before.
    func restore() {
        for signal in forwarded.reversed() {
            qc_restore_signal(signal)
        }
        forwarded.removeAll()
    }
}
