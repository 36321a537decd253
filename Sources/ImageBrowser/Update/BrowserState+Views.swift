import Foundation
import TerminalVocabulary

/// Views: `v` lists them and opens one (its filter and sort; its zones apply at start), `V` asks for a
/// name and saves the filter and sort under it. Saving is an effect: the executable writes the file and
/// posts ``BrowserEvent/viewSaved(_:failure:)``.
extension BrowserState {
    /// The view chooser's keys: move the cursor, open its view, save the current filter and sort, or leave.
    mutating func handleViewChooserKey(_ key: Key, cursor: Int, now: Date, _ effects: inout [BrowserEffect]) {
        guard let action = options.keys.action(for: key, in: .viewChooser) else { return }
        switch action {
        case .quit:
            quit(&effects)
        case .close:
            overlay = nil
        case .saveView:
            askForViewName(now: now)
        case .pickView:
            overlay = nil
            if views.indices.contains(cursor) {
                open(views[cursor], now: now, &effects)
            } else {
                show("no view yet: V saves the filter and sort as one", kind: .warning, now: now)
            }
        case .previous, .next, .first, .last:
            overlay = .viewChooser(cursor: Self.chooserCursor(cursor, after: action, count: views.count))
        default:
            break
        }
    }

    /// Applies `view`: its filter (as if typed, the bar closed), its sort and its columns. Zones are chosen
    /// at start: when the view names others than those shown, the footer says how to open it with them.
    mutating func open(_ view: BrowserView, now: Date, _ effects: inout [BrowserEffect]) {
        filter.isEditing = false
        setFilterText(view.filter, caret: view.filter.count, &effects)
        if let sort = view.sort { setSort(SortOrder(sort), now: now) }
        if let names = view.columns { columns = ColumnChoice.named(names).choice }
        var text = "view \(Sanitizer.forDisplay(view.name))"
        if let sort = view.sort { text += " · sorted by \(sort.field.sortName) \(sort.descending ? "▼" : "▲")" }
        if let zones = view.zones, !showsZones(zones) {
            text += " · its zones (\(Sanitizer.forDisplay(zones))) apply at start: qcimages --view \(Sanitizer.forDisplay(view.name))"
            show(text, kind: .warning, now: now, for: Browser.startupNoticeDuration)
        } else {
            show(text, now: now)
        }
    }

    /// Whether `zones` (as `-z` takes them) are the zones this session shows.
    func showsZones(_ zones: String) -> Bool {
        func normalized(_ text: String) -> [String] {
            text.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let asked = normalized(zones)
        return asked == normalized(options.zoneSelection ?? "") || asked == options.zones.map { $0.lowercased() }
    }

    /// `V`: the footer asks for the view's name.
    /// A filter with a mistake is not saved: the view would be left out when qcimages next starts.
    mutating func askForViewName(now: Date) {
        overlay = nil
        if let error = filter.applied.syntaxError {
            show("not saved as a view: the filter has a mistake (\(Sanitizer.forDisplay(error.description)))", kind: .warning, now: now)
            return
        }
        viewNamePrompt = LineEdit()
    }

    /// A key while the footer asks for a view's name: Enter saves, Esc gives up, others edit the name.
    mutating func handleViewNameKey(_ key: Key, now: Date, _ effects: inout [BrowserEffect]) {
        guard let prompt = viewNamePrompt else { return }
        switch options.keys.action(for: key, in: .viewNamePrompt) {
        case .quit:
            quit(&effects)
        case .close:
            viewNamePrompt = nil
        case .saveViewNamed:
            saveView(named: prompt.text.trimmingCharacters(in: .whitespaces), now: now, &effects)
        case let action?:
            viewNamePrompt = prompt.applying(action) ?? prompt
        case nil:
            viewNamePrompt = prompt.applying(key) ?? prompt
        }
    }

    /// Text pasted or typed fast while the footer asks for a name: into the name, line breaks dropped.
    mutating func typeIntoViewName(_ text: String) {
        guard let prompt = viewNamePrompt else { return }
        viewNamePrompt = prompt.inserting(String(text.unicodeScalars.filter { !Sanitizer.isUnsafe($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" }))
    }

    /// Asks for the current filter and sort to be written as the view `name`; a name the settings file
    /// could not hold as a word keeps the prompt open and says why.
    private mutating func saveView(named name: String, now: Date, _ effects: inout [BrowserEffect]) {
        guard BrowserView.isValidName(name) else {
            show(name.isEmpty ? "type a name for the view (Esc: do not save)"
                 : "a view's name is letters, digits, - _ and . (Esc: do not save)", kind: .warning, now: now)
            return
        }
        viewNamePrompt = nil
        guard options.settingsFile != nil else {
            show("views cannot be saved: no settings file", kind: .warning, now: now)
            return
        }
        effects.append(.saveView(BrowserView(name: name, filter: filter.text, sort: catalog.order.setting)))
        show("saving view \(name)…", now: now)
    }

    /// The settings file answered a save: the view is offered from now on, or the footer says why not.
    mutating func handleViewSaved(_ view: BrowserView, failure: String?, now: Date) {
        if let failure {
            show(Sanitizer.forDisplay(failure), kind: .warning, now: now, for: Browser.startupNoticeDuration)
            return
        }
        if let index = views.firstIndex(where: { $0.name == view.name }) {
            views[index] = view
        } else {
            views.append(view)
        }
        show("saved view \"\(view.name)\" to \(Sanitizer.forDisplay(options.settingsFile ?? "the settings file"))", now: now)
    }
}
