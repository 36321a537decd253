import Foundation
import QingCloud
import TerminalVocabulary

/// F2's setup screen: each key changes a setting at once (the list re-lays its columns, sorts, refreshes
/// at the new interval); leaving asks the terminal layer to write what changed since it opened to the
/// settings file (``BrowserEffect/saveSettings(_:)``), and the footer says where it went or why it did not.
extension BrowserState {
    /// The values the setup screen sets, as they are now.
    /// The theme's name as the settings file and the setup screen write it: the palette's.
    var themeName: String { palette.theme.rawValue }

    var setupValues: SetupScreen.Values {
        SetupScreen.Values(columns: columns, sort: catalog.order, refresh: refresh.interval, theme: themeName, mouse: mouse)
    }

    mutating func openSetup() {
        overlay = .setup(SetupScreen(opened: setupValues))
    }

    mutating func handleSetupKey(_ key: Key, screen: SetupScreen, now: Date, _ effects: inout [BrowserEffect]) {
        guard let action = options.keys.action(for: key, in: .setup) else { return }
        var screen = screen
        let items = SetupScreen.items(columns: columns)
        let index = items.firstIndex(of: screen.cursor) ?? 0
        switch action {
        case .quit:
            quit(&effects)
            return
        case .close:
            leaveSetup(screen, now: now, &effects)
            return
        case .previous, .next, .first, .last:
            screen.cursor = items[Self.chooserCursor(index, after: action, count: items.count)]
        case .toggleItem:
            if case .column(let field) = screen.cursor {
                toggleColumn(field, now: now)
            } else {
                change(screen.cursor, by: 1, now: now, &effects)
            }
        case .hideColumn:
            if case .column(let field) = screen.cursor, columns.fields.contains(field) {
                toggleColumn(field, now: now)
            }
        case .previousValue, .nextValue:
            change(screen.cursor, by: action == .nextValue ? 1 : -1, now: now, &effects)
        case .moveColumnUp, .moveColumnDown:
            if case .column(let field) = screen.cursor {
                columns = columns.moving(field, by: action == .moveColumnUp ? -1 : 1)
            }
        default:
            break
        }
        overlay = .setup(screen)
    }

    /// Shows or hides the column; NAME stays, with a word why.
    private mutating func toggleColumn(_ field: ImageField, now: Date) {
        if field == .name {
            show("NAME stays: it takes the width the other columns leave", kind: .warning, now: now)
        } else {
            columns = columns.toggling(field)
        }
    }

    /// The setting under the cursor, `step` values on (Space, Enter and → go forward; ← back).
    private mutating func change(_ item: SetupScreen.Item, by step: Int, now: Date, _ effects: inout [BrowserEffect]) {
        switch item {
        case .column:
            return
        case .sortColumn:
            let all = ImageField.columns.filter { $0 != .zone || options.isMultiZone }
            let index = all.firstIndex(of: catalog.order.column) ?? 0
            let column = all[(index + step + all.count) % all.count]
            setSort(SortOrder(column: column, descending: column.startsDescending), now: now)
        case .sortDirection:
            setSort(catalog.order.reversed, now: now)
        case .refresh:
            setRefreshInterval(SetupScreen.refresh(after: refresh.interval, by: step), now: now, &effects)
        case .theme:
            // At once, as the other settings: the terminal's colour depth and background stay as found.
            let themes = ThemeName.allCases
            let index = themes.firstIndex(of: palette.theme) ?? 0
            palette = palette.switching(to: themes[(index + step + themes.count) % themes.count])
        case .mouse:
            mouse.toggle()
            effects.append(.setMouse(mouse))
        }
    }

    /// Live refresh at `interval` from now on (nil: off): every zone without a round in flight schedules
    /// its next round an interval from now; with refresh off, no round is scheduled and pause ends.
    mutating func setRefreshInterval(_ interval: Duration?, now: Date, _ effects: inout [BrowserEffect]) {
        guard interval != refresh.interval else { return }
        refresh.interval = interval
        refresh.generation += 1
        guard interval != nil else {
            refresh.isPaused = false
            for zone in options.zones { zoneStates[zone].refresh.nextRoundAt = nil }
            return
        }
        for zone in options.zones where zoneStates[zone].refresh.round == nil {
            scheduleNextRefresh(zone: zone, now: now, &effects)
        }
    }

    /// Esc: closes the screen and asks for what changed since it opened to be saved.
    private mutating func leaveSetup(_ screen: SetupScreen, now: Date, _ effects: inout [BrowserEffect]) {
        overlay = nil
        let changes = screen.changes(to: setupValues)
        guard !changes.isEmpty else { return }
        effects.append(.saveSettings(changes))
        show("saving the settings…", now: now)
    }

    mutating func handleSettingsSaved(_ outcome: SettingsSaveOutcome, now: Date) {
        switch outcome {
        case .saved(let file):
            show("saved to \(Sanitizer.forDisplay(file))", now: now, for: Browser.messageDuration * 2)
        case .notSaved(let reason):
            show(Sanitizer.forDisplay(reason) + " (kept for this session)", kind: .warning, now: now,
                 for: Browser.startupNoticeDuration)
        }
    }
}
