import TerminalVocabulary

/// One of the user's own commands (the settings file's `commands:`), checked: its key is a key the
/// browser leaves free. Pressing the key runs the shell command on the selected image (or the marked
/// ones), which it reads from `QC_*` environment variables (``CommandEnvironment``).
public struct UserCommand: Sendable, Hashable {
    /// Where the command's output goes.
    public enum Output: Sendable, Hashable {
        /// The browser gives the terminal back, runs the command, waits for Enter and comes back.
        case terminal
        /// Detached (its own process group, stdin from /dev/null), its output appended to the log; the
        /// footer says when it ended.
        case background
    }

    public var key: Key
    /// What help, the footer and the messages call it.
    public var title: String
    /// The shell command, run as `/bin/sh -c COMMAND`.
    public var command: String
    /// Whether the footer asks `y/n` before running it.
    public var confirm: Bool
    public var output: Output

    public init(key: Key, title: String, command: String, confirm: Bool = false, output: Output = .terminal) {
        self.key = key
        self.title = title
        self.command = command
        self.confirm = confirm
        self.output = output
    }

    /// The title as the screen shows it (a settings file may hold control characters).
    var displayTitle: String { Sanitizer.forDisplay(title) }
}

/// A user command about to run: the command, and the `QC_*` variables of the images it runs on, fixed
/// when the key was pressed (a refresh or a move while the confirmation waits changes nothing).
public struct CommandRun: Sendable, Hashable {
    public var command: UserCommand
    /// The variables added to the environment qcimages inherited (``CommandEnvironment``).
    public var variables: [String: String]

    public init(command: UserCommand, variables: [String: String]) {
        self.command = command
        self.variables = variables
    }
}

/// How a user command ended, as the terminal layer saw it.
public struct CommandEnd: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// The shell exited with this status (127: not found, 126: not executable).
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)
        /// `/bin/sh` could not be started: why.
        case notStarted(String)
    }

    public var title: String
    public var status: Status
    public var duration: Duration
    /// A background command whose output went to /dev/null because there is no log.
    public var outputDiscarded: Bool

    public init(title: String, status: Status, duration: Duration, outputDiscarded: Bool = false) {
        self.title = title
        self.status = status
        self.duration = duration
        self.outputDiscarded = outputDiscarded
    }

    /// Whether the command did what it was asked (exit 0).
    public var succeeded: Bool { status == .exited(0) }

    /// The status in a few words: `exit 0`, `not found (exit 127)`, `ended by signal 9`.
    public var statusText: String {
        switch status {
        case .exited(127): "not found (exit 127)"
        case .exited(126): "not executable (exit 126)"
        case .exited(let code): "exit \(code)"
        case .signalled(let signal): "ended by signal \(signal)"
        case .notStarted(let reason): "not started: \(reason)"
        }
    }

    /// The footer's line: `"launch" ended: exit 0 (3s)`.
    public var message: String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let elapsed = seconds < 1 ? "<1s" : "\(Int(seconds.rounded()))s"
        let discarded = outputDiscarded ? " · no log: its output was discarded" : ""
        return "\"\(Sanitizer.forDisplay(title))\" ended: \(statusText) (\(elapsed))\(discarded)"
    }
}
