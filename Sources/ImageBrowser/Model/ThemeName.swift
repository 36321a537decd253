import Foundation

/// The colour themes a user chooses from, by the names typed in `--theme`, the settings file and the
/// setup screen. `ThemeName(rawValue:)` parses a name; ``names`` lists them for help and errors.
public enum ThemeName: String, Sendable, Hashable, CaseIterable {
    /// Today's colours, for a dark background.
    case dark
    /// Colours readable on a white background: no yellow, cyan or green text.
    case light
    /// No colours: bold, dim, reverse and underline only.
    case mono
    /// The terminal's own colours, with the dark or light theme's accents as `COLORFGBG` says.
    case auto

    /// Every name, in the order help shows them.
    public static let names = allCases.map(\.rawValue)
}

/// Whether the terminal's background is dark or light, as far as the environment says.
public enum TerminalBackground: Sendable, Hashable {
    case dark, light
    /// `COLORFGBG` is unset or says nothing usable: treated as dark.
    case unknown

    /// From `COLORFGBG` ("foreground;background", rxvt's "foreground;default;background"), set by rxvt,
    /// Konsole and others: the last field is the background's colour number; 0 to 6 and 8 are dark,
    /// 7 and 9 to 15 light (as Vim reads it).
    public init(colorFGBG: String?) {
        guard let last = colorFGBG?.split(separator: ";", omittingEmptySubsequences: false).last,
              let number = Int(last.trimmingCharacters(in: .whitespaces)), (0...15).contains(number) else {
            self = .unknown
            return
        }
        self = number <= 6 || number == 8 ? .dark : .light
    }
}
