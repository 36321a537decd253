import ArgumentParser
import ImageBrowser
import Logging
import QingCloud
import UserSettings

/// The settings file as the browser starts with it: read once, every problem logged, the first one
/// (with how many more) for the footer's one-line notice. The browser always opens: a problem leaves its
/// entry out and the default applies.
struct SettingsStartup {
    var file: SettingsFile
    /// The views and the remembered state, their meaning checked.
    var views: ViewSettings
    /// The footer's notice: the first problem, and how many more the log holds; nil when there is none.
    var notice: String?

    init(directories: UserDirectories, environment: [String: String]) {
        self.init(file: SettingsFile.load(SettingsLocation(environment: environment, directories: directories)))
    }

    init(file: SettingsFile) {
        self.file = file
        views = ViewSettings(file.settings, file: file.location.displayPath)
        notice = Self.notice(for: problems.map(\.description))
    }

    var settings: Settings { file.settings }

    /// Every problem: the file's, then those of the views' and the remembered state's meaning.
    var problems: [SettingsProblem] { file.problems + views.problems }

    /// Writes every problem to `logger`.
    func log(to logger: Logger) {
        for problem in problems { logger.warning("settings: \(problem)") }
    }

    /// `--view NAME`'s view; nil without the flag. A name the file holds no usable view of is a usage
    /// error, as a bad flag value: one line on stderr naming the views there are, exit status 2.
    func view(named name: String?) throws(ExitCode) -> BrowserView? {
        guard let name else { return nil }
        do {
            return try views.view(named: name, file: file.location.displayPath)
        } catch {
            StandardError.write("qcimages: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// Whether `remember: true`: the last sort and zones are kept between runs.
    var remembers: Bool { settings.remember?.value == true }

    /// What the session starts with: the zones (`-z` wins over the view's, the view's over the remembered
    /// ones) and the sort (the view's, else the remembered one). Never the remembered filter: there is none.
    func start(view: BrowserView?, commandLineZones: String?) -> (zones: String?, sort: SortSetting?) {
        let remembered = remembers ? views : nil
        return (commandLineZones ?? view?.zones ?? remembered?.rememberedZones, view?.sort ?? remembered?.rememberedSort)
    }

    /// Saves `view` in the file (added, or replacing the one of its name): nil when written, else the one
    /// line saying why not.
    func save(_ view: BrowserView) -> String? {
        let entry = ViewEntry(name: view.name, filter: view.filter, sort: view.sort?.description, zones: view.zones,
                              columns: view.columns, line: 0)
        return write(.view(entry))
    }

    /// With `remember: true`, writes the sort and zones the session ended with to `last:` (unless the
    /// file holds them already); nil when done or nothing to do, else the one line saying why not.
    func remember(sort: SortSetting, zones: String?) -> String? {
        guard remembers else { return nil }
        let state = RememberedState(sort: sort.description, zones: zones)
        guard state != settings.remembered else { return nil }
        return write(.remembered(state))
    }

    /// Makes `change` in the file: nil when written, else the one line saying why not.
    private func write(_ change: SettingsChange) -> String? {
        do {
            _ = try SettingsFile.saving([change], at: file.location)
            return nil
        } catch {
            return error.description
        }
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
