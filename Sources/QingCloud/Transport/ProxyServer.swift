import AsyncHTTPClient
import Foundation

/// The proxy requests go through, chosen from the environment as curl chooses it.
///
/// Jump hosts often reach the API only through an HTTP proxy named in `https_proxy` / `HTTPS_PROXY`
/// (`http_proxy` / `HTTP_PROXY` for a plain-HTTP endpoint, then `all_proxy` / `ALL_PROXY`); the lowercase
/// form wins, as in curl. Requests go through the proxy's CONNECT tunnel (AsyncHTTPClient tunnels plain
/// HTTP too), so TLS is still end to end.
/// `no_proxy` / `NO_PROXY` lists hosts reached directly. As in curl, loopback is proxied like any other
/// host unless `NO_PROXY` names it.
public struct ProxyServer: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case http, socks5
    }

    public var kind: Kind
    public var host: String
    public var port: Int
    /// The environment variable it was read from, for messages.
    public var origin: String
    let username: String?
    let password: String?

    /// The proxy as shown to users: scheme, host and port, never the credentials.
    public var description: String {
        let bracketedHost = host.contains(":") ? "[\(host)]" : host
        return "\(kind.rawValue)://\(bracketedHost):\(port)"
    }

    /// Whether the proxy URL carried a user name (so a 407 means the credentials were refused).
    public var hasCredentials: Bool { username != nil }

    /// The proxy for `endpoint` under `environment`, or nil when it is reached directly.
    public static func forEndpoint(_ endpoint: Endpoint, environment: [String: String]) throws(ProxyError) -> ProxyServer? {
        let names = endpoint.scheme == .https
            ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
            : ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]
        guard let origin = names.first(where: { !(environment[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }),
              let value = environment[origin] else { return nil }
        let noProxy = ["no_proxy", "NO_PROXY"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        if NoProxyList(noProxy).contains(host: endpoint.host) { return nil }
        return try parse(value.trimmingCharacters(in: .whitespaces), origin: origin)
    }

    /// Parses a proxy URL such as `http://user:pass@proxy.corp:3128`; without a scheme it is HTTP and,
    /// as in curl, the port defaults to 1080.
    static func parse(_ text: String, origin: String) throws(ProxyError) -> ProxyServer {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw ProxyError(origin: origin, reason: "not a proxy URL like http://proxy.example.com:3128")
        }
        let kind: Kind
        switch scheme {
        case "http": kind = .http
        case "socks5", "socks5h": kind = .socks5
        default:
            throw ProxyError(origin: origin, reason: "\(scheme):// proxies are not supported; use http:// or socks5://")
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw ProxyError(origin: origin, reason: "port \(port) is out of range")
        }
        if kind == .socks5, components.user != nil {
            throw ProxyError(origin: origin, reason: "SOCKS proxies with a user name are not supported; use an http:// proxy")
        }
        let unbracketed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return ProxyServer(kind: kind, host: unbracketed, port: components.port ?? 1080, origin: origin,
                           username: components.user, password: components.password)
    }

    /// The credentials of an HTTP proxy URL with a user name, as AsyncHTTPClient sends them (the
    /// diagnostic handshake sends the same `Proxy-Authorization`).
    var authorization: HTTPClient.Authorization? {
        username.map { HTTPClient.Authorization.basic(username: $0, password: password ?? "") }
    }

    /// The proxy as AsyncHTTPClient takes it.
    var clientProxy: HTTPClient.Configuration.Proxy {
        switch kind {
        case .socks5:
            return .socksServer(host: host, port: port)
        case .http:
            return .server(host: host, port: port, authorization: authorization)
        }
    }
}
