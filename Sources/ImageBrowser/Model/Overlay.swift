import QingCloud

/// What covers the screen on top of the panes.
enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case rawJSON(imageID: String, scroll: Int)
    /// `y` with marks: the marked images' JSON objects as one array, in the list's order.
    case markedJSON(imageKeys: [String], scroll: Int)
    /// The error as it was when the overlay opened.
    case error(ConnectionError, scroll: Int)
    /// F6: the columns to sort by, the cursor on one (a column, so that it stays put when a resize
    /// shows or hides columns).
    case sortChooser(cursor: ImageField)
    /// `v`: the views, the cursor on one (by its place in ``BrowserState/views``).
    case viewChooser(cursor: Int)
    /// F2: the setup screen, as htop's.
    case setup(SetupScreen)

    var scroll: Int {
        switch self {
        case .help(let scroll), .rawJSON(_, let scroll), .markedJSON(_, let scroll), .error(_, let scroll): scroll
        case .sortChooser, .viewChooser, .setup: 0
        }
    }

    func scrolled(to scroll: Int) -> Overlay {
        switch self {
        case .help: .help(scroll: scroll)
        case .rawJSON(let id, _): .rawJSON(imageID: id, scroll: scroll)
        case .markedJSON(let keys, _): .markedJSON(imageKeys: keys, scroll: scroll)
        case .error(let error, _): .error(error, scroll: scroll)
        case .sortChooser, .viewChooser, .setup: self
        }
    }
}
