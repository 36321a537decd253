import ArgumentParser
import ImageBrowser
import Logging
import QingCloud
import UserSettings

/// The settings file as the browser starts with it: read once, each entry's meaning checked, every
/// problem logged, the first one (with how many more) for the footer's one-line notice. The browser always
/// opens: a problem leaves its entry out and the default applies.
struct SettingsStartup {
    var file: SettingsFile
    /// The keys: the defaults with `keys:` applied.
    private(set) var keys: KeyBindings
    /// The file's problems, then those of what its entries mean (an unknown theme, keys the browser cannot use).
    private(set) var problems: [SettingsProblem]
    /// The user's commands whose keys are free (``UserCommandSettings``).
    private(set) var commands: [UserCommand]
    /// `theme:`, when it names a theme.
    private(set) var theme: ThemeName?
    /// The views and the remembered state, their meaning checked.
    private(set) var views: ViewSettings
    /// `columns:`, the known names in order; standard when unset.
    private(set) var columns = ColumnChoice.standard
    /// `sort:`; newest first when unset or unknown.
    private(set) var sort = SortOrder.serverDefault

    init(directories: UserDirectories, environment: [String: String]) {
        self.init(file: SettingsFile.load(SettingsLocation(environment: environment, directories: directories)))
    }

    init(file: SettingsFile) {
        self.file = file
        let rebound = KeyBindings.rebound(by: file.settings.keys.map { ($0.action, $0.keys, $0.line) })
        keys = rebound.bindings
        problems = file.problems + rebound.problems.map {
            SettingsProblem(file: file.location.displayPath, line: $0.line, message: $0.message)
        }
        let checked = UserCommandSettings.commands(from: file.settings.commands, file: file.location.displayPath, keys: keys)
        commands = checked.commands
        problems += checked.problems
        views = ViewSettings(file.settings, file: file.location.displayPath)
        problems += views.problems
        let settings = file.settings
        let known = ImageField.columns.map(\.columnName)
        // "did you mean created?", else where the names are listed.
        func hint(_ name: String) -> String {
            SpellingSuggestion.closest(to: name, among: known).map { "did you mean \($0)?" } ?? "F2 lists the columns"
        }
        if let chosen = settings.columns {
            let named = ColumnChoice.named(chosen.value)
            for name in named.unknown {
                note(chosen.line, "unknown column \"\(name)\" (\(hint(name))); left out")
            }
            columns = named.choice
        }
        if let sort = settings.sort {
            if let order = SortOrder(settingsName: sort.value) {
                self.sort = order
            } else {
                let name = sort.value.hasPrefix("-") || sort.value.hasPrefix("+") ? String(sort.value.dropFirst()) : sort.value
                note(sort.line, "unknown sort \"\(sort.value)\" (\(hint(name)); - in front for descending); sorting by -created")
            }
        }
        if let name = file.settings.theme {
            theme = ThemeName(rawValue: name.value)
            if theme == nil {
                note(name.line, "unknown theme \(name.value.debugDescription) (\(ThemeName.names.joined(separator: ", "))); auto used")
            }
        }
    }

    var settings: Settings { file.settings }

    /// The footer's notice: the first problem, and how many more the log holds; nil when there is none.
    var notice: String? { Self.notice(for: problems.map(\.description)) }

    /// Notes a problem with the meaning of the entry on `line`.
    mutating func note(_ line: Int, _ message: String) {
        problems.append(SettingsProblem(file: file.location.displayPath, line: line, message: message))
    }

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

    /// Writes the setup screen's changes to the file (atomically, the rest of it kept) and says how it went.
    /// New columns are not written over a `columns:` naming one this qcimages does not know (a typo, or a
    /// column of a newer version): that name would be lost.
    static func save(_ changes: [SetupChange], at location: SettingsLocation) -> SettingsSaveOutcome {
        if changes.contains(where: { if case .columns = $0 { true } else { false } }),
           let columns = SettingsFile.load(location).settings.columns,
           let unknown = ColumnChoice.named(columns.value).unknown.first {
            return .notSaved(SettingsSaveError(
                file: location.displayPath,
                reason: "line \(columns.line) of `columns` names \"\(unknown)\", no column here; fix it by hand first").description)
        }
        do {
            _ = try SettingsFile.saving(changes.map(settingsChange), at: location)
            return .saved(file: location.displayPath)
        } catch {
            return .notSaved(error.description)
        }
    }

    /// A setup screen's change as the settings file writes it.
    static func settingsChange(_ change: SetupChange) -> SettingsChange {
        switch change {
        case .columns(let choice): .columns(choice.names)
        case .sort(let order): .sort(order.settingsName)
        case .refresh(let interval): .refresh(interval.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } ?? 0)
        case .theme(let name): .theme(name)
        case .mouse(let on): .mouse(on)
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
