/// What a styled cell means on the browser's screen: a theme gives each meaning its look, so that the
/// views name meanings and never a theme's colours.
public enum StyleRole: Sendable, Hashable, CaseIterable {
    case titleBar, titleBarStrong, badge, columnTitle, sortedColumnTitle, label, faint, strong, error, warning
    case filterText, changed, selectionBar, focusedSelectionBar, activity, border, focusedBorder
    case status(StatusRole)

    /// An image's status, as the list and the detail pane colour it.
    public enum StatusRole: Sendable, Hashable, CaseIterable {
        case available, pending, deprecated, suspended, deleted, ceased, other
    }

    public static var allCases: [StyleRole] {
        [.titleBar, .titleBarStrong, .badge, .columnTitle, .sortedColumnTitle, .label, .faint, .strong, .error,
         .warning, .filterText, .changed, .selectionBar, .focusedSelectionBar, .activity, .border, .focusedBorder]
            + StatusRole.allCases.map(StyleRole.status)
    }
}
