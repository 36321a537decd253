import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// Turns the errors of AsyncHTTPClient and SwiftNIO into a ``QingCloudError`` a user can act on.
enum TransportErrorMapping {
    static func map(_ error: any Error, endpoint: String, timeout: Duration) -> QingCloudError {
        if error is CancellationError { return .cancelled }
        if error is NIOTooManyBytesError {
            return .malformedResponse(reason: "response body larger than 256 MiB", offset: nil, excerpt: "")
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return .cancelled
            case .connectTimeout, .readTimeout, .deadlineExceeded, .writeTimeout:
                return .transport(TransportFailure(kind: .timeout, endpoint: endpoint, detail: "\(timeout) per request"))
            case .remoteConnectionClosed:
                return .transport(TransportFailure(kind: .connectionClosed, endpoint: endpoint, detail: ""))
            default:
                break
            }
        }
        if error is HTTPParserError {
            return .transport(TransportFailure(kind: .connectionClosed, endpoint: endpoint, detail: ""))
        }
        let text = String(describing: error)
        let lowered = text.lowercased()
        let kind: TransportFailure.Kind
        if error is NIOConnectionError, lowered.contains("dns") || lowered.contains("resolve") {
            kind = .dnsFailure
        } else if lowered.contains("refused") {
            kind = .connectionRefused
        } else if lowered.contains("timeout") || lowered.contains("timed out") {
            kind = .timeout
        } else if lowered.contains("ssl") || lowered.contains("tls") || lowered.contains("certificate") {
            kind = .tls
        } else if lowered.contains("eof") || lowered.contains("closed") || lowered.contains("reset") {
            kind = .connectionClosed
        } else if lowered.contains("dns") || lowered.contains("name resolution") || lowered.contains("unknown host") {
            kind = .dnsFailure
        } else {
            kind = .other
        }
        let detail = kind == .timeout ? "\(timeout) per request" : String(text.prefix(200))
        return .transport(TransportFailure(kind: kind, endpoint: endpoint, detail: detail))
    }
}
