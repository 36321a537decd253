import Foundation

/// One machine image as DescribeImages returns it.
///
/// Every documented field is typed; `raw` keeps the whole object the server sent, unknown fields included.
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
    public var raw: JSONValue
    /// The zone the image was read from, when the client reads several (the API does not send it, and the
    /// same system image id exists in every zone); nil for a single zone.
    public var zone: String?

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
        raw: JSONValue? = nil,
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
        self.raw = .null
        self.zone = zone
        self.raw = raw ?? apiObject
    }

    /// What tells the image apart from every other one read: its id, or `zone/id` when it is tagged with
    /// its zone.
    public var key: String { zone.map { $0 + "/" + id } ?? id }

    /// Reads an image from one element of `image_set`.
    ///
    /// Only `image_id` is required; a missing or `null` string becomes empty, unknown fields are ignored.
    public init(json: JSONValue) throws(DecodingFailure) {
        guard let object = json.objectValue else {
            throw DecodingFailure("an element of image_set is not an object")
        }
        guard let id = object["image_id"]?.stringValue, !id.isEmpty else {
            throw DecodingFailure("an image has no image_id")
        }
        func string(_ key: String) -> String { object[key]?.stringValue ?? "" }
        let transition = string("transition_status")
        self.init(
            id: id,
            name: string("image_name"),
            description: object["description"]?.stringValue,
            sizeGB: object["size"]?.intValue ?? 0,
            processorType: ProcessorType(apiValue: string("processor_type")),
            platform: Platform(apiValue: string("platform")),
            osFamily: string("os_family"),
            visibility: Visibility(apiValue: string("visibility")),
            provider: Provider(apiValue: string("provider")),
            owner: string("owner"),
            recommendedType: string("recommended_type"),
            status: ImageStatus(apiValue: string("status")),
            transitionStatus: transition.isEmpty ? nil : TransitionStatus(apiValue: transition),
            createTime: APITimestamp.parse(string("create_time")),
            statusTime: APITimestamp.parse(string("status_time")),
            tags: (object["tags"]?.arrayValue ?? []).compactMap(Tag.init(json:)),
            raw: json
        )
    }

    /// The documented fields in the API's own shape, as a server would send them.
    public var apiObject: JSONValue {
        .object([
            "image_id": .string(id),
            "image_name": .string(name),
            "description": description.map(JSONValue.string) ?? .null,
            "size": .int(sizeGB),
            "processor_type": .string(processorType.rawValue),
            "platform": .string(platform.rawValue),
            "os_family": .string(osFamily),
            "visibility": .string(visibility.rawValue),
            "provider": .string(provider.rawValue),
            "owner": .string(owner),
            "recommended_type": .string(recommendedType),
            "status": .string(status.rawValue),
            "transition_status": .string(transitionStatus?.rawValue ?? ""),
            "create_time": createTime.map { .string(APITimestamp.format($0)) } ?? .null,
            "status_time": statusTime.map { .string(APITimestamp.format($0)) } ?? .null,
            "tags": .array(tags.map(\.apiObject)),
        ])
    }
}

/// A tag attached to an image.
public struct Tag: Sendable, Hashable {
    public var id: String
    public var name: String
    public var key: String
    public var value: String
    /// The tag's colour as the console shows it, `#rrggbb`.
    public var color: String
    public var owner: String

    public init(id: String, name: String, key: String, value: String, color: String, owner: String) {
        self.id = id
        self.name = name
        self.key = key
        self.value = value
        self.color = color
        self.owner = owner
    }

    init?(json: JSONValue) {
        guard let object = json.objectValue else { return nil }
        func string(_ key: String) -> String { object[key]?.stringValue ?? "" }
        self.init(
            id: string("tag_id"), name: string("tag_name"), key: string("tag_key"),
            value: string("tag_value"), color: string("color"), owner: string("owner")
        )
    }

    var apiObject: JSONValue {
        .object([
            "tag_id": .string(id), "tag_name": .string(name), "tag_key": .string(key),
            "tag_value": .string(value), "color": .string(color), "owner": .string(owner),
        ])
    }
}

/// Why a response body could not be read as the API's shape.
public struct DecodingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
