import TerminalVocabulary

/// Maps the renderer's colours to curses colour numbers for what the terminal can show.
///
/// Pure, so that the fallbacks (256 colours to ANSI, default colours without `use_default_colors`)
/// are tested without a terminal.
struct ColorMapper: Sendable, Equatable {
    /// A foreground and background pair as curses numbers; -1 is the terminal's default colour.
    struct Pair: Sendable, Hashable {
        var foreground: Int16
        var background: Int16
    }

    let capability: ColorCapability
    /// Whether `use_default_colors` succeeded, so that -1 means the terminal's own colours.
    let defaultColorsAvailable: Bool

    /// The curses colour numbers for a style, or nil when the terminal shows no colours.
    func pair(for style: CellStyle) -> Pair? {
        guard capability != .none else { return nil }
        var foreground = number(for: style.foreground, isForeground: true)
        let background = number(for: style.background, isForeground: false)
        if foreground == background, foreground >= 0, style.foreground != style.background {
            foreground = Self.contrasting(with: background)
        }
        return Pair(foreground: foreground, background: background)
    }

    /// The pair curses uses when none is set (pair 0).
    var defaultPair: Pair {
        defaultColorsAvailable
            ? Pair(foreground: -1, background: -1)
            : Pair(foreground: Self.white, background: Self.black)
    }

    private func number(for color: TerminalColor, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            if defaultColorsAvailable { return -1 }
            return isForeground ? Self.white : Self.black
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .palette(let index):
            switch capability {
            case .palette256: return Int16(index)
            case .ansi16 where index < 16: return Int16(index)
            default: return Self.nearestANSI(toPaletteIndex: index)
            }
        }
    }

    private static let black: Int16 = 0
    private static let white: Int16 = 7

    /// A colour readable on `background` when the mapping made text and background the same colour.
    private static func contrasting(with background: Int16) -> Int16 {
        switch background {
        case 0, 1, 4, 5: return white
        default: return black
        }
    }

    /// The ANSI colour (0-7) closest in hue to an xterm palette entry.
    ///
    /// Greys go to black or white by lightness; other colours keep every channel that is at least half
    /// of the strongest one, so dark red stays red instead of becoming black.
    static func nearestANSI(toPaletteIndex index: UInt8) -> Int16 {
        if index < 16 { return Int16(index % 8) }
        let (red, green, blue) = rgb(ofPaletteIndex: index)
        let strongest = max(red, green, blue), weakest = min(red, green, blue)
        if strongest - weakest < 48 {
            return strongest >= 128 ? white : black
        }
        let half = strongest / 2
        let bits = (red > half ? 1 : 0) | (green > half ? 2 : 0) | (blue > half ? 4 : 0)
        return Int16(bits)
    }

    /// The red, green and blue of an xterm palette entry from 16 up (the 6x6x6 cube and the grey ramp).
    static func rgb(ofPaletteIndex index: UInt8) -> (Int, Int, Int) {
        if index >= 232 {
            let level = 8 + 10 * (Int(index) - 232)
            return (level, level, level)
        }
        let cube = Int(index) - 16
        func level(_ step: Int) -> Int { step == 0 ? 0 : 55 + 40 * step }
        return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
    }
}
