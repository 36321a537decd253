/// One entry of `views:`: a named filter with its sort, zones and columns
/// (`prod-ubuntu: {filter: "os:ubuntu tag:prod", sort: "-created", zones: all}`), opened with
/// `qcimages --view NAME` or from the browser's view chooser.
public struct ViewEntry: Sendable, Equatable {
    public var name: String
    /// The filter, in the browser's filter language.
    public var filter: String
    /// The sort (`-created`), nil for the default.
    public var sort: String?
    /// The zones (`all`, `pek3a,sh1a`), nil for those of the command line or the credentials file.
    public var zones: String?
    /// The columns, nil for the default ones.
    public var columns: [String]?
    public var line: Int

    public init(name: String, filter: String, sort: String? = nil, zones: String? = nil, columns: [String]? = nil, line: Int) {
        self.name = name
        self.filter = filter
        self.sort = sort
        self.zones = zones
        self.columns = columns
        self.line = line
    }
}
