import JSONEngine

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

    var apiObject: JSONValue {
        .object([
            "tag_id": .string(id), "tag_name": .string(name), "tag_key": .string(key),
            "tag_value": .string(value), "color": .string(color), "owner": .string(owner),
        ])
    }
}
