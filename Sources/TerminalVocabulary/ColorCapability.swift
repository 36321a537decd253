/// How many colours the terminal can show, decided once when the screen starts; themes pick their
/// colours for it.
public enum ColorCapability: Sendable, Equatable {
    /// No colours (no `colors` capability, NO_COLOR or `--no-color`): attributes only.
    case none
    /// The eight ANSI colours.
    case ansi8
    /// The eight ANSI colours and their bright variants.
    case ansi16
    /// The xterm 256-colour palette.
    case palette256

    /// The capability for a terminal reporting `colors` colours (curses' `COLORS`).
    public init(colors: Int, hasColors: Bool, colorsWanted: Bool) {
        guard colorsWanted, hasColors, colors >= 8 else {
            self = .none
            return
        }
        switch colors {
        case 256...: self = .palette256
        case 16...: self = .ansi16
        default: self = .ansi8
        }
    }
}
