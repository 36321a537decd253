/// One change qcimages makes to the settings file: from the setup screen, a saved view, or the remembered
/// sort and zones. Each replaces one top-level section, the rest of the file staying as written.
public enum SettingsChange: Sendable, Equatable {
    case theme(String)
    case mouse(Bool)
    /// Seconds, 0 for off.
    case refresh(Double)
    case sort(String)
    case columns([String])
    case remember(Bool)
    /// Adds the view, or replaces the one of the same name in place.
    case view(ViewEntry)
    case remembered(RememberedState)

    /// The top-level key the change rewrites.
    var section: String {
        switch self {
        case .theme: "theme"
        case .mouse: "mouse"
        case .refresh: "refresh"
        case .sort: "sort"
        case .columns: "columns"
        case .remember: "remember"
        case .view: "views"
        case .remembered: "last"
        }
    }

    /// `settings` with the change made.
    func applied(to settings: Settings) -> Settings {
        var settings = settings
        switch self {
        case .theme(let name): settings.theme = Located(name, line: 0)
        case .mouse(let on): settings.mouse = Located(on, line: 0)
        case .refresh(let seconds): settings.refresh = Located(seconds, line: 0)
        case .sort(let sort): settings.sort = Located(sort, line: 0)
        case .columns(let columns): settings.columns = Located(columns, line: 0)
        case .remember(let on): settings.remember = Located(on, line: 0)
        case .view(let view):
            if let index = settings.views.firstIndex(where: { $0.name == view.name }) {
                settings.views[index] = view
            } else {
                settings.views.append(view)
            }
        case .remembered(let state): settings.remembered = state
        }
        return settings
    }
}
