import Foundation

/// How the browser may use the terminal: chosen by the executable from its flags and the environment.
public struct TerminalSettings: Sendable {
    /// How long curses waits after ESC for the rest of an escape sequence (ncurses' default is 1000 ms).
    public var escapeDelayMilliseconds: Int
    /// Turns mouse reporting on (the wheel scrolls); off by default because it breaks text selection.
    public var mouse: Bool
    /// False for `--no-color`; colours are also off when `NO_COLOR` is set and non-empty.
    public var colorsAllowed: Bool
    /// The environment to read `NO_COLOR`, `TMUX` and `TERM` from.
    public var environment: [String: String]
    /// Draw on and read from `/dev/tty` instead of stdin and stdout, which stay free for a result
    /// (`qcimages pick`, as fzf does).
    public var usesControllingTerminal: Bool
    /// qcimages' log, where `background` user commands write their output; nil: to /dev/null.
    public var commandLogPath: String?

    public init(
        escapeDelayMilliseconds: Int = 25,
        mouse: Bool = false,
        colorsAllowed: Bool = true,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        usesControllingTerminal: Bool = false,
        commandLogPath: String? = nil
    ) {
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.mouse = mouse
        self.colorsAllowed = colorsAllowed
        self.environment = environment
        self.usesControllingTerminal = usesControllingTerminal
        self.commandLogPath = commandLogPath
    }

    /// Whether colours may be used at all, before asking the terminal what it can show.
    var wantsColors: Bool {
        colorsAllowed && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
