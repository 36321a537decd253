import Glibc
import QingCloud

/// How a browser session ended, for the executable's exit status.
public enum SessionEnd: Sendable, Equatable {
    /// The user quit: `q` (or Esc in pick).
    case quit
    /// Ctrl-C (SIGINT): a quit key for the browser, a cancel for pick (130, as fzf).
    case interrupted
    /// Pick: the user chose these images with Enter.
    case chose([Image])
    /// SIGTERM, SIGHUP or SIGQUIT (Ctrl-\) asked the browser to stop.
    case signal(Int32)
    /// The terminal went away (hang-up or error on stdin).
    case terminalClosed

    /// The browser's status: 0 after quitting (Ctrl-C included), 128 + the signal as a shell reports a killed process, 129 (as after SIGHUP)
    /// when the terminal went away.
    public var exitStatus: Int32 {
        switch self {
        case .quit, .interrupted, .chose: return 0
        case .signal(let signal): return 128 + signal
        case .terminalClosed: return 128 + SIGHUP
        }
    }
}
