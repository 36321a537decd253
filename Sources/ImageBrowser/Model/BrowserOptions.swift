import QingCloud
import TerminalVocabulary

/// The settings a browser session starts with, taken from the command line by the executable.
public struct BrowserOptions: Sendable {
    /// Where the images come from, as the header shows it (host, or "built-in simulator").
    public var endpointLabel: String
    /// The zones shown (at least one), in the order given; more than one puts a ZONE column in the list, tags every
    /// image with its zone and asks each zone for its own pages and refreshes.
    public var zones: [String]
    /// Zones that `-z all` skipped because DescribeZones lists them as faulty: the header names them.
    public var faultyZones: [String]
    /// Whether the images come from the built-in simulator: the header then shows a `DEMO` badge.
    public var isDemo: Bool
    /// How often the images on screen and those in transition are re-queried; nil turns live refresh off.
    /// Never shorter than ``minimumRefreshInterval``.
    public var refreshInterval: Duration?
    /// Requests per second per zone that the rolling sweep may make beyond the rows on screen and the
    /// first page, to re-read every image in a bounded time (see README, "Live refresh"). At least 0.1.
    public var sweepRate: Double
    /// Images per DescribeImages request, at most ``ImageQuery/maximumLimit``.
    public var pageSize: Int
    /// A line the footer shows once when the browser opens (that it runs without a log, and why).
    public var startupNotice: String?
    /// `--filter`: the filter the browser opens with, applied as if typed in the filter bar.
    public var initialFilter: String
    /// `qcimages pick`: Enter chooses the selected image and ends the session, Esc cancels.
    public var picking: Bool
    /// The look the screen is drawn in (`--theme` settled for the terminal); today's dark one unless set.
    public var palette = Palette.standard
    /// Whether Space, `*` and `U` mark images: off in `qcimages pick` without `--multi`, as fzf's Tab is.
    public var allowsMarks: Bool
    /// The keys: the defaults with the settings file's `keys:` applied.
    public var keys: KeyBindings
    /// The user's own commands (the settings file's `commands:`), their keys already checked free.
    public var commands: [UserCommand]
    /// The endpoint's URL as user commands get it in `QC_ENDPOINT`.
    public var endpointURL: String
    /// The sort the browser opens with (a view's, or the remembered one); nil for the server's order.
    public var initialSort: SortSetting?
    /// The views the settings file holds, in its order, for the chooser (`v`).
    public var views: [BrowserView]
    /// The zones as the session was asked for them (`-z`, a view's or the remembered ones: `all`,
    /// `pek3a,sh1a`); nil for the credentials file's zone. A view naming other zones says they apply at start.
    public var zoneSelection: String?
    /// The list's columns the session starts with (`columns:` in the settings file).
    public var columns: ColumnChoice
    /// The order the session starts with (`sort:` in the settings file).
    public var sort: SortOrder
    /// Whether the mouse is on at the start (`--mouse`, `mouse:` in the settings file).
    public var mouse: Bool
    /// The settings file as messages name it (`~/.config/qcimages/config.yaml`): where `V` saves a view and
    /// the setup screen its changes; nil when there is none.
    public var settingsFile: String?

    /// The shortest refresh interval: anything faster spends the API quota for nothing.
    public static let minimumRefreshInterval = Duration.seconds(1)
    /// The sweep's default budget: 2 requests a second per zone, polite to the real API.
    public static let defaultSweepRate = 2.0

    public init(
        endpointLabel: String,
        zones: [String],
        faultyZones: [String] = [],
        isDemo: Bool = false,
        refreshInterval: Duration? = .seconds(5),
        sweepRate: Double = BrowserOptions.defaultSweepRate,
        pageSize: Int = 100,
        startupNotice: String? = nil,
        picking: Bool = false,
        allowsMarks: Bool = true,
        initialFilter: String = "",
        keys: KeyBindings = .defaults,
        commands: [UserCommand] = [],
        endpointURL: String = "",
        initialSort: SortSetting? = nil,
        views: [BrowserView] = [],
        zoneSelection: String? = nil,
        columns: ColumnChoice = .standard,
        sort: SortOrder = .serverDefault,
        mouse: Bool = false,
        settingsFile: String? = nil
    ) {
        self.endpointLabel = endpointLabel
        precondition(!zones.isEmpty, "a browser shows at least one zone")
        self.zones = zones
        self.faultyZones = faultyZones
        self.isDemo = isDemo
        self.refreshInterval = refreshInterval.map { max($0, Self.minimumRefreshInterval) }
        self.sweepRate = max(0.1, sweepRate)
        self.pageSize = min(max(pageSize, 1), ImageQuery.maximumLimit)
        self.startupNotice = startupNotice
        self.picking = picking
        self.allowsMarks = allowsMarks
        self.initialFilter = initialFilter
        self.keys = keys
        self.commands = commands
        self.endpointURL = endpointURL
        self.initialSort = initialSort
        self.views = views
        self.zoneSelection = zoneSelection
        self.columns = columns
        self.sort = sort
        self.mouse = mouse
        self.settingsFile = settingsFile
    }

    /// Whether several zones are shown (a single zone shows exactly as before: untagged, no ZONE column).
    public var isMultiZone: Bool { zones.count > 1 }

    /// The zone a request to `zone` names: nil (the client's zone) when only one is shown.
    func requestZone(_ zone: String) -> String? { isMultiZone ? zone : nil }

    /// The ZONE column's width: the widest zone shown (at least the title's 4, at most 12); 0 for one zone.
    var zoneColumnWidth: Int {
        guard isMultiZone else { return 0 }
        return min(12, max(4, zones.map { DisplayWidth.of(Sanitizer.forDisplay($0)) }.max() ?? 0))
    }
}
