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
        case .transport: true
        case .httpStatus(let code, _): code >= 500 || code == 429
        case .malformedResponse: false
        case .cancelled: false
        }
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
    }

    public var kind: Kind
    /// The endpoint it was trying (no query string, so no signature or key id).
    public var endpoint: String
    public var detail: String

    public init(kind: Kind, endpoint: String, detail: String) {
        self.kind = kind
        self.endpoint = endpoint
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .connectionRefused: "connection refused by \(endpoint); is the host and port right?"
        case .timeout: "no answer from \(endpoint) in time (\(detail)); check the network or raise --timeout"
        case .dnsFailure: "cannot resolve the host of \(endpoint); check host in the config or --endpoint"
        case .tls: "TLS handshake with \(endpoint) failed (\(detail)); check protocol and port"
        case .connectionClosed: "\(endpoint) closed the connection before answering"
        case .other: "cannot reach \(endpoint): \(detail)"
        }
    }
}
