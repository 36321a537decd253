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
    /// Loading each zone's pages, in the order of ``BrowserOptions/zones``.
    var pagings: [PagingState]
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
        catalog = ImageCatalog(untaggedZone: options.isMultiZone ? nil : options.zone)
        self.refresh = RefreshState(interval: options.refreshInterval)
        self.pagings = Array(repeating: PagingState(pageSize: options.pageSize), count: options.zones.count)
    }

    /// The paging of the first zone: the only one unless several are shown.
    var paging: PagingState {
        get { pagings[0] }
        set { pagings[0] = newValue }
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

/// The filter's query on the server, fetched page by page after a pause in typing, to the end of the
/// server's total, ``PagingState/backgroundConcurrency`` pages at a time.
struct ServerSearch: Sendable {
    var query: ImageQuery
    /// The zone being searched (an index into ``BrowserOptions/zones``); several are searched in turn.
    var zone = 0
    /// The requests in flight (all to ``zone``).
    var inFlight: Set<RequestID> = []
    /// The offset of the next page to ask for.
    var nextOffset = 0
    /// The number of matches the server last reported; nil before its first answer.
    var totalCount: Int?
    /// Images the server has sent for this query.
    var received = 0
    /// A page failed: no more are asked for.
    var hasFailed = false

    var isRunning: Bool { !inFlight.isEmpty }

    /// Whether pages remain to ask for: all of them before the first answer says how many there are.
    var hasMorePages: Bool {
        !hasFailed && nextOffset < (totalCount ?? 1)
    }
}

/// Loading the whole catalogue page by page (unfiltered, in the server's order), as the client's
/// ``PagePlan`` says: overlapping pages, seams read again when the catalogue shifted meanwhile.
struct PagingState: Sendable {
    var plan: PagePlan
    /// The offset each request in flight reads.
    var inFlight: [RequestID: Int] = [:]
    /// After a failure, no page is requested until the retry timer fires (at ``retryAt``).
    var isWaitingToRetry = false
    var retryAt: Date?
    var failures = 0
    /// End was pressed before the last page was loaded: jump to the end when it arrives.
    var jumpToEndPending = false
    /// Offsets of pages that came back with fewer images than the total promised and were asked again.
    var askedAgain: Set<Int> = []
    /// Images the server's total promised that pages still did not hold after asking again, by offset.
    var missingByOffset: [Int: Int] = [:]

    /// Images the server's total promised but no page held (0 when every page was whole).
    var missing: Int { missingByOffset.values.reduce(0, +) }

    /// Pages fetched in the background at once.
    static let backgroundConcurrency = 2
    /// Pages fetched at once over every zone together when several are shown.
    static let multiZoneConcurrency = 4

    /// Pages of `pageSize` overlapping by up to 8 images (none for tiny pages).
    init(pageSize: Int) {
        plan = PagePlan(limit: pageSize, overlap: min(8, pageSize / 4))
    }

    /// The latest total the server reported.
    var totalCount: Int? { plan.total }
}

/// Live refresh: the schedule, and the round of requests in flight.
struct RefreshState: Sendable {
    var interval: Duration?
    var isPaused = false
    var generation = 0
    /// When the scheduled round starts.
    var nextRoundAt: Date?
    var round: RefreshRound?
    var failures = 0
}

/// One refresh: by-id requests for what is on screen and in transition, plus the first page.
struct RefreshRound: Sendable {
    /// What was asked of which zone (an index into ``BrowserOptions/zones``); ids are the API's ids.
    enum Request: Sendable, Hashable {
        case ids([String], zone: Int)
        case firstPage(zone: Int)
    }

    var pending: [RequestID: Request] = [:]
    var failure: String?
}

/// The last success and the last failure talking to the server, for the header.
struct ConnectionHealth: Sendable {
    var lastSuccess: Date?
    /// The latest failure, while it lasts (with several zones: of a zone still failing, naming it).
    var error: ConnectionError?
    /// With several zones: each zone whose last request failed, by zone index.
    var zoneErrors: [Int: ConnectionError] = [:]
}

struct ConnectionError: Sendable, Hashable {
    /// Sanitised, one line, as long as the error says.
    var message: String
    var kind: FailureKind
    var at: Date
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
