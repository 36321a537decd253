import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

@Suite("Themes")
struct ThemeTests {
    @Test("theme names parse as typed, and only those")
    func names() {
        #expect(ThemeName.names == ["dark", "light", "mono", "auto"])
        #expect(ThemeName.names.compactMap(ThemeName.init(rawValue:)) == ThemeName.allCases)
        #expect(ThemeName(rawValue: "Light") == nil)
        #expect(ThemeName(rawValue: "") == nil)
    }

    @Test("COLORFGBG: the last field is the background; 0-6 and 8 dark, 7 and 9-15 light, anything else unknown",
          arguments: [
              ("0;15", TerminalBackground.light), ("15;0", .dark), ("0;default;15", .light), ("15;default;0", .dark),
              ("0;7", .light), ("7;8", .dark), ("0;12", .light), ("12;6", .dark), ("15;default", .unknown),
              ("0;16", .unknown), ("", .unknown), ("light", .unknown), ("0;-1", .unknown), ("0; 15", .light),
          ])
    func colorFGBG(value: String, background: TerminalBackground) {
        #expect(TerminalBackground(colorFGBG: value) == background)
    }

    @Test("no COLORFGBG: unknown")
    func colorFGBGUnset() {
        #expect(TerminalBackground(colorFGBG: nil) == .unknown)
    }

    @Test("auto is light on a light background, dark otherwise; the others are what they say")
    func autoFollowsTheBackground() {
        #expect(Palette(theme: .auto, depth: .palette256, background: .light).look == .light)
        #expect(Palette(theme: .auto, depth: .palette256, background: .dark).look == .dark)
        #expect(Palette(theme: .auto, depth: .ansi8, background: .unknown).look == .dark)
        for background in [TerminalBackground.dark, .light, .unknown] {
            #expect(Palette(theme: .dark, depth: .ansi16, background: background).look == .dark)
            #expect(Palette(theme: .light, depth: .ansi16, background: background).look == .light)
            #expect(Palette(theme: .mono, depth: .ansi16, background: background).look == .mono)
        }
    }

    @Test("no colours (NO_COLOR, --no-color, a terminal without them) is mono whatever the theme")
    func noColoursIsMono() {
        for theme in ThemeName.allCases {
            #expect(Palette(theme: theme, depth: .none, background: .light).look == .mono)
        }
    }

    @Test("switching keeps the terminal's depth and background")
    func switching() {
        let palette = Palette(theme: .dark, depth: .ansi8, background: .light).switching(to: .auto)
        #expect(palette == Palette(theme: .auto, depth: .ansi8, background: .light))
        #expect(palette.look == .light)
    }

    @Test("dark is today's look: every style drawn as written")
    func darkIsIdentity() {
        let styles = ImageStatus.documented.map(Theme.status) + [Theme.warning, Theme.changed, Theme.border,
                                                                 CellStyle(foreground: .yellow), .plain]
        for depth in [ColorCapability.ansi8, .ansi16, .palette256] {
            let palette = Palette(theme: .dark, depth: depth)
            #expect(styles.map(palette.restyle) == styles)
        }
    }

    @Test("a themed style keeps its meaning, so that the views can still recognise it")
    func meaningKept() {
        for theme in ThemeName.allCases {
            for role in StyleRole.allCases {
                #expect(Palette(theme: theme, depth: .palette256).restyle(CellStyle(role: role)).role == role)
            }
        }
    }

    @Test("mono and no colours draw no colour at all, the selection bar still in reverse")
    func monoHasNoColours() {
        for palette in [Palette(theme: .mono, depth: .palette256), Palette(theme: .light, depth: .none)] {
            for role in StyleRole.allCases {
                let style = palette.restyle(CellStyle(foreground: .red, background: .palette(200), role: role))
                #expect(style.foreground == .default && style.background == .default, "\(role)")
            }
            #expect(palette.restyle(Theme.selectionBar(focused: true)).reverse)
            #expect(palette.restyle(CellStyle(foreground: .cyan, bold: true)) == CellStyle(bold: true))
        }
    }

    @Test("the 256-colour palette only where the terminal has it: ANSI colours on 8 and 16")
    func paletteColoursOnlyOn256() {
        func usesPalette(_ color: TerminalColor) -> Bool {
            if case .palette = color { return true }
            return false
        }
        for theme in ThemeName.allCases {
            for depth in [ColorCapability.ansi8, .ansi16] {
                for role in StyleRole.allCases {
                    let style = Palette(theme: theme, depth: depth, background: .light).restyle(CellStyle(role: role))
                    #expect(!usesPalette(style.foreground) && !usesPalette(style.background), "\(theme) \(depth) \(role)")
                }
            }
        }
    }

    @Test("light: no yellow, cyan, green or white text, for every meaning and for styles without one")
    func lightHasNoPaleText() {
        let pale: Set<TerminalColor> = [.yellow, .cyan, .green, .white]
        for depth in [ColorCapability.ansi8, .ansi16, .palette256] {
            let palette = Palette(theme: .light, depth: depth)
            let styles = StyleRole.allCases.map { CellStyle(role: $0) }
                + [TerminalColor.yellow, .cyan, .green, .white].map { CellStyle(foreground: $0, bold: true) }
            for style in styles.map(palette.restyle) {
                #expect(!pale.contains(style.reverse ? style.background : style.foreground), "\(depth) \(style)")
            }
        }
    }

    @Test("light: every meaning keeps 4.5:1 with xterm's colours, bold also in the bright colour")
    func lightContrast() {
        for depth in [ColorCapability.ansi8, .ansi16, .palette256] {
            let palette = Palette(theme: .light, depth: depth)
            let pairs = StyleRole.allCases.flatMap { role in
                Contrast.pairs(of: palette.restyle(CellStyle(role: role)), look: .light).map { (role, $0) }
            }
            for (role, pair) in pairs {
                #expect(pair.ratio >= Contrast.minimum, "\(depth) \(role): \(pair.description)")
            }
            let lowest = pairs.min { $0.1.ratio < $1.1.ratio }
            print("contrast light \(depth): lowest \(lowest.map { "\($0.0): \($0.1.description)" } ?? "none")")
        }
    }

    /// Every style of ``Theme``: the dark look of every meaning.
    static let darkStyles = [
        Theme.titleBar, Theme.titleBarStrong, Theme.demoBadge, Theme.pausedBadge, Theme.columnTitle,
        Theme.sortedColumnTitle, Theme.label, Theme.faint, Theme.strong, Theme.error, Theme.warning, Theme.filterText,
        Theme.changed, Theme.selectionBar(focused: false), Theme.selectionBar(focused: true), Theme.activity,
        Theme.border, Theme.focusedBorder,
    ] + (ImageStatus.documented + [.other("unheard-of")]).map(Theme.status)

    @Test("every meaning has its dark look in Theme")
    func everyRoleInTheme() {
        #expect(Set(Self.darkStyles.compactMap(\.role)) == Set(StyleRole.allCases))
    }

    @Test("dark (today's look) on xterm's black, measured and not held to 4.5:1")
    func darkContrastMeasured() {
        let pairs = Self.darkStyles.flatMap { style in
            Contrast.pairs(of: style, look: .dark).map { (style.role!, $0) }
        }
        let lowest = pairs.min { $0.1.ratio < $1.1.ratio }
        #expect(lowest != nil)
        print("contrast dark: lowest \(lowest.map { "\($0.0): \($0.1.description)" } ?? "none")")
    }
}
