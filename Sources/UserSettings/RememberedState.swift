/// What `remember: true` keeps between runs, as htop keeps its sort: the last sort and the last zone set
/// (never the filter: a filter is kept only as a view the user saved).
public struct RememberedState: Sendable, Equatable {
    public var sort: String?
    public var zones: String?

    public init(sort: String? = nil, zones: String? = nil) {
        self.sort = sort
        self.zones = zones
    }
}
