/// Everything the client needs to talk to one zone of one QingCloud deployment.
///
/// The secret is held privately and left out of `description` and `debugDescription`, so printing or
/// logging a configuration can never leak it.
public struct ClientConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public var endpoint: Endpoint
    public var accessKeyID: String
    let secretAccessKey: String
    public var zone: String
    /// The deadline of one HTTP attempt, connection included.
    public var requestTimeout: Duration
    public var retryPolicy: RetryPolicy
    /// GET (query string) or POST (form body); both are signed with the method used.
    public var method: RequestMethod
    /// The CAs trusted for HTTPS besides the system's roots.
    public var trust: TrustedCertificates
    /// The proxy requests go through, or nil for a direct connection.
    public var proxy: ProxyServer?

    public init(endpoint: Endpoint, accessKeyID: String, secretAccessKey: String, zone: String,
                requestTimeout: Duration = .seconds(20), retryPolicy: RetryPolicy = RetryPolicy(),
                method: RequestMethod = .get, trust: TrustedCertificates = .systemOnly, proxy: ProxyServer? = nil) {
        self.endpoint = endpoint
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.zone = zone
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.method = method
        self.trust = trust
        self.proxy = proxy
    }

    /// The signer for these credentials.
    public var signer: RequestSigner {
        RequestSigner(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey)
    }

    public var description: String {
        "\(endpoint.url) zone=\(zone) access_key_id=\(accessKeyID)" + (proxy.map { " proxy=\($0)" } ?? "")
            + trust.sources.map { " ca_file=\($0.path)" }.joined()
    }

    public var debugDescription: String { description + " secret_access_key=<redacted>" }
}

/// The HTTP method requests are sent with.
public enum RequestMethod: String, Sendable, Hashable {
    case get = "GET"
    case post = "POST"
}
