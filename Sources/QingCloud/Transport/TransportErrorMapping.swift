import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Turns the errors of AsyncHTTPClient, SwiftNIO and NIOSSL into a ``QingCloudError`` a user can act on.
///
/// Messages name the endpoint (or the proxy) and the fix; they never carry BoringSSL's source paths nor
/// proxy credentials. A certificate that failed verification, or a plain-HTTP endpoint that dropped the
/// request, is looked at once more with ``TLSProbe`` to say which of the possible causes it is.
enum TransportErrorMapping {
    static func map(_ error: any Error, endpoint: Endpoint, timeout: Duration, proxy: ProxyServer?) async -> QingCloudError {
        let url = endpoint.url
        func failure(_ kind: TransportFailure.Kind, _ detail: String = "") -> QingCloudError {
            .transport(TransportFailure(kind: kind, endpoint: url, detail: detail))
        }
        let proxyLabel = proxy.map { "\($0) (from \($0.origin))" } ?? ""
        if error is CancellationError { return .cancelled }
        if error is NIOTooManyBytesError {
            return .malformedResponse(reason: "response body larger than 256 MiB", offset: nil, excerpt: "")
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return .cancelled
            case .proxyAuthenticationRequired:
                return failure(proxy?.hasCredentials == true ? .proxyCredentialsRefused : .proxyAuthenticationRequired, proxyLabel)
            case .invalidProxyResponse:
                return failure(.proxyTunnelRefused, proxyLabel)
            case .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                return failure(.proxyUnreachable, proxyLabel)
            case .connectTimeout, .readTimeout, .deadlineExceeded, .writeTimeout:
                return failure(.timeout, "\(timeout) per request")
            case .remoteConnectionClosed:
                return await closedConnection(endpoint: endpoint, proxy: proxy, failure: failure)
            default:
                break
            }
        }
        if error is HTTPParserError {
            return await closedConnection(endpoint: endpoint, proxy: proxy, failure: failure)
        }
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            let names = await TLSProbe.presentedCertificates(
                host: endpoint.host, port: endpoint.port, proxy: proxy, timeout: .seconds(5))?.names ?? []
            return failure(.hostnameMismatch, names.isEmpty ? "" : " (it names \(names.joined(separator: ", ")))")
        }
        if let error = error as? NIOSSLError {
            return await handshakeFailure(error, endpoint: endpoint, proxy: proxy, failure: failure)
        }
        let text = String(describing: error)
        let lowered = text.lowercased()
        let kind: TransportFailure.Kind
        if error is NIOConnectionError, lowered.contains("dns") || lowered.contains("resolve") {
            kind = proxy == nil ? .dnsFailure : .proxyUnreachable
        } else if lowered.contains("refused") {
            kind = proxy == nil ? .connectionRefused : .proxyRefused
        } else if lowered.contains("timeout") || lowered.contains("timed out") {
            kind = .timeout
        } else if lowered.contains("ssl") || lowered.contains("tls") || lowered.contains("certificate") {
            kind = .tls
        } else if lowered.contains("eof") || lowered.contains("closed") || lowered.contains("reset") {
            kind = .connectionClosed
        } else if lowered.contains("dns") || lowered.contains("name resolution") || lowered.contains("unknown host") {
            kind = proxy == nil ? .dnsFailure : .proxyUnreachable
        } else {
            kind = .other
        }
        switch kind {
        case .timeout: return failure(kind, "\(timeout) per request")
        case .proxyRefused, .proxyUnreachable: return failure(kind, proxyLabel)
        default: return failure(kind, String(text.prefix(200)))
        }
    }

    /// BoringSSL's reasons (`CERTIFICATE_VERIFY_FAILED`, `WRONG_VERSION_NUMBER`) without its file paths.
    static func reasons(of error: NIOSSLError) -> [String] {
        guard case .handshakeFailed(.sslError(let stack)) = error else { return ["\(error)"] }
        return stack.map { entry in
            let text = "\(entry)"
            let message = text.components(separatedBy: " at ").first ?? text
            return message.split(separator: ":").last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? message
        }
    }

    private static func handshakeFailure(_ error: NIOSSLError, endpoint: Endpoint, proxy: ProxyServer?,
                                         failure: (TransportFailure.Kind, String) -> QingCloudError) async -> QingCloudError {
        let reasons = reasons(of: error)
        if reasons.contains("CERTIFICATE_VERIFY_FAILED") {
            let presented = await TLSProbe.presentedCertificates(
                host: endpoint.host, port: endpoint.port, proxy: proxy, timeout: .seconds(5))
            let (kind, detail) = TLSProbe.verificationFailure(of: presented)
            return failure(kind, detail)
        }
        if reasons.contains("WRONG_VERSION_NUMBER") || reasons.contains("HTTP_REQUEST") {
            return failure(.tlsToPlainHTTP, "")
        }
        if case .uncleanShutdown = error {
            return failure(.tlsToPlainHTTP, "")
        }
        return failure(.tls, reasons.joined(separator: ", ").lowercased().replacingOccurrences(of: "_", with: " "))
    }

    /// A connection closed before any answer: a plain-HTTP request to a TLS port looks like this, so a
    /// TLS handshake tells the two apart.
    private static func closedConnection(endpoint: Endpoint, proxy: ProxyServer?,
                                         failure: (TransportFailure.Kind, String) -> QingCloudError) async -> QingCloudError {
        if endpoint.scheme == .http,
           await TLSProbe.presentedCertificates(host: endpoint.host, port: endpoint.port, proxy: proxy, timeout: .seconds(5)) != nil {
            return failure(.plainHTTPToTLS, "")
        }
        if let proxy { return failure(.closedThroughProxy, "\(proxy) (from \(proxy.origin))") }
        return failure(.connectionClosed, "")
    }
}
