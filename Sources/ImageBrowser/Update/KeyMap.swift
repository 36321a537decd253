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
    // In the filter bar.
    case keepFilter, clearFilter, clearFilterText, deleteWord
    // In an overlay.
    case close
    /// In the sort chooser: sort by the column under the cursor.
    case pickSort
    /// F2: open the setup screen.
    case setup
    // In the setup screen.
    /// Show or hide the column under the cursor, or change the setting to its next value.
    case toggleItem
    case previousValue, nextValue
    case moveColumnUp, moveColumnDown, hideColumn
}

/// Where a key is read: an overlay takes the keys while it is open (the sort chooser and the setup screen
/// their own), then the filter bar while it is being edited, then the panes.
enum KeyContext: Sendable, Hashable {
    case panes, filterBar, overlay, sortChooser, setup
}

/// One row of the key map: keys, what each does, and how the help overlay, the footer and the README
/// describe them.
struct KeyBinding: Sendable {
    /// The keys, each with its action (a row such as `↑ ↓ k j` holds two actions).
    let keys: [(key: Key, action: KeyAction)]
    let context: KeyContext
    /// The help overlay's section.
    let section: String
    /// The help overlay's text.
    let help: String
    /// The README's key table text; nil to leave the row out of it.
    let summary: String?
    /// The footer hint (its place among the hints and its text); nil for none.
    let footer: (rank: Int, text: String)?
    /// The keys as the footer names them, when not just the first key.
    let footerKeys: String?

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
    var label: String { keys.map { KeyMap.name(of: $0.key) }.joined(separator: " ") }
}

/// Every key the browser understands, in one table: dispatch, the help overlay, the footer hints and the
/// README's key table all come from it.
enum KeyMap {
    static let bindings: [KeyBinding] = [
        KeyBinding([(.up, .previous), (.down, .next), (.character("k"), .previous), (.character("j"), .next)], .panes,
                   section: "Move", help: "previous / next image (or scroll the detail pane when it has focus)",
                   summary: "move"),
        KeyBinding([(.pageUp, .pageUp), (.pageDown, .pageDown), (.control("b"), .pageUp), (.control("f"), .pageDown),
                    (.character(" "), .pageDown)],
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
        KeyBinding([(.character("r"), .refresh), (.function(5), .refresh)], .panes, section: "Data", help: "refresh now (every zone shown)", summary: "refresh now",
                   footer: (6, "refresh")),
        KeyBinding([(.character("p"), .togglePause)], .panes, section: "Data", help: "pause / resume live refresh",
                   summary: "pause live refresh", footer: (7, "pause")),
        KeyBinding([(.character("c"), .copyID)], .panes, section: "Data", help: "copy the selected image ID to the clipboard",
                   summary: "copy the image id (OSC 52, through tmux and screen)", footer: (8, "copy id")),
        KeyBinding([(.character("y"), .rawJSON)], .panes, section: "Data", help: "raw JSON of the selected image",
                   summary: "the image's raw JSON", footer: (9, "json")),
        KeyBinding([(.character("!"), .showError)], .panes, section: "Data",
                   help: "the last error in full (also Enter while no image is loaded)",
                   summary: "the last error in full (also Enter while no image is loaded)"),
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
        KeyBinding([(.character("c"), .copyID)], .overlay, section: "Overlays", help: "copy the image ID (raw JSON)",
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

    /// What `key` does in `context`; Ctrl-C quits everywhere.
    static func action(for key: Key, in context: KeyContext) -> KeyAction? {
        if key == .control("c") { return .quit }
        return actions[context]?[key]
    }

    private static let actions: [KeyContext: [Key: KeyAction]] = {
        var actions: [KeyContext: [Key: KeyAction]] = [:]
        for binding in bindings {
            for entry in binding.keys { actions[binding.context, default: [:]][entry.key] = entry.action }
        }
        // The movement keys scroll an overlay too, with their other names.
        for (key, action) in actions[.panes] ?? [:] where action.isMovement {
            actions[.overlay, default: [:]][key] = actions[.overlay]?[key] ?? action
        }
        return actions
    }()

    /// The bindings of the help overlay, section by section in the map's order.
    static var sections: [(title: String, bindings: [KeyBinding])] {
        var sections: [(title: String, bindings: [KeyBinding])] = []
        for binding in bindings {
            if let index = sections.firstIndex(where: { $0.title == binding.section }) {
                sections[index].bindings.append(binding)
            } else {
                sections.append((binding.section, [binding]))
            }
        }
        return sections
    }

    /// The footer hints of `context` in their order: the binding's first key and its text.
    static func footerHints(in context: KeyContext) -> [(binding: KeyBinding, key: String, text: String)] {
        bindings.filter { $0.context == context && $0.footer != nil }
            .sorted { $0.footer!.rank < $1.footer!.rank }
            .map { ($0, $0.footerKeys ?? footerName(of: $0.keys[0].key), $0.footer!.text) }
    }

    /// The README's key table, as Markdown.
    static var readmeTable: String {
        let rows = bindings.filter { $0.context == .panes }.compactMap { binding in
            binding.summary.map { "| \(binding.label) | \($0) |" }
        }
        return (["| key | does |", "|---|---|"] + rows).joined(separator: "\n")
    }

    /// A key's name as the help and the README write it.
    static func name(of key: Key) -> String { key.name }

    /// A key's name in the footer, where room is short.
    static func footerName(of key: Key) -> String {
        key == .enter ? "⏎" : name(of: key)
    }
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
