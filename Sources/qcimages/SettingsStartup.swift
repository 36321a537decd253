import ImageBrowser
import Logging
import QingCloud
import UserSettings

/// The settings file as the browser starts with it: read once, every problem logged, the first one
/// (with how many more) for the footer's one-line notice. The browser always opens: a problem leaves its
/// entry out and the default applies.
struct SettingsStartup {
    var file: SettingsFile
    /// The user's commands whose keys are free (``UserCommandSettings``).
    var commands: [UserCommand]
    /// The file's problems, then those of what it means (a command's key taken).
    var problems: [SettingsProblem]

    init(directories: UserDirectories, environment: [String: String]) {
        let location = SettingsLocation(environment: environment, directories: directories)
        file = SettingsFile.load(location)
        let checked = UserCommandSettings.commands(from: file.settings.commands, file: location.displayPath)
        commands = checked.commands
        problems = file.problems + checked.problems
    }

    var settings: Settings { file.settings }

    /// The footer's notice: the first problem, and how many more the log holds; nil when there is none.
    var notice: String? { Self.notice(for: problems.map(\.description)) }

    /// Writes every problem to `logger`.
    func log(to logger: Logger) {
        for problem in problems { logger.warning("settings: \(problem)") }
    }

    /// The footer notice for `problems`, the first one and a count of the others.
    static func notice(for problems: [String]) -> String? {
        guard let first = problems.first else { return nil }
        return problems.count == 1 ? first : first + " (and \(problems.count - 1) more in the log)"
    }

    /// The notices that are there, in one line; nil when none is.
    static func joined(_ notices: String?...) -> String? {
        let present = notices.compactMap { $0 }
        return present.isEmpty ? nil : present.joined(separator: " · ")
    }

    /// The refresh interval in seconds: the command line's, else the file's, else 5.
    func refreshSeconds(commandLine: Double?) -> Double {
        commandLine ?? settings.refresh?.value ?? 5
    }
}
