import TerminalVocabulary

/// What a key asks the browser to do.
enum KeyAction: Sendable, Hashable {
    // Moving in the list, or scrolling the detail pane or an overlay.
    case previous, next, pageUp, pageDown, halfPageUp, halfPageDown, first, last
    /// The next or previous row while a filter is applied (every row then matches it).
    case nextMatch, previousMatch
    case switchPane, focusList, focusDetail, toggleFullScreen
    case openFilter
    /// Esc outside the filter bar: leave full screen, give the list the focus, or clear the filter.
    case back
    case sortNext, sortPrevious, sortReverse, chooseSort, refresh, togglePause, copyID, rawJSON, showError, help, quit
    /// Marks: the selected image (then the next row), every match of the filter, none.
    case toggleMark, markMatches, clearMarks
    // In the filter bar.
    case keepFilter, clearFilter, clearFilterText, deleteWord
    // In an overlay.
    case close
    /// In the sort chooser: sort by the column under the cursor.
    case pickSort
    /// `v`: the views to choose from; `V`: save the filter and sort as a view (asks for its name).
    case chooseView, saveView
    /// In the view chooser: open the view under the cursor.
    case pickView
    /// In the view name prompt: save under the name typed.
    case saveViewNamed
    /// F2: open the setup screen.
    case setup
    // In the setup screen.
    /// Show or hide the column under the cursor, or change the setting to its next value.
    case toggleItem
    case previousValue, nextValue
    case moveColumnUp, moveColumnDown, hideColumn
}

/// Where a key is read: the view name prompt while it asks, an overlay while it is open (the sort and
/// view choosers and the setup screen their own), then the filter bar while it is being edited, then the panes.
public enum KeyContext: Sendable, Hashable {
    case panes, filterBar, overlay, sortChooser, viewChooser, viewNamePrompt, setup
}

/// One row of the key map: keys, what each does, and how the help overlay, the footer and the README
/// describe them.
struct KeyBinding: Sendable {
    /// The keys, each with its action (a row such as `↑ ↓ k j` holds two actions).
    var keys: [(key: Key, action: KeyAction)]
    let context: KeyContext
    /// The help overlay's section.
    let section: String
    /// The help overlay's text.
    let help: String
    /// The README's key table text; nil to leave the row out of it.
    let summary: String?
    /// The footer hint (its place among the hints and its text); nil for none.
    let footer: (rank: Int, text: String)?
    /// The keys as the footer names them, when not just the first key (nil once a rebinding changed them).
    var footerKeys: String?

    init(
        _ keys: [(Key, KeyAction)], _ context: KeyContext, section: String, help: String, summary: String? = nil,
        footer: (rank: Int, text: String)? = nil, footerKeys: String? = nil
    ) {
        self.keys = keys.map { (key: $0.0, action: $0.1) }
        self.context = context
        self.section = section
        self.help = help
        self.summary = summary
        self.footer = footer
        self.footerKeys = footerKeys
    }

    /// The keys as the help overlay and the README show them.
    var label: String { keys.map(\.key.name).joined(separator: " ") }
}

/// Every key the browser understands by default, in one table: ``KeyBindings`` (dispatch, the help
/// overlay, the footer hints, the README's tables) is this table with the user's `keys:` applied.
enum KeyMap {
    static let bindings: [KeyBinding] = [
        KeyBinding([(.up, .previous), (.down, .next), (.character("k"), .previous), (.character("j"), .next)], .panes,
                   section: "Move", help: "previous / next image (or scroll the detail pane when it has focus)",
                   summary: "move"),
        KeyBinding([(.pageUp, .pageUp), (.pageDown, .pageDown), (.control("b"), .pageUp), (.control("f"), .pageDown)],
                   .panes, section: "Move", help: "a page up / down", summary: "page"),
        KeyBinding([(.control("u"), .halfPageUp), (.control("d"), .halfPageDown)], .panes, section: "Move",
                   help: "half a page up / down", summary: "half a page (as in less and vim)"),
        KeyBinding([(.home, .first), (.end, .last), (.character("g"), .first), (.character("G"), .last)], .panes,
                   section: "Move", help: "first / last image (End loads the last page when needed)",
                   summary: "first / last image of the whole catalogue (End loads the last page)"),
        KeyBinding([(.tab, .switchPane), (.backTab, .switchPane)], .panes, section: "Move",
                   help: "switch focus between the list and the detail pane",
                   summary: "switch between list and detail", footer: (4, "pane")),
        KeyBinding([(.left, .focusList), (.right, .focusDetail), (.character("h"), .focusList),
                    (.character("l"), .focusDetail)], .panes, section: "Move",
                   help: "focus the list / the detail pane", summary: "focus the list / the detail pane"),
        KeyBinding([(.enter, .toggleFullScreen)], .panes, section: "Move", help: "detail pane full screen / back",
                   summary: "detail full screen", footer: (3, "detail")),
        KeyBinding([(.escape, .back)], .panes, section: "Move",
                   help: "leave full screen, give the list the focus, or clear the filter",
                   summary: "back: leave full screen, back to the list, clear the filter"),
        KeyBinding([(.character("/"), .openFilter), (.function(3), .openFilter), (.function(4), .openFilter)],
                   .panes, section: "Filter",
                   help: "open the filter bar: the list filters as you type",
                   summary: "filter (see below); Esc clears it, Enter keeps it", footer: (2, "filter")),
        KeyBinding([(.character("n"), .nextMatch), (.character("N"), .previousMatch)], .panes, section: "Filter",
                   help: "next / previous match of the filter", summary: "next / previous match of the filter"),
        KeyBinding([(.enter, .keepFilter)], .filterBar, section: "Filter", help: "close the bar and keep the filter"),
        KeyBinding([(.escape, .clearFilter)], .filterBar, section: "Filter", help: "close the bar and clear the filter"),
        KeyBinding([(.control("u"), .clearFilterText), (.control("w"), .deleteWord)], .filterBar, section: "Filter",
                   help: "clear the filter text / delete the last word"),
        KeyBinding([(.up, .previous), (.down, .next), (.pageUp, .pageUp), (.pageDown, .pageDown)], .filterBar,
                   section: "Filter", help: "move in the list without leaving the bar"),
        KeyBinding([(.character("s"), .sortNext), (.character(">"), .sortNext), (.character("<"), .sortPrevious),
                    (.character("S"), .sortReverse)], .panes, section: "Data",
                   help: "sort by the next / previous column on screen / reverse the order (the title shows ▲▼)",
                   summary: "sort by the next / previous column on screen / reverse",
                   footer: (5, "sort")),
        KeyBinding([(.function(6), .chooseSort)], .panes, section: "Data",
                   help: "sort by a column chosen from a list (as htop's Sort by), also one this width does not show",
                   summary: "choose the sort column from a list (as htop's F6)"),
        KeyBinding([(.character("v"), .chooseView)], .panes, section: "Data",
                   help: "open a view: a saved filter with its sort, chosen from a list",
                   summary: "open a view (a saved filter and sort) from a list"),
        KeyBinding([(.character("V"), .saveView)], .panes, section: "Data",
                   help: "save the filter and sort as a view (asks for its name)",
                   summary: "save the filter and sort as a view"),
        KeyBinding([(.character("r"), .refresh), (.function(5), .refresh)], .panes, section: "Data", help: "refresh now (every zone shown)", summary: "refresh now",
                   footer: (6, "refresh")),
        KeyBinding([(.character("p"), .togglePause)], .panes, section: "Data", help: "pause / resume live refresh",
                   summary: "pause live refresh", footer: (7, "pause")),
        KeyBinding([(.character("c"), .copyID)], .panes, section: "Data", help: "copy the selected image ID to the clipboard (or the marked IDs)",
                   summary: "copy the image id, or the marked ones (OSC 52, through tmux and screen)", footer: (8, "copy id")),
        KeyBinding([(.character("y"), .rawJSON)], .panes, section: "Data", help: "raw JSON of the selected image (of the marked ones, an array)",
                   summary: "the image's raw JSON, or the marked ones' as an array", footer: (9, "json")),
        KeyBinding([(.character("!"), .showError)], .panes, section: "Data",
                   help: "the last error in full (also Enter while no image is loaded)",
                   summary: "the last error in full (also Enter while no image is loaded)"),
        KeyBinding([(.character(" "), .toggleMark)], .panes, section: "Marks",
                   help: "mark / unmark the selected image and move down (as in htop, mc)",
                   summary: "mark / unmark the image and move down"),
        KeyBinding([(.character("*"), .markMatches)], .panes, section: "Marks",
                   help: "mark every match of the filter (no filter: every loaded image)",
                   summary: "mark every match of the filter (every loaded image without one)"),
        KeyBinding([(.character("U"), .clearMarks)], .panes, section: "Marks", help: "unmark every image (as htop's U)",
                   summary: "unmark every image"),
        KeyBinding([(.function(2), .setup)], .panes, section: "Other",
                   help: "setup: columns, default sort, refresh, theme, mouse (as htop's F2); kept in the settings file",
                   summary: "setup: columns, sort, refresh, theme, mouse, kept in the settings file (as htop's F2)"),
        KeyBinding([(.character("?"), .help), (.function(1), .help)], .panes, section: "Other", help: "this help",
                   summary: "every key", footer: (1, "help")),
        KeyBinding([(.character("q"), .quit), (.control("c"), .quit), (.function(10), .quit)], .panes, section: "Other", help: "quit",
                   summary: "quit", footer: (10, "quit")),
        KeyBinding([(.escape, .close), (.character("q"), .close), (.enter, .close)], .overlay, section: "Overlays",
                   help: "close the help or the raw JSON", footer: (1, "close")),
        KeyBinding([(.up, .previous), (.down, .next), (.pageUp, .pageUp), (.pageDown, .pageDown), (.character("g"), .first),
                    (.character("G"), .last), (.character(" "), .pageDown)], .overlay, section: "Overlays",
                   help: "scroll (and the other movement keys)", footer: (2, "scroll"), footerKeys: "↑↓ PgUp PgDn g G"),
        KeyBinding([(.character("c"), .copyID)], .overlay, section: "Overlays", help: "copy the image ID (raw JSON), or the marked IDs",
                   footer: (3, "copy id")),
        KeyBinding([(.character("r"), .refresh)], .overlay, section: "Overlays", help: "try again now (the last error)",
                   footer: (4, "try now")),
        KeyBinding([(.character("?"), .help), (.function(1), .help), (.character("y"), .rawJSON), (.character("!"), .showError)], .overlay,
                   section: "Overlays", help: "the key that opened it closes it too"),
        KeyBinding([(.up, .previous), (.down, .next), (.character("k"), .previous), (.character("j"), .next),
                    (.home, .first), (.end, .last), (.character("g"), .first), (.character("G"), .last)], .sortChooser,
                   section: "Sort by (F6)", help: "move to another column", footer: (1, "choose"), footerKeys: "↑↓"),
        KeyBinding([(.enter, .pickSort)], .sortChooser, section: "Sort by (F6)",
                   help: "sort by it (the selected image stays selected)", footer: (2, "sort")),
        KeyBinding([(.escape, .close), (.character("q"), .close), (.function(6), .close)], .sortChooser,
                   section: "Sort by (F6)", help: "keep the order as it was", footer: (3, "cancel"), footerKeys: "Esc"),
        KeyBinding([(.up, .previous), (.down, .next), (.character("k"), .previous), (.character("j"), .next),
                    (.home, .first), (.end, .last), (.character("g"), .first), (.character("G"), .last)], .viewChooser,
                   section: "Views (v)", help: "move to another view", footer: (1, "choose"), footerKeys: "↑↓"),
        KeyBinding([(.enter, .pickView)], .viewChooser, section: "Views (v)",
                   help: "open it: its filter and its sort (its zones apply at start)", footer: (2, "open")),
        KeyBinding([(.character("V"), .saveView)], .viewChooser, section: "Views (v)",
                   help: "save the filter and sort as a view", footer: (3, "save current")),
        KeyBinding([(.escape, .close), (.character("q"), .close), (.character("v"), .close)], .viewChooser,
                   section: "Views (v)", help: "keep the filter and sort as they are", footer: (4, "cancel"), footerKeys: "Esc"),
        KeyBinding([(.enter, .saveViewNamed)], .viewNamePrompt, section: "Views (v)",
                   help: "save the view under the name typed (V asks for it)"),
        KeyBinding([(.escape, .close)], .viewNamePrompt, section: "Views (v)", help: "do not save"),
        KeyBinding([(.control("u"), .clearFilterText), (.control("w"), .deleteWord)], .viewNamePrompt, section: "Views (v)",
                   help: "clear the name / delete the last word"),
        KeyBinding([(.up, .previous), (.down, .next), (.character("k"), .previous), (.character("j"), .next),
                    (.home, .first), (.end, .last), (.character("g"), .first), (.character("G"), .last)], .setup,
                   section: "Setup (F2)", help: "move to another line", footer: (1, "move"), footerKeys: "↑↓"),
        KeyBinding([(.enter, .toggleItem), (.character(" "), .toggleItem)], .setup, section: "Setup (F2)",
                   help: "show or hide the column (a new one goes last) / the setting's next value",
                   footer: (2, "show/hide"), footerKeys: "Space"),
        KeyBinding([(.character("["), .moveColumnUp), (.character("]"), .moveColumnDown), (.function(7), .moveColumnUp),
                    (.function(8), .moveColumnDown)], .setup, section: "Setup (F2)",
                   help: "move the column up / down the list's order (as htop)", footer: (3, "move column"), footerKeys: "[ ]"),
        KeyBinding([(.delete, .hideColumn), (.function(9), .hideColumn)], .setup, section: "Setup (F2)",
                   help: "hide the column"),
        KeyBinding([(.left, .previousValue), (.right, .nextValue), (.character("h"), .previousValue),
                    (.character("l"), .nextValue)], .setup, section: "Setup (F2)",
                   help: "the setting's previous / next value", footer: (4, "value"), footerKeys: "←→"),
        KeyBinding([(.escape, .close), (.character("q"), .close), (.function(2), .close), (.function(10), .close)],
                   .setup, section: "Setup (F2)", help: "leave: what changed is saved to the settings file",
                   footer: (5, "done"), footerKeys: "Esc"),
    ]
}

extension KeyAction {
    /// Whether the action moves a selection or scrolls text.
    var isMovement: Bool {
        switch self {
        case .previous, .next, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .first, .last: true
        default: false
        }
    }
}
