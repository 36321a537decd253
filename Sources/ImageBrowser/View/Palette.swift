import TerminalVocabulary

/// The look the screen is drawn in: a theme settled for one terminal, from the theme asked for, the
/// colours the terminal can show and its background.
///
/// The views draw in the dark theme's styles, each with its meaning (``StyleRole``); ``restyle(_:)``
/// gives each meaning this palette's look, so the render stays pure and a theme is tested without a
/// terminal. No colours (NO_COLOR, `--no-color`, a terminal without colours) always means mono.
public struct Palette: Sendable, Hashable {
    /// The three looks a theme comes down to.
    public enum Look: String, Sendable, Hashable, CaseIterable {
        case dark, light, mono
    }

    public let theme: ThemeName
    public let depth: ColorCapability
    public let background: TerminalBackground

    public init(theme: ThemeName, depth: ColorCapability, background: TerminalBackground = .unknown) {
        self.theme = theme
        self.depth = depth
        self.background = background
    }

    /// Today's look on a 256-colour terminal: what the browser draws unless told otherwise.
    public static let standard = Palette(theme: .dark, depth: .palette256)

    /// The look drawn: mono without colours, `auto` by the background (dark when unknown).
    public var look: Look {
        guard depth != .none else { return .mono }
        switch theme {
        case .dark: return .dark
        case .light: return .light
        case .mono: return .mono
        case .auto: return background == .light ? .light : .dark
        }
    }

    /// The same terminal in another theme (the settings screen's choice).
    public func switching(to theme: ThemeName) -> Palette {
        Palette(theme: theme, depth: depth, background: background)
    }

    /// `style` in this palette's look; its meaning is kept. A style without a meaning keeps its
    /// attributes, its colours made readable for the look.
    public func restyle(_ style: CellStyle) -> CellStyle {
        switch look {
        case .dark:
            return style
        case .mono:
            var look = style.role.flatMap(ThemeLooks.mono) ?? style
            look.foreground = .default
            look.background = .default
            look.role = style.role
            return look
        case .light:
            let rich = depth == .palette256
            guard let role = style.role else { return ThemeLooks.lightened(style, rich: rich) }
            var look = ThemeLooks.light(role, rich: rich)
            look.role = role
            return look
        }
    }

    /// The frame in this palette's look.
    func restyle(_ frame: Frame) -> Frame {
        guard look != .dark else { return frame }
        var frame = frame
        frame.restyle(restyle)
        return frame
    }
}
