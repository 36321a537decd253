import Foundation

/// Where the API lives: scheme, host, port and path, e.g. `https://api.qingcloud.com:443/iaas/`.
///
/// Private QingCloud deployments have their own host, port and protocol; the simulator is plain HTTP on
/// loopback. The path is signed as written, so `/iaas` and `/iaas/` are kept distinct.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: String, Sendable, Hashable {
        case http, https
    }

    public var scheme: Scheme
    public var host: String
    public var port: Int
    public var path: String

    public init(scheme: Scheme, host: String, port: Int? = nil, path: String = "/iaas/") {
        self.scheme = scheme
        self.host = host
        self.port = port ?? (scheme == .https ? 443 : 80)
        self.path = path.isEmpty ? "/iaas/" : (path.hasPrefix("/") ? path : "/" + path)
    }

    /// The public cloud.
    public static let publicCloud = Endpoint(scheme: .https, host: "api.qingcloud.com", port: 443, path: "/iaas/")

    /// Parses a full URL such as `https://api.qingcloud.com:443/iaas` (the form of `QINGCLOUD_ENDPOINT`).
    public init(url text: String) throws(EndpointError) {
        guard let components = URLComponents(string: text), let schemeText = components.scheme?.lowercased() else {
            throw EndpointError(text: text, reason: "not a URL like https://api.qingcloud.com:443/iaas")
        }
        guard let scheme = Scheme(rawValue: schemeText) else {
            throw EndpointError(text: text, reason: "protocol must be http or https, not \(schemeText)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw EndpointError(text: text, reason: "no host")
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw EndpointError(text: text, reason: "port \(port) is out of range")
        }
        if components.query != nil {
            throw EndpointError(text: text, reason: "must not have a query string")
        }
        self.init(scheme: scheme, host: host, port: components.port, path: components.path)
    }

    /// The URL of the API without a query, e.g. `https://api.qingcloud.com:443/iaas/`.
    public var url: String {
        let bracketedHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme.rawValue)://\(bracketedHost):\(port)\(path)"
    }

    public var description: String { url }
}

/// Why an endpoint URL was refused.
public struct EndpointError: Error, Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "bad endpoint \(text.debugDescription): \(reason)" }
}
