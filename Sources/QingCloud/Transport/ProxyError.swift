/// A proxy variable that cannot be used, as one line naming it (never its credentials).
public struct ProxyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var origin: String
    public var reason: String
    public var description: String { "bad proxy in \(origin): \(reason)" }
}
