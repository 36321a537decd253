import Foundation
import JSONEngine

/// One machine image as DescribeImages returns it.
///
/// Every documented field is typed; `rawJSON` keeps the whole object the server sent, unknown fields
/// included, as bytes.
/// Strings are stored exactly as received: sanitising for display is the job of whatever shows them.
public struct Image: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
    public var sizeGB: Int
    public var processorType: ProcessorType
    public var platform: Platform
    public var osFamily: String
    public var visibility: Visibility
    public var provider: Provider
    public var owner: String
    public var recommendedType: String
    public var status: ImageStatus
    /// Nil when the image is idle (the API sends `""`).
    public var transitionStatus: TransitionStatus?
    public var createTime: Date?
    public var statusTime: Date?
    public var tags: [Tag]
    /// The object as the server sent it.
    public var rawJSON: JSONText
    /// The zone the image was read from, when the client reads several (the API does not send it, and the
    /// same system image id exists in every zone); nil for a single zone.
    public var zone: String?

    /// The object as the server sent it, parsed (each time: keep it if you need it twice).
    public var raw: JSONValue {
        get { rawJSON.value }
        set { rawJSON = JSONText(newValue) }
    }

    public init(
        id: String,
        name: String,
        description: String?,
        sizeGB: Int,
        processorType: ProcessorType,
        platform: Platform,
        osFamily: String,
        visibility: Visibility,
        provider: Provider,
        owner: String,
        recommendedType: String,
        status: ImageStatus,
        transitionStatus: TransitionStatus?,
        createTime: Date?,
        statusTime: Date?,
        tags: [Tag],
        rawJSON: JSONText? = nil,
        zone: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.sizeGB = sizeGB
        self.processorType = processorType
        self.platform = platform
        self.osFamily = osFamily
        self.visibility = visibility
        self.provider = provider
        self.owner = owner
        self.recommendedType = recommendedType
        self.status = status
        self.transitionStatus = transitionStatus
        self.createTime = createTime
        self.statusTime = statusTime
        self.tags = tags
        self.zone = zone
        self.rawJSON = .null
        self.rawJSON = rawJSON ?? JSONText(apiObject)
    }

    /// What tells the image apart from every other one read: its id, or `zone/id` when it is tagged with
    /// its zone.
    public var key: String { Self.key(id: id, zone: zone) }

    /// The key of the image `id` read from `zone` (nil when images are not tagged with one).
    public static func key(id: String, zone: String?) -> String { zone.map { $0 + "/" + id } ?? id }

    /// The documented fields in the API's own shape, as a server would send them.
    public var apiObject: JSONValue {
        .object(Dictionary(uniqueKeysWithValues: ImageField.documented.map { ($0.jsonKey!, $0.declaration.json(self)) }))
    }
}
