import QingCloud
import Yams

/// qcimages' own settings file, read: the ``Settings`` it holds, what is wrong in it (one line each, naming
/// the file and the line), and whether qcimages may rewrite it.
///
/// Nothing in the file ever stops qcimages: a file that is not YAML gives one problem and the defaults; an
/// entry with a wrong shape gives one problem and is left out. A file that could not be read or parsed is
/// never rewritten, so nothing the user wrote is lost.
public struct SettingsFile: Sendable {
    public var location: SettingsLocation
    public var settings: Settings
    public var problems: [SettingsProblem]
    /// The file's text as read; nil when there is no file (yet).
    public var text: String?
    /// Why qcimages must not rewrite the file (it could not be read or parsed, or its top level is not
    /// written one key per line); nil when it may.
    public var notRewritable: String?

    /// The largest settings file read: a real one is a few hundred lines.
    public static let maximumSize = 512 * 1024

    /// Reads the file at `location`; a missing file is the defaults, with no problem.
    public static func load(_ location: SettingsLocation) -> SettingsFile {
        guard BoundedTextFile.isPresent(at: location.path) else {
            return SettingsFile(location: location, settings: Settings(), problems: [], text: nil, notRewritable: nil)
        }
        do {
            let contents = try BoundedTextFile.read(path: location.path, maximumSize: maximumSize)
            return parse(contents.text, location: location)
        } catch {
            let problem = SettingsProblem(file: location.displayPath, line: nil, message: "cannot be read: \(error.description); using the defaults")
            return SettingsFile(location: location, settings: Settings(), problems: [problem], text: nil, notRewritable: problem.description)
        }
    }

    /// Parses `text` as the file at `location`.
    public static func parse(_ text: String, location: SettingsLocation) -> SettingsFile {
        var reader = SettingsReader(file: location.displayPath)
        let settings: Settings
        var notRewritable: String?
        do {
            let root = try Yams.compose(yaml: text)
            settings = reader.settings(from: root)
            notRewritable = SettingsText.whyNotRewritable(root, text: text)
        } catch {
            reader.problem(nil, "is not valid YAML (\(YAMLProblem(error, in: text).description)); using the defaults")
            settings = Settings()
            notRewritable = "it is not valid YAML"
        }
        return SettingsFile(location: location, settings: settings, problems: reader.problems, text: text, notRewritable: notRewritable)
    }
}
