/// Why the browser could not take over the terminal; the message is meant for the user.
public enum TerminalStartupError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is a pipe or a file: a full-screen browser would hang or write junk.
    case notATerminal
    /// `/dev/tty` cannot be opened (no controlling terminal: cron, a CI job, `ssh host cmd` without -t).
    case noControllingTerminal(String)
    /// curses does not know the terminal type in `TERM`.
    case unknownTerminalType(String?)
    /// The terminal type cannot place the cursor (`dumb`), which a full-screen browser needs.
    case cannotPlaceCursor(String)
    case systemCallFailed(String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the browser needs a terminal on stdin and stdout; use `qcimages list` for scripts and pipes"
        case .noControllingTerminal(let reason):
            return "cannot open /dev/tty to draw on (\(reason)); pick needs a terminal, even when its output is piped"
        case .unknownTerminalType(let type?):
            return "cannot use the terminal type \"\(type)\"; set TERM to one this system knows (e.g. xterm-256color)"
        case .unknownTerminalType(nil):
            return "TERM is not set; set it to your terminal's type (e.g. xterm-256color)"
        case .cannotPlaceCursor(let type):
            return "the terminal type \"\(type)\" cannot place the cursor, which the browser needs; "
                + "use `qcimages list`, or a terminal that can (TERM=xterm-256color)"
        case .systemCallFailed(let call, let errno):
            return "\(call) failed (errno \(errno))"
        }
    }
}
