import QingCloud
import TerminalVocabulary

/// The lines of F2's setup screen: the shown columns in order, the columns to add, then the default sort,
/// refresh, theme and mouse with their values; the cursor's line as the selection bar.
struct SetupContent {
    let screen: SetupScreen
    let values: SetupScreen.Values
    /// The columns the list shows at this width (a chosen column not among them is marked so).
    let shown: [ImageField]
    let isMultiZone: Bool
    /// Where leaving writes the changes, as messages show it.
    let settingsFile: String?

    static let labelWidth = 14

    /// The lines, and the index of the cursor's line.
    func lines(width: Int) -> (lines: [StyledLine], cursorLine: Int) {
        var lines: [StyledLine] = []
        var cursorLine = 0
        func add(_ item: SetupScreen.Item, _ text: String, note: String = "", style: CellStyle = .plain) {
            let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(text) - 2 - DisplayWidth.of(note)))
            if item == screen.cursor {
                cursorLine = lines.count
                lines.append([Span(text + "  " + note + padding, Theme.selectionBar(focused: true))])
            } else {
                lines.append([Span(text, style), Span("  "), Span(note + padding, Theme.faint)])
            }
        }
        let chosen = values.columns.fields
        let titleWidth = ImageField.columns.map { DisplayWidth.of($0.title) }.max() ?? 0
        lines.append([Span("Columns", Theme.label), Span(" shown, left to right", Theme.faint)])
        for field in chosen {
            let note: String
            if field == .zone && !isMultiZone {
                note = "shown with several zones"
            } else {
                note = shown.contains(field) ? "" : SortChooser.hiddenNote
            }
            add(.column(field), "  [x] " + DisplayWidth.fit(field.title, width: titleWidth), note: note)
        }
        lines.append([])
        lines.append([Span("Available", Theme.label), Span(" Space adds one at the end", Theme.faint)])
        for field in ImageField.columns where !chosen.contains(field) {
            add(.column(field), "  [ ] " + DisplayWidth.fit(field.title, width: titleWidth), style: Theme.faint)
        }
        lines.append([])
        lines.append([Span("Settings", Theme.label), Span(" ← → change", Theme.faint)])
        let sort = values.sort
        add(.sortColumn, setting("Sort by", sort.column.sortName))
        add(.sortDirection, setting("Direction", sort.descending ? "descending ▼" : "ascending ▲"))
        add(.refresh, setting("Refresh", values.refresh.map { "every " + TextFormat.interval($0) } ?? "off"))
        add(.theme, setting("Theme", values.theme))
        add(.mouse, setting("Mouse", values.mouse ? "on" : "off"))
        lines.append([])
        let destination = settingsFile.map { "Esc saves the changes to " + Sanitizer.forDisplay($0) }
            ?? "no settings file: the changes hold for this session"
        lines += TextFormat.wrap(destination, width: max(1, width)).map { [Span($0, Theme.faint)] }
        return (lines, cursorLine)
    }

    private func setting(_ label: String, _ value: String) -> String {
        "  " + DisplayWidth.fit(label, width: Self.labelWidth) + "◀ " + value + " ▶"
    }
}
