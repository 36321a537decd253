/// Why a response body could not be read as the API's shape.
public struct DecodingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
