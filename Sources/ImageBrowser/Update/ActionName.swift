/// The names a settings file's `keys:` section gives the actions and the contexts (`move_down: [j, Down]`,
/// `filter_bar.clear_filter: [Ctrl-G]`): snake_case, stable, listed in the README from ``KeyBindings``.
extension KeyAction {
    /// The action's name in `keys:`.
    var name: String {
        switch self {
        case .previous: "move_up"
        case .next: "move_down"
        case .pageUp: "page_up"
        case .pageDown: "page_down"
        case .halfPageUp: "half_page_up"
        case .halfPageDown: "half_page_down"
        case .first: "first"
        case .last: "last"
        case .nextMatch: "next_match"
        case .previousMatch: "previous_match"
        case .switchPane: "switch_pane"
        case .focusList: "focus_list"
        case .focusDetail: "focus_detail"
        case .toggleFullScreen: "full_screen"
        case .openFilter: "filter"
        case .back: "back"
        case .sortNext: "sort_next"
        case .sortPrevious: "sort_previous"
        case .sortReverse: "sort_reverse"
        case .chooseSort: "choose_sort"
        case .refresh: "refresh"
        case .togglePause: "pause"
        case .copyID: "copy_id"
        case .rawJSON: "raw_json"
        case .showError: "show_error"
        case .help: "help"
        case .quit: "quit"
        case .toggleMark: "mark"
        case .markMatches: "mark_matches"
        case .clearMarks: "clear_marks"
        case .keepFilter: "keep_filter"
        case .clearFilter: "clear_filter"
        case .clearFilterText: "clear_filter_text"
        case .deleteWord: "delete_word"
        case .close: "close"
        case .pickSort: "pick_sort"
        case .chooseView: "choose_view"
        case .saveView: "save_view"
        case .pickView: "pick_view"
        case .saveViewNamed: "save_view_named"
        case .setup: "setup"
        case .toggleItem: "toggle_item"
        case .previousValue: "previous_value"
        case .nextValue: "next_value"
        case .moveColumnUp: "move_column_up"
        case .moveColumnDown: "move_column_down"
        case .hideColumn: "hide_column"
        }
    }
}

extension KeyContext {
    /// The context's name in `keys:`, before a dot: `filter_bar.keep_filter`.
    var name: String {
        switch self {
        case .panes: "list"
        case .filterBar: "filter_bar"
        case .overlay: "overlay"
        case .sortChooser: "sort_chooser"
        case .viewChooser: "view_chooser"
        case .viewNamePrompt: "view_name_prompt"
        case .setup: "setup"
        }
    }

    /// Whether keys there type text (the filter bar, the view name prompt): a rebinding leaves its text keys
    /// to the typing.
    var editsText: Bool { self == .filterBar || self == .viewNamePrompt }

    /// Every context, in the order the README and the problems name them.
    static let all: [KeyContext] = [.panes, .filterBar, .overlay, .sortChooser, .viewChooser, .viewNamePrompt, .setup]
}
