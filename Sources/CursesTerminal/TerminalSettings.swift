import Foundation
import ImageBrowser
import TerminalVocabulary

/// How the browser may use the terminal: chosen by the executable from its flags and the environment.
public struct TerminalSettings: Sendable {
    /// How long curses waits after ESC for the rest of an escape sequence (ncurses' default is 1000 ms).
    public var escapeDelayMilliseconds: Int
    /// Turns mouse reporting on (clicks and the wheel, see ``MouseEvent``); off by default because it takes the
    /// terminal's own text selection. A plain Bool, for the settings file and `--mouse` alike.
    public var mouse: Bool
    /// False for `--no-color`; colours are also off when `NO_COLOR` is set and non-empty.
    public var colorsAllowed: Bool
    /// `--theme`: the colours asked for; no colours (NO_COLOR, `--no-color`) still means mono.
    public var theme: ThemeName
    /// The environment to read `NO_COLOR`, `COLORFGBG`, `TMUX` and `TERM` from.
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
        theme: ThemeName = .auto,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        usesControllingTerminal: Bool = false,
        commandLogPath: String? = nil
    ) {
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.mouse = mouse
        self.colorsAllowed = colorsAllowed
        self.theme = theme
        self.environment = environment
        self.usesControllingTerminal = usesControllingTerminal
        self.commandLogPath = commandLogPath
    }

    /// Whether colours may be used at all, before asking the terminal what it can show.
    var wantsColors: Bool {
        colorsAllowed && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The palette for a terminal reporting `colors` colours (curses' `COLORS` and `has_colors`).
    func palette(colors: Int, hasColors: Bool) -> Palette {
        Palette(
            theme: theme,
            depth: ColorCapability(colors: colors, hasColors: hasColors, colorsWanted: wantsColors),
            background: TerminalBackground(colorFGBG: environment["COLORFGBG"])
        )
    }
}
