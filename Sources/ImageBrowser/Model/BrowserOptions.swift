import QingCloud

/// The settings a browser session starts with, taken from the command line by the executable.
public struct BrowserOptions: Sendable {
    /// Where the images come from, as the header shows it (host, or "built-in simulator").
    public var endpointLabel: String
    public var zone: String
    /// Whether the images come from the built-in simulator: the header then shows a `DEMO` badge.
    public var isDemo: Bool
    /// How often the images on screen and those in transition are re-queried; nil turns live refresh off.
    /// Never shorter than ``minimumRefreshInterval``.
    public var refreshInterval: Duration?
    /// Images per DescribeImages request, at most ``ImageQuery/maximumLimit``.
    public var pageSize: Int
    /// Why `c` cannot reach the clipboard here, with the one-line fix, shown instead of "copied";
    /// nil when copying is expected to work. The terminal layer sets it (it knows the multiplexer).
    public var copyUnavailable: String?

    /// The shortest refresh interval: anything faster spends the API quota for nothing.
    public static let minimumRefreshInterval = Duration.seconds(1)

    public init(
        endpointLabel: String,
        zone: String,
        isDemo: Bool = false,
        refreshInterval: Duration? = .seconds(5),
        pageSize: Int = 100,
        copyUnavailable: String? = nil
    ) {
        self.endpointLabel = endpointLabel
        self.zone = zone
        self.isDemo = isDemo
        self.refreshInterval = refreshInterval.map { max($0, Self.minimumRefreshInterval) }
        self.pageSize = min(max(pageSize, 1), ImageQuery.maximumLimit)
        self.copyUnavailable = copyUnavailable
    }
}
