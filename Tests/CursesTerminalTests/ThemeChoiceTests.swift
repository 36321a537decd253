import QingCloud
import TerminalVocabulary
import Testing

@testable import CursesTerminal
@testable import ImageBrowser

@Suite("Theme choice and status colours on the terminal")
struct ThemeChoiceTests {
    private func settings(_ theme: ThemeName, colorsAllowed: Bool = true, _ environment: [String: String] = [:]) -> TerminalSettings {
        TerminalSettings(colorsAllowed: colorsAllowed, theme: theme, environment: environment)
    }

    @Test("NO_COLOR and --no-color win over every theme: mono")
    func noColorWins() {
        for theme in ThemeName.allCases {
            #expect(settings(theme, ["NO_COLOR": "1"]).palette(colors: 256, hasColors: true).look == .mono)
            #expect(settings(theme, colorsAllowed: false).palette(colors: 256, hasColors: true).look == .mono)
        }
        #expect(settings(.light, ["NO_COLOR": ""]).palette(colors: 256, hasColors: true).look == .light)
    }

    @Test("auto reads COLORFGBG from the environment; unset is dark")
    func autoReadsColorFGBG() {
        #expect(settings(.auto, ["COLORFGBG": "0;15"]).palette(colors: 256, hasColors: true).look == .light)
        #expect(settings(.auto, ["COLORFGBG": "15;0"]).palette(colors: 256, hasColors: true).look == .dark)
        #expect(settings(.auto).palette(colors: 256, hasColors: true).look == .dark)
        #expect(settings(.dark, ["COLORFGBG": "0;15"]).palette(colors: 256, hasColors: true).look == .dark)
    }

    @Test("the depth follows the terminal: 8, 16, 256 colours, none")
    func depthFollowsTheTerminal() {
        #expect(settings(.light).palette(colors: 8, hasColors: true).depth == .ansi8)
        #expect(settings(.light).palette(colors: 16, hasColors: true).depth == .ansi16)
        #expect(settings(.light).palette(colors: 256, hasColors: true).depth == .palette256)
        #expect(settings(.light).palette(colors: 0, hasColors: false).look == .mono)
    }

    /// What the terminal shows for a style: its colour pair as curses gets it, and its attributes.
    private struct Drawn: Hashable {
        var pair: ColorMapper.Pair?
        var bold, dim, reverse, underline: Bool
    }

    @Test("every status looks different on the terminal, for every theme and colour depth",
          arguments: [ColorCapability.none, .ansi8, .ansi16, .palette256])
    func statusesTellApart(depth: ColorCapability) {
        let statuses = ImageStatus.documented + [.other("unheard-of")]
        let mapper = ColorMapper(capability: depth, defaultColorsAvailable: true)
        for theme in ThemeName.allCases {
            for background in [TerminalBackground.dark, .light, .unknown] {
                let palette = Palette(theme: theme, depth: depth, background: background)
                let drawn = statuses.map { status in
                    let style = palette.restyle(Theme.status(status))
                    return Drawn(pair: mapper.pair(for: style), bold: style.bold, dim: style.dim,
                                 reverse: style.reverse, underline: style.underline)
                }
                #expect(Set(drawn).count == statuses.count, "\(theme) on \(background) at \(depth): \(drawn)")
            }
        }
    }
}
