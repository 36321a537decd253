import Foundation
import QingCloud
import TerminalVocabulary

/// Everything the browser knows: what is loaded, what is shown, and what is in flight.
///
/// A value: ``Browser/update(_:_:now:)`` changes it in response to events, ``Browser/render(_:now:)``
/// draws it. Selection is held by image key (``Image/key``: the id, or `zone/id` with several zones) so
/// that it follows the image across refresh, filter and sort.
public struct BrowserState: Sendable {
    let options: BrowserOptions
    var catalog = ImageCatalog()
    /// The catalogue's slots that pass the filter, in sort order: the rows of the list.
    var listSlots: [ImageCatalog.Slot] = []
    var filter = FilterBar()
    /// The views the chooser (`v`) offers: the settings file's, then those saved in this session.
    var views: [BrowserView]
    /// `V`: the name of the view to save, being typed in the footer; nil when not asked.
    var viewNamePrompt: LineEdit?
    var search: ServerSearch?
    /// The selected image, always one of ``listSlots`` when the view is not empty.
    var selectedKey: String?
    /// The image the user last chose: when a filter change lets it back in, the selection returns to it.
    var chosenKey: String?
    /// The first list row on screen.
    var scrollTop = 0
    var focus: Pane = .list
    var detailFullScreen = false
    var detailScroll = 0
    var overlay: Overlay?
    /// The list's columns, as chosen (the options' at the start, then F2's).
    var columns: ColumnChoice
    /// Whether the mouse is on, as F2 last set it.
    var mouse: Bool
    /// The detail pane's and the overlay's line counts, as last laid out (see ``MeasuredLines``).
    var detailMeasure: MeasuredLines?
    var overlayMeasure: MeasuredLines?
    /// Each zone's paging, refresh, sweep and error, by zone name.
    var zoneStates: ZoneStates
    /// Bumped when a retry of failed pages is scheduled, so that an older retry timer is ignored.
    var pagingRetryGeneration = 0
    var refresh: RefreshState
    var health = ConnectionHealth()
    /// Cells that changed in a refresh and until when they stay highlighted.
    var highlights: [HighlightKey: Date] = [:]
    /// Ceased images the server listed and the browser leaves out (see ``ingest(_:zone:now:)``).
    var hiddenCeased: Set<String> = []
    var message: TransientMessage?
    /// The marked images, by key (as ``selectedKey``): kept across filter, sort, paging and refresh, and
    /// dropped when their image leaves the catalogue (``dropVanishedMarks(now:)``).
    var marks: Set<String> = []
    /// The catalogue's ``ImageCatalog/revision`` when the marks were last checked against it: an image
    /// can only have gone since when it changed.
    var marksCheckedRevision = 0
    /// A user command waiting for `y/n` in the footer.
    var pendingCommand: PendingCommand?
    /// What uses the images on screen (the detail's "Used by", the INSTANCES column).
    var usage = InstanceUsage()
    var size = TerminalSize(width: 80, height: 24)
    /// The look the screen is drawn in: ``BrowserOptions/palette`` at first.
    var palette: Palette
    var nextRequestNumber = 1
    var tick = TickState()
    public private(set) var shouldQuit = false

    /// The sort the list is in now, as the settings file writes it (for the remembered state).
    public var sort: SortSetting { catalog.order.setting }

    public init(options: BrowserOptions) {
        self.options = options
        views = options.views
        catalog = ImageCatalog(order: options.sort, untaggedZone: options.isMultiZone ? nil : options.zones[0])
        columns = options.columns
        mouse = options.mouse
        self.refresh = RefreshState(interval: options.refreshInterval, sweepRate: options.sweepRate)
        self.zoneStates = ZoneStates(zones: options.zones, pageSize: options.pageSize)
        self.palette = options.palette
    }

    /// The paging of the first zone: the only one unless several are shown.
    var paging: PagingState { zoneStates[0].paging }

    mutating func markQuit() { shouldQuit = true }

    mutating func newRequestID() -> RequestID {
        defer { nextRequestNumber += 1 }
        return RequestID(nextRequestNumber)
    }
}

