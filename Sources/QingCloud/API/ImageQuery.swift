/// The filters of a DescribeImages request, typed.
///
/// Every parameter the API documents is here. An empty list or a nil value means "not filtered".
/// `offset` and `limit` select one page; the client's paging functions set them itself.
public struct ImageQuery: Sendable, Hashable {
    /// `images.n`: exact image ids.
    public var imageIDs: [String]
    /// `status.n`.
    public var statuses: [ImageStatus]
    /// `os_family` (one value) or `os_family.n` (several, as the official CLI sends).
    public var osFamilies: [String]
    /// `processor_type`.
    public var processorType: ProcessorType?
    /// `visibility`.
    public var visibility: Visibility?
    /// `provider`.
    public var provider: Provider?
    /// `owner`: the owner's user id.
    public var owner: String?
    /// `tags.n`: tag ids.
    public var tagIDs: [String]
    /// `search_word`: matches the image id or name.
    public var searchWord: String?
    /// `verbose`: the API accepts only 0.
    public var verbose: Int?
    /// `offset`, 0 when nil.
    public var offset: Int?
    /// `limit`, 20 when nil; the server caps it at 100.
    public var limit: Int?
    /// `zone`, overriding the client's zone for this request.
    public var zone: String?

    public init(
        imageIDs: [String] = [],
        statuses: [ImageStatus] = [],
        osFamilies: [String] = [],
        processorType: ProcessorType? = nil,
        visibility: Visibility? = nil,
        provider: Provider? = nil,
        owner: String? = nil,
        tagIDs: [String] = [],
        searchWord: String? = nil,
        verbose: Int? = nil,
        offset: Int? = nil,
        limit: Int? = nil,
        zone: String? = nil
    ) {
        self.imageIDs = imageIDs
        self.statuses = statuses
        self.osFamilies = osFamilies
        self.processorType = processorType
        self.visibility = visibility
        self.provider = provider
        self.owner = owner
        self.tagIDs = tagIDs
        self.searchWord = searchWord
        self.verbose = verbose
        self.offset = offset
        self.limit = limit
        self.zone = zone
    }

    /// The largest page the server returns.
    public static let maximumLimit = 100
    /// The page size when `limit` is not sent.
    public static let defaultLimit = 20

    /// The request parameters for this query, without the common ones (action, zone, signature, ...).
    public var parameters: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        func list(_ name: String, _ values: [String]) {
            for (index, value) in values.enumerated() { result.append(("\(name).\(index + 1)", value)) }
        }
        list("images", imageIDs)
        list("status", statuses.map(\.rawValue))
        if osFamilies.count == 1 {
            result.append(("os_family", osFamilies[0]))
        } else {
            list("os_family", osFamilies)
        }
        if let processorType { result.append(("processor_type", processorType.rawValue)) }
        if let visibility { result.append(("visibility", visibility.rawValue)) }
        if let provider { result.append(("provider", provider.rawValue)) }
        if let owner { result.append(("owner", owner)) }
        list("tags", tagIDs)
        if let searchWord, !searchWord.isEmpty { result.append(("search_word", searchWord)) }
        if let verbose { result.append(("verbose", String(verbose))) }
        if let offset { result.append(("offset", String(offset))) }
        if let limit { result.append(("limit", String(limit))) }
        return result
    }
}

/// One page of DescribeImages.
public struct ImagePage: Sendable, Hashable {
    /// How many images match the filters, whatever the offset and limit.
    public var totalCount: Int
    /// The images of this page, newest first.
    public var images: [Image]

    public init(totalCount: Int, images: [Image]) {
        self.totalCount = totalCount
        self.images = images
    }
}
