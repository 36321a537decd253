/// A closed set of API strings that must still accept values the service adds later.
///
/// QingCloud documents fixed value sets (statuses, visibilities, ...) but a real server may grow them.
/// Conforming enums keep a case per documented value plus `.other(String)`, so an unknown value decodes,
/// displays and round-trips as is instead of failing a whole page.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// The documented values, in the order the API documentation lists them.
    static var documented: [Self] { get }
    /// Wraps a value that is not documented.
    static func other(_ rawValue: String) -> Self
}

extension OpenEnum {
    /// Builds the documented case whose raw value matches exactly, or `.other(rawValue)`.
    public init(apiValue: String) {
        self = Self.documented.first { $0.rawValue == apiValue } ?? Self.other(apiValue)
    }

    /// Whether this is one of the documented values.
    public var isDocumented: Bool { Self.documented.contains(self) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(apiValue: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
