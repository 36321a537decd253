import Foundation

/// An image's JSON object exactly as the server sent it: a slice of the answer's bytes (shared with the
/// other images of the page), parsed again only when someone looks at it.
///
/// Two texts are equal when their bytes are, or when they hold the same JSON value written differently
/// (key order, spacing, escapes).
public struct JSONText: Sendable, Hashable, CustomStringConvertible {
    /// The UTF-8 bytes of one JSON value.
    public let bytes: ArraySlice<UInt8>

    /// `null`, for images whose object is not kept.
    public static let null = JSONText(bytes: ArraySlice("null".utf8))

    public init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// The compact JSON of `value`.
    public init(_ value: JSONValue) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        bytes = ArraySlice((try? encoder.encode(value)) ?? Data("null".utf8))
    }

    /// The value the text holds; `.null` when it is not JSON.
    public var value: JSONValue {
        (try? JSONValue(parsing: bytes)) ?? .null
    }

    public var description: String { String(decoding: bytes, as: UTF8.self) }

    public static func == (left: JSONText, right: JSONText) -> Bool {
        left.bytes == right.bytes || left.value == right.value
    }

    /// Equal texts may differ in their bytes, so nothing of them can be hashed cheaply.
    public func hash(into hasher: inout Hasher) {}
}
