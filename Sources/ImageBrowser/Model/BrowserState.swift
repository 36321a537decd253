import FilterLanguage
import Foundation
import QingCloud
import TerminalVocabulary

/// Everything the browser knows: what is loaded, what is shown, and what is in flight.
///
/// A value: ``Browser/update(_:_:now:)`` changes it in response to events, ``Browser/render(_:size:now:)``
/// draws it. Selection is held by image id so that it follows the image across refresh, filter and sort.
public struct BrowserState: Sendable {
    let options: BrowserOptions
    var catalog = ImageCatalog()
    /// The catalogue's slots that pass the filter, in sort order: the rows of the list.
    var view: [ImageCatalog.Slot] = []
    var filter = FilterBar()
    var search: ServerSearch?
    /// The selected image, always one of ``view`` when the view is not empty.
    var selectedID: String?
    /// The image the user last chose: when a filter change lets it back in, the selection returns to it.
    var chosenID: String?
    /// The first list row on screen.
    var scrollTop = 0
    var focus: Pane = .list
    var detailFullScreen = false
    var detailScroll = 0
    var overlay: Overlay?
    /// Each zone's paging, refresh, sweep and error, in the order of ``BrowserOptions/zones``.
    var zoneStates: [ZoneState]
    /// Bumped when a retry of failed pages is scheduled, so that an older retry timer is ignored.
    var pagingRetryGeneration = 0
    var refresh: RefreshState
    var health = ConnectionHealth()
    /// Cells that changed in a refresh and until when they stay highlighted.
    var highlights: [HighlightKey: Date] = [:]
    /// Ceased images the server listed and the browser leaves out (see ``ingest(_:zone:now:)``).
    var hiddenCeased: Set<String> = []
    var message: TransientMessage?
    var size = TerminalSize(width: 80, height: 24)
    var nextRequestNumber = 1
    var tick = TickState()
    public private(set) var shouldQuit = false

    public init(options: BrowserOptions) {
        self.options = options
        self.refresh = RefreshState(interval: options.refreshInterval, sweepRate: options.sweepRate)
        self.zoneStates = Array(repeating: ZoneState(pageSize: options.pageSize), count: options.zones.count)
    }

    /// The paging of the first zone: the only one unless several are shown.
    var paging: PagingState {
        get { zoneStates[0].paging }
        set { zoneStates[0].paging = newValue }
    }

    mutating func markQuit() { shouldQuit = true }

    mutating func newRequestID() -> RequestID {
        defer { nextRequestNumber += 1 }
        return RequestID(nextRequestNumber)
    }
}

/// Which pane the movement keys act on.
enum Pane: Sendable, Hashable {
    case list, detail
}

/// What covers the screen on top of the panes.
enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case rawJSON(imageID: String, scroll: Int)
    /// The error as it was when the overlay opened.
    case error(ConnectionError, scroll: Int)
    /// F6: the columns to sort by, the cursor on one (a column, so that it stays put when a resize
    /// shows or hides columns).
    case sortChooser(cursor: ImageColumn)

    var scroll: Int {
        switch self {
        case .help(let scroll), .rawJSON(_, let scroll), .error(_, let scroll): scroll
        case .sortChooser: 0
        }
    }

    func scrolled(to scroll: Int) -> Overlay {
        switch self {
        case .help: .help(scroll: scroll)
        case .rawJSON(let id, _): .rawJSON(imageID: id, scroll: scroll)
        case .error(let error, _): .error(error, scroll: scroll)
        case .sortChooser: self
        }
    }
}

/// The filter: the text being edited and the filter applied to the list (updated on every keystroke).
struct FilterBar: Sendable {
    var text = ""
    /// Caret position in characters.
    var caret = 0
    var isEditing = false
    var applied = ImageFilter.empty
    /// Bumped on every change, so that a debounce timer for an older text is ignored.
    var generation = 0
}

/// A cell that changed in a refresh: an image and one of its fields.
struct HighlightKey: Sendable, Hashable {
    var imageID: String
    var field: ImageField
}

/// A line of feedback in the footer ("copied img-1234") that goes away by itself.
struct TransientMessage: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case info, warning }
    var text: String
    var kind: Kind
    var until: Date
}

/// The pending `.tick` timer: when the screen next changes by itself.
struct TickState: Sendable {
    var deadline: Date?
    var generation = 0
}
