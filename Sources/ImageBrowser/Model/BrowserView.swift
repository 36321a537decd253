/// A view as the browser offers it (`v`) and saves it (`V`): a named filter with its sort, zones and
/// columns, from the settings file's `views:` once its meaning was checked.
public struct BrowserView: Sendable, Hashable {
    public var name: String
    /// The filter, in the filter language.
    public var filter: String
    /// Nil: the sort is left as it is.
    public var sort: SortSetting?
    /// The zones as `-z` takes them (`all`, `pek3a,sh1a`); nil for those the browser was started with.
    public var zones: String?
    /// The columns by field name; nil for the default ones.
    public var columns: [String]?

    public init(name: String, filter: String, sort: SortSetting? = nil, zones: String? = nil, columns: [String]? = nil) {
        self.name = name
        self.filter = filter
        self.sort = sort
        self.zones = zones
        self.columns = columns
    }

    /// Whether `name` can name a view: letters, digits, `-`, `_` and `.` (a word in the settings file and
    /// on the command line).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
