import Glibc

/// How a browser session ended, for the executable's exit status.
public enum SessionEnd: Sendable, Equatable {
    /// The user quit: `q`, or Ctrl-C (SIGINT), which the browser documents as a quit key.
    case quit
    /// SIGTERM, SIGHUP or SIGQUIT (Ctrl-\) asked the browser to stop.
    case signal(Int32)
    /// The terminal went away (hang-up or error on stdin).
    case terminalClosed

    /// 0 after quitting, 128 + the signal as a shell reports a killed process, 129 (as after SIGHUP)
    /// when the terminal went away.
    public var exitStatus: Int32 {
        switch self {
        case .quit: return 0
        case .signal(let signal): return 128 + signal
        case .terminalClosed: return 128 + SIGHUP
        }
    }
}
