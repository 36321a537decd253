import QingCloud

/// What covers the screen on top of the panes.
enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case rawJSON(imageID: String, scroll: Int)
    /// The error as it was when the overlay opened.
    case error(ConnectionError, scroll: Int)
    /// F6: the columns to sort by, the cursor on one (a column, so that it stays put when a resize
    /// shows or hides columns).
    case sortChooser(cursor: ImageField)
    /// F2: the setup screen, as htop's.
    case setup(SetupScreen)

    var scroll: Int {
        switch self {
        case .help(let scroll), .rawJSON(_, let scroll), .error(_, let scroll): scroll
        case .sortChooser, .setup: 0
        }
    }

    func scrolled(to scroll: Int) -> Overlay {
        switch self {
        case .help: .help(scroll: scroll)
        case .rawJSON(let id, _): .rawJSON(imageID: id, scroll: scroll)
        case .error(let error, _): .error(error, scroll: scroll)
        case .sortChooser, .setup: self
        }
    }
}
