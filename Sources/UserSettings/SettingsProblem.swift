/// Something wrong in the settings file, as one line naming the file and the line:
/// `~/.config/qcimages/config.yaml:12: unknown theme "drak" (dark, light, mono or auto)`.
///
/// A problem never stops qcimages: the entry is left out and its default applies.
public struct SettingsProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user would type it (`~/...`).
    public var file: String
    /// The line (from 1), nil when the problem is the whole file's.
    public var line: Int?
    public var message: String

    /// `message` is made one line of at most ``maximumLength`` characters: it may quote what the file
    /// holds, and a YAML key can hold a line break or an escape sequence.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        var oneLine = ""
        for scalar in message.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029: oneLine += scalar.escaped(asASCII: true)
            default: oneLine.unicodeScalars.append(scalar)
            }
        }
        self.message = oneLine.count > Self.maximumLength ? String(oneLine.prefix(Self.maximumLength - 1)) + "…" : oneLine
    }

    /// The longest message kept.
    public static let maximumLength = 300

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + message
    }
}
