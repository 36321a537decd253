import QingCloud

/// What kind of failure the last error was, so that the screen says what happened in plain words:
/// "not answering" only when the server did not answer.
enum FailureKind: Sendable, Hashable {
    /// A request got no answer in time, or the connection closed before one.
    case noAnswer
    /// The server could not be reached: refused, unknown host, TLS, another network error.
    case unreachable
    /// The server's certificate was refused: untrusted issuer, expired, not yet valid, another host's.
    case certificate
    /// The proxy refused the connection, wanted credentials or would not open a tunnel.
    case proxy
    /// The API answered with an error (`ret_code` not 0): it works, but refused this request.
    case refused
    /// The server answered with an HTTP error status.
    case httpError(code: Int)
    /// The server answered with something that is not the API's JSON.
    case unreadable

    init(_ error: QingCloudError) {
        switch error {
        case .transport(let failure):
            switch failure.kind {
            case .timeout, .connectionClosed: self = .noAnswer
            case .connectionRefused, .dnsFailure, .tls, .other, .tlsToPlainHTTP, .plainHTTPToTLS: self = .unreachable
            case .untrustedCertificate, .hostnameMismatch, .expiredCertificate, .notYetValidCertificate:
                self = .certificate
            case .proxyRefused, .proxyUnreachable, .proxyAuthenticationRequired, .proxyCredentialsRefused,
                 .proxyTunnelRefused, .closedThroughProxy:
                self = .proxy
            }
        case .api: self = .refused
        case .httpStatus(let code, _): self = .httpError(code: code)
        case .malformedResponse: self = .unreadable
        case .cancelled: self = .noAnswer
        }
    }

    /// What happened, to follow "no images loaded: ".
    var explanation: String {
        switch self {
        case .noAnswer: "the server is not answering"
        case .unreachable: "the server cannot be reached"
        case .certificate: "the server's certificate is not accepted"
        case .proxy: "the proxy did not let the request through"
        case .refused: "the server refused the request"
        case .httpError(let code): "the server answered with HTTP error \(code)"
        case .unreadable: "the server's answer could not be read"
        }
    }
}
