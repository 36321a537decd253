import TerminalVocabulary

/// The light and mono themes' look for each meaning (the dark theme's is ``Theme``'s own).
///
/// Light is for a white background: text is never yellow, cyan or green, and every pair of colours
/// keeps a WCAG contrast of at least 4.5:1 with xterm's standard colours, also where a terminal draws
/// bold text in the bright colour (which is why bold goes only with blue, or with the 256-colour
/// palette, which bold does not brighten). Mono has attributes only; each status gets its own.
enum ThemeLooks {
    /// `rich`: a 256-colour terminal, where darker shades than the eight ANSI colours are at hand.
    static func light(_ role: StyleRole, rich: Bool) -> CellStyle {
        let blue: TerminalColor = rich ? .palette(25) : .blue
        let warning: TerminalColor = rich ? .palette(130) : .magenta
        let red: TerminalColor = rich ? .palette(124) : .red
        switch role {
        case .titleBar, .selectionBar: return CellStyle(reverse: true)
        case .titleBarStrong, .focusedSelectionBar: return CellStyle(bold: true, reverse: true)
        case .badge: return CellStyle(background: .yellow, bold: true)
        case .columnTitle, .strong: return CellStyle(bold: true)
        case .sortedColumnTitle, .filterText, .focusedBorder: return CellStyle(foreground: blue, bold: true)
        case .label: return CellStyle(foreground: rich ? .palette(24) : .blue)
        case .faint: return rich ? CellStyle(foreground: .palette(242)) : CellStyle(dim: true)
        case .error: return CellStyle(foreground: red, bold: rich)
        case .warning, .activity: return CellStyle(foreground: warning, bold: rich)
        case .changed: return CellStyle(background: rich ? .palette(229) : .yellow, bold: true, underline: true)
        case .border: return CellStyle(foreground: .blue)
        case .status(let status): return light(status, rich: rich)
        }
    }

    private static func light(_ status: StyleRole.StatusRole, rich: Bool) -> CellStyle {
        switch status {
        case .available: rich ? CellStyle(foreground: .palette(28)) : CellStyle()
        case .pending: CellStyle(foreground: rich ? .palette(25) : .blue, bold: true)
        case .deprecated: CellStyle(foreground: rich ? .palette(130) : .magenta)
        case .suspended: rich ? CellStyle(foreground: .palette(90), bold: true) : CellStyle(foreground: .magenta, underline: true)
        case .deleted: CellStyle(foreground: rich ? .palette(124) : .red, bold: rich)
        case .ceased: rich ? CellStyle(foreground: .palette(242)) : CellStyle(dim: true)
        case .other: CellStyle(bold: true)
        }
    }

    /// A style without a meaning, for a white background: the text colours that fade on white become
    /// the light theme's nearest ones, and bold stays only on blue, the default colour and the 256-colour
    /// palette (an ANSI colour's bright variant may fade); backgrounds and other attributes stay.
    static func lightened(_ style: CellStyle, rich: Bool) -> CellStyle {
        var style = style
        switch style.foreground {
        case .yellow: style.foreground = rich ? .palette(130) : .magenta
        case .cyan: style.foreground = rich ? .palette(24) : .blue
        case .green: style.foreground = rich ? .palette(28) : .default
        case .white: style.foreground = .default
        default: break
        }
        switch style.foreground {
        case .default, .blue, .palette: break
        default: style.bold = false
        }
        return style
    }

    /// Mono's own look for a meaning, nil where the dark look without its colours serves (NO_COLOR's
    /// drawing before themes). Statuses are told apart by their attributes alone.
    static func mono(_ role: StyleRole) -> CellStyle? {
        guard case .status(let status) = role else { return nil }
        return switch status {
        case .available: CellStyle()
        case .pending: CellStyle(bold: true)
        case .deprecated: CellStyle(underline: true)
        case .suspended: CellStyle(bold: true, underline: true)
        case .deleted: CellStyle(reverse: true)
        case .ceased: CellStyle(dim: true)
        case .other: CellStyle(dim: true, underline: true)
        }
    }
}
