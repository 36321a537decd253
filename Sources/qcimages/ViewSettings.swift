import FilterLanguage
import ImageBrowser
import QingCloud
import UserSettings

/// The settings file's `views:` and `last:` with their meaning checked: a view's filter parses in the
/// filter language, its sort names a sortable column, its zones read as `-z` reads them and its columns
/// name fields. A view that fails is one problem (file and line) and is left out; the others are offered.
struct ViewSettings {
    var views: [BrowserView] = []
    var problems: [SettingsProblem] = []
    /// `last:`'s sort, when it names a sortable column.
    var rememberedSort: SortSetting?
    /// `last:`'s zones, when they read as `-z` reads them.
    var rememberedZones: String?

    init(_ settings: Settings, file: String) {
        for entry in settings.views {
            do throws(SettingsProblem) {
                views.append(try Self.view(entry, file: file))
            } catch {
                problems.append(error)
            }
        }
        if let last = settings.remembered {
            func problem(_ message: String) { problems.append(SettingsProblem(file: file, line: nil, message: "last: " + message + "; ignored")) }
            if let sort = last.sort {
                do throws(SortSetting.Invalid) { rememberedSort = try SortSetting(parsing: sort) } catch { problem(error.description) }
            }
            if let zones = last.zones {
                do throws(ZoneSelectionError) {
                    _ = try ZoneSelection(parsing: zones)
                    rememberedZones = zones
                } catch {
                    problem("zones: \(error)")
                }
            }
        }
    }

    /// The view `entry` stands for; throws the one line naming the file and the line.
    static func view(_ entry: ViewEntry, file: String) throws(SettingsProblem) -> BrowserView {
        func problem(_ message: String) -> SettingsProblem {
            SettingsProblem(file: file, line: entry.line, message: "the view \(entry.name): \(message); left out")
        }
        guard BrowserView.isValidName(entry.name) else {
            throw problem("a view's name is letters, digits, - _ and .")
        }
        if let error = ImageFilter.parse(entry.filter).syntaxError {
            throw problem("filter \(entry.filter.debugDescription): \(error)")
        }
        var sort: SortSetting?
        if let text = entry.sort {
            do throws(SortSetting.Invalid) { sort = try SortSetting(parsing: text) } catch { throw problem(error.description) }
        }
        if let zones = entry.zones {
            do throws(ZoneSelectionError) { _ = try ZoneSelection(parsing: zones) } catch { throw problem("zones: \(error)") }
        }
        if let columns = entry.columns {
            if let unknown = ColumnChoice.named(columns).unknown.first {
                throw problem("unknown column \(unknown.debugDescription) (\(ImageField.columns.map(\.columnName).joined(separator: ", ")))")
            }
        }
        return BrowserView(name: entry.name, filter: entry.filter, sort: sort, zones: entry.zones, columns: entry.columns)
    }


    /// The view `name`, for `--view`; throws the one line naming the known ones (or the problem that
    /// left it out).
    func view(named name: String, file: String) throws(Failure) -> BrowserView {
        if let view = views.first(where: { $0.name == name }) { return view }
        if let problem = problems.first(where: { $0.message.hasPrefix("the view \(name):") }) {
            throw Failure("--view \(name): \(problem)")
        }
        let known = views.isEmpty ? "it holds no view" : "known: " + views.map(\.name).joined(separator: ", ")
        throw Failure("--view \(name): no such view in \(file) (\(known))")
    }
}
