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

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + message
    }
}
