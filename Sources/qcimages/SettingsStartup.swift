import ImageBrowser
import Logging
import QingCloud
import UserSettings

/// The settings file as the browser starts with it: read once, every problem logged, the first one
/// (with how many more) for the footer's one-line notice. The browser always opens: a problem leaves its
/// entry out and the default applies.
struct SettingsStartup {
    var file: SettingsFile
    /// What is wrong in the file: its structure's problems, then the meaning's (an unknown column, sort
    /// or theme), one line each.
    var problems: [SettingsProblem]
    /// The footer's notice: the first problem, and how many more the log holds; nil when there is none.
    var notice: String?
    /// `columns:`, the known names in order; standard when unset.
    var columns = ColumnChoice.standard
    /// `sort:`; newest first when unset or unknown.
    var sort = SortOrder.serverDefault
    /// `theme:`; the first of ``SetupScreen/themeNames`` when unset or unknown.
    var themeName = SetupScreen.themeNames[0]

    init(directories: UserDirectories, environment: [String: String]) {
        self.init(file: SettingsFile.load(SettingsLocation(environment: environment, directories: directories)))
    }

    init(file: SettingsFile) {
        self.file = file
        problems = file.problems
        let settings = file.settings
        func problem(_ line: Int, _ message: String) {
            problems.append(SettingsProblem(file: file.location.displayPath, line: line, message: message))
        }
        let known = ImageField.columns.map(\.columnName)
        // "did you mean created?", else where the names are listed.
        func hint(_ name: String) -> String {
            SpellingSuggestion.closest(to: name, among: known).map { "did you mean \($0)?" } ?? "F2 lists the columns"
        }
        if let chosen = settings.columns {
            let named = ColumnChoice.named(chosen.value)
            for name in named.unknown {
                problem(chosen.line, "unknown column \"\(name)\" (\(hint(name))); left out")
            }
            columns = named.choice
        }
        if let sort = settings.sort {
            if let order = SortOrder(settingsName: sort.value) {
                self.sort = order
            } else {
                let name = sort.value.hasPrefix("-") || sort.value.hasPrefix("+") ? String(sort.value.dropFirst()) : sort.value
                problem(sort.line, "unknown sort \"\(sort.value)\" (\(hint(name)); - in front for descending); sorting by -created")
            }
        }
        if let theme = settings.theme {
            if SetupScreen.themeNames.contains(theme.value) {
                themeName = theme.value
            } else {
                problem(theme.line, "unknown theme \"\(theme.value)\" (\(SetupScreen.themeNames.joined(separator: ", "))); using \(themeName)")
            }
        }
        notice = Self.notice(for: problems.map(\.description))
    }

    var settings: Settings { file.settings }

    /// Writes every problem to `logger`.
    func log(to logger: Logger) {
        for problem in problems { logger.warning("settings: \(problem)") }
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
