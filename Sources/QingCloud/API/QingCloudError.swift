/// Everything that can go wrong talking to QingCloud, each with one human line and a hint.
///
/// `description` is what `qcimages` prints and what the browser shows in its header; it never contains
/// the secret key. Text the server wrote (its message, a body excerpt) is cut to
/// ``serverTextLimit`` characters; it may still hold control characters, which every sink escapes
/// (the browser, stderr and the log all do) before writing it.
public enum QingCloudError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The API answered with a non-zero `ret_code`.
    case api(APIError, hint: String?)
    /// The request did not get an answer: refused, timed out, DNS, TLS, connection dropped.
    case transport(TransportFailure)
    /// The server answered with an HTTP status other than 200.
    case httpStatus(code: Int, excerpt: String)
    /// The body was not the JSON the API sends.
    case malformedResponse(reason: String, offset: Int?, excerpt: String)
    /// The request was cancelled (a newer search superseded it, or the user quit).
    case cancelled

    /// Whether retrying the same request may help.
    public var isRetryable: Bool {
        switch self {
        case .api(let error, _): error.isRetryable
        case .transport(let failure): failure.kind.isRetryable
        case .httpStatus(let code, _): code >= 500 || code == 429
        case .malformedResponse: false
        case .cancelled: false
        }
    }

    /// The error without the hint of what to do when it is final (`retried with backoff and gave up`),
    /// for the log line of a retry, which says what happens next itself.
    var withoutHint: QingCloudError {
        guard case .api(let error, _) = self else { return self }
        return .api(error, hint: nil)
    }

    /// The most characters of server text one error message carries: a 1 MB message is not printed whole.
    public static let serverTextLimit = 300

    /// `text` cut to ``serverTextLimit`` characters, the cut marked with "…".
    static func cut(_ text: String) -> String {
        guard let end = text.index(text.startIndex, offsetBy: serverTextLimit, limitedBy: text.endIndex),
              end < text.endIndex else { return text }
        return String(text[..<end].dropLast()) + "…"
    }

    public var description: String {
        switch self {
        case .api(let error, let hint):
            let detail = error.message.isEmpty ? "" : ": \(Self.cut(error.message))"
            return "\(error.meaning) (ret_code \(error.code))\(detail)" + (hint.map { "; \($0)" } ?? "")
        case .transport(let failure):
            return failure.description
        case .httpStatus(let code, let excerpt):
            let body = excerpt.isEmpty ? "" : ": \(Self.cut(excerpt))"
            return "the server answered HTTP \(code)\(body); is the endpoint a QingCloud API?"
        case .malformedResponse(let reason, let offset, let excerpt):
            let at = offset.map { " at byte \($0)" } ?? ""
            return "malformed response from the server\(at): \(reason) (starts with \(Self.cut(excerpt).debugDescription))"
        case .cancelled:
            return "request cancelled"
        }
    }
}

/// Why a request got no HTTP answer.
public struct TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, for deciding what to tell the user.
    public enum Kind: String, Sendable, Hashable {
        case connectionRefused, timeout, dnsFailure, tls, connectionClosed, other
        /// The certificate's issuer is not among the trusted roots (`detail`: ` (issued by ...)` or empty).
        case untrustedCertificate
        /// The certificate names other hosts (`detail`: ` (it names ...)` or empty).
        case hostnameMismatch
        /// The certificate has expired (`detail`: ` on <date>` or empty).
        case expiredCertificate
        /// The certificate is not valid yet (`detail`: ` (valid from <date>)` or empty).
        case notYetValidCertificate
        /// An `https://` endpoint answered in plain HTTP.
        case tlsToPlainHTTP
        /// An `http://` endpoint expects TLS.
        case plainHTTPToTLS
        /// The proxy (`detail`: `http://host:port (from VARIABLE)`) refused the connection.
        case proxyRefused
        /// The proxy could not be reached in time or its host could not be resolved (`detail`: the proxy).
        case proxyUnreachable
        /// The proxy answered 407 and no credentials were given (`detail`: the proxy).
        case proxyAuthenticationRequired
        /// The proxy answered 407 to the credentials in its URL (`detail`: the proxy).
        case proxyCredentialsRefused
        /// The proxy would not open a tunnel to the endpoint: any answer to CONNECT but 200 and 407, such as
        /// tinyproxy's 401 for wrong credentials (`detail`: the proxy).
        case proxyTunnelRefused
        /// Through a proxy (`detail`: the proxy), the connection closed before an answer or the answer was
        /// not HTTP (a proxy's 407 with a bare CR in its reason phrase): the proxy may be the cause.
        case closedThroughProxy

        /// Certificates, protocols and proxy credentials stay wrong however often a request is sent.
        var isRetryable: Bool {
            switch self {
            case .connectionRefused, .timeout, .dnsFailure, .connectionClosed, .other, .proxyRefused,
                 .proxyUnreachable, .proxyTunnelRefused, .closedThroughProxy:
                true
            case .tls, .untrustedCertificate, .hostnameMismatch, .expiredCertificate, .notYetValidCertificate,
                 .tlsToPlainHTTP, .plainHTTPToTLS, .proxyAuthenticationRequired, .proxyCredentialsRefused:
                false
            }
        }
    }

    public var kind: Kind
    /// The endpoint it was trying (no query string, so no signature or key id).
    public var endpoint: String
    /// What the message needs besides the endpoint; never a credential.
    public var detail: String

    public init(kind: Kind, endpoint: String, detail: String) {
        self.kind = kind
        self.endpoint = endpoint
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .connectionRefused: "connection refused by \(endpoint); are the host and port right?"
        case .timeout: "no answer from \(endpoint) in time (\(detail)); check the network or raise --timeout"
        case .dnsFailure: "cannot resolve the host of \(endpoint); check host in the config or --endpoint"
        case .tls: "TLS handshake with \(endpoint) failed (\(detail)); check protocol and port"
        case .untrustedCertificate:
            "the certificate of \(endpoint)\(detail) is not trusted: pass --ca-file or set SSL_CERT_FILE"
        case .hostnameMismatch:
            "the certificate of \(endpoint) is for another host\(detail): use a host name it names in the endpoint"
        case .expiredCertificate:
            "the certificate of \(endpoint) expired\(detail): the server must renew it (or check this machine's clock)"
        case .notYetValidCertificate:
            "the certificate of \(endpoint) is not valid yet\(detail): check this machine's clock"
        case .tlsToPlainHTTP:
            "\(endpoint) answers in plain HTTP, not TLS: use http:// (protocol: http in the config) or the TLS port"
        case .plainHTTPToTLS:
            "\(endpoint) expects TLS: use https:// (protocol: https in the config)"
        case .proxyRefused:
            "the proxy \(detail) refused the connection; check the proxy variable, or list the host in NO_PROXY"
        case .proxyUnreachable:
            "cannot reach the proxy \(detail); check the proxy variable, or list the host in NO_PROXY"
        case .proxyAuthenticationRequired:
            "the proxy \(detail) demands authentication: put the user and password in its URL (http://user:password@host:port)"
        case .proxyCredentialsRefused:
            "the proxy \(detail) refused the user and password in its URL"
        case .proxyTunnelRefused:
            "the proxy \(detail) would not connect to \(endpoint): check the user and password in its URL, ask its administrator, or list the host in NO_PROXY"
        case .connectionClosed: "\(endpoint) closed the connection before answering"
        case .closedThroughProxy:
            "no answer from \(endpoint) through the proxy \(detail): the connection closed, or the proxy answered "
                + "what is not HTTP; check the proxy, or list the host in NO_PROXY"
        case .other: "cannot reach \(endpoint): \(detail)"
        }
    }
}
