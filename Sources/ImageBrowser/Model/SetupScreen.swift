import QingCloud

/// F2's setup screen (as htop's Setup): the list's columns in order and those it can add, the default
/// sort, the refresh interval, the theme and the mouse. Every change applies at once; leaving writes what
/// changed since the screen opened to the settings file.
public struct SetupScreen: Sendable, Hashable {
    /// One line the cursor can be on.
    enum Item: Sendable, Hashable {
        /// A column: shown (in the list's order) or one to add.
        case column(ImageField)
        case sortColumn, sortDirection, refresh, theme, mouse
    }

    /// The values the screen sets, as they were when it opened: what changed is written when it closes.
    struct Values: Sendable, Hashable {
        var columns: ColumnChoice
        var sort: SortOrder
        var refresh: Duration?
        var theme: String
        var mouse: Bool
    }

    /// The refresh intervals offered, in seconds; after them, off.
    static let refreshChoices: [Duration?] = [1, 2, 5, 10, 30, 60].map { Duration.seconds($0) } + [nil]

    var cursor: Item
    let opened: Values

    init(opened: Values) {
        self.opened = opened
        cursor = .column(opened.columns.fields[0])
    }

    /// The lines the cursor moves over, in order: the shown columns, the others, then the settings.
    static func items(columns: ColumnChoice) -> [Item] {
        columns.fields.map(Item.column) + ImageField.columns.filter { !columns.fields.contains($0) }.map(Item.column)
            + [.sortColumn, .sortDirection, .refresh, .theme, .mouse]
    }

    /// The changes from ``opened`` to `values`, in the settings file's order.
    func changes(to values: Values) -> [SetupChange] {
        var changes: [SetupChange] = []
        if values.theme != opened.theme { changes.append(.theme(values.theme)) }
        if values.mouse != opened.mouse { changes.append(.mouse(values.mouse)) }
        if values.refresh != opened.refresh { changes.append(.refresh(values.refresh)) }
        if values.sort != opened.sort { changes.append(.sort(values.sort)) }
        if values.columns != opened.columns { changes.append(.columns(values.columns)) }
        return changes
    }

    /// The refresh interval `step` choices after (or before) `interval`; one not offered (`--refresh 3`)
    /// steps to the nearest offered one that way.
    static func refresh(after interval: Duration?, by step: Int) -> Duration? {
        func rank(_ value: Duration?) -> Duration { value ?? .seconds(Int64.max) }
        let choices = refreshChoices
        let index: Int
        if let exact = choices.firstIndex(of: interval) {
            index = exact + step
        } else if step > 0 {
            index = choices.firstIndex { rank($0) > rank(interval) } ?? choices.count - 1
        } else {
            index = choices.lastIndex { rank($0) < rank(interval) } ?? 0
        }
        return choices[min(max(0, index), choices.count - 1)]
    }
}
