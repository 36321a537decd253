import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOHTTP1
import NIOPosix
import NIOSOCKS
import NIOSSL
import X509

/// A second, diagnostic TLS handshake after a failed one, to tell the user *why* it failed.
///
/// BoringSSL reports an untrusted issuer, an expired certificate and a certificate not yet valid all as
/// `CERTIFICATE_VERIFY_FAILED`; the fix differs for each. The probe connects again, takes the certificates
/// the server presents without trusting them, ends the handshake there (no request is sent) and reads them.
/// Through a proxy it goes through the same kind of tunnel as the request did.
enum TLSProbe {
    /// What the server presented.
    struct PresentedCertificates {
        /// Leaf first, as the server sent them.
        var chain: [Certificate]

        /// The leaf's DNS names and IP addresses.
        var names: [String] {
            guard let leaf = chain.first, let alternatives = try? leaf.extensions.subjectAlternativeNames else { return [] }
            return alternatives.compactMap { name -> String? in
                switch name {
                case .dnsName(let dns): dns
                case .ipAddress(let octets): IPAddress(bytes: Array(octets.bytes))?.description
                default: nil
                }
            }
        }
    }

    /// The certificates `host:port` presents in a TLS handshake, reached through `proxy`'s tunnel when one
    /// is given (as the request was), or nil when it does not get that far (it does not speak TLS, the
    /// tunnel is refused, or nothing answers within `timeout`).
    static func presentedCertificates(host: String, port: Int, proxy: ProxyServer? = nil,
                                      timeout: TimeAmount) async -> PresentedCertificates? {
        let seen = NIOLockedValueBox<[NIOSSLCertificate]?>(nil)
        guard let context = try? NIOSSLContext(configuration: .makeClientConfiguration()) else { return nil }
        let serverName = IPAddress(host) == nil ? host : nil
        @Sendable func addTLS(to channel: any Channel) throws {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: serverName) { presented, verdict in
                seen.withLockedValue { $0 = presented }
                verdict.succeed(NIOSSLVerificationResult.failed)
            }
            try channel.pipeline.syncOperations.addHandler(handler)
        }
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture(withResultOf: {
                    switch proxy {
                    case .none:
                        try addTLS(to: channel)
                    case .some(let proxy) where proxy.kind == .socks5:
                        // SOCKSClientHandler holds the TLS handshake's bytes until the tunnel is open.
                        try channel.pipeline.syncOperations.addHandler(SOCKSClientHandler(targetAddress: .domain(host, port: port)))
                        try addTLS(to: channel)
                    case .some(let proxy):
                        try addConnectTunnel(to: channel, host: host, port: port, proxy: proxy, timeout: timeout) {
                            try addTLS(to: channel)
                        }
                    }
                })
            }
        guard let channel: any Channel = try? await bootstrap.connect(host: proxy?.host ?? host, port: proxy?.port ?? port).get()
        else { return nil }
        let deadline = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        try? await channel.closeFuture.get()
        deadline.cancel()
        guard let presented = seen.withLockedValue({ $0 }) else { return nil }
        let chain = presented.compactMap { certificate in
            (try? certificate.toDERBytes()).flatMap { try? Certificate(derEncoded: $0) }
        }
        return chain.isEmpty ? nil : PresentedCertificates(chain: chain)
    }

    /// An HTTP proxy's CONNECT tunnel to `host:port` (with the proxy's credentials), then `then` once it
    /// is open, with the HTTP handlers gone; a refused tunnel closes the channel.
    private static func addConnectTunnel(to channel: any Channel, host: String, port: Int, proxy: ProxyServer,
                                         timeout: TimeAmount, then: @escaping @Sendable () throws -> Void) throws {
        var headers = HTTPHeaders()
        if let authorization = proxy.authorization { headers.add(name: "Proxy-Authorization", value: authorization.headerValue) }
        let opened = channel.eventLoop.makePromise(of: Void.self)
        let encoder = HTTPRequestEncoder()
        let decoder = ByteToMessageHandler(HTTPResponseDecoder(leftOverBytesStrategy: .forwardBytes))
        let connect = NIOHTTP1ProxyConnectHandler(targetHost: host, targetPort: port, headers: headers,
                                                  deadline: .now() + timeout, promise: opened)
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandlers([encoder, decoder, connect])
        let handlers = NIOLoopBound((encoder, decoder), eventLoop: channel.eventLoop)
        // The TLS handler goes in only once the HTTP handlers are out (the CONNECT handler leaves by
        // itself): its first bytes are not HTTP.
        opened.futureResult.flatMap { () -> EventLoopFuture<Void> in
            let (encoder, decoder) = handlers.value
            let pipeline = channel.pipeline.syncOperations
            let removals = [pipeline.removeHandler(decoder), pipeline.removeHandler(encoder)]
            return EventLoopFuture.andAllSucceed(removals, on: channel.eventLoop)
        }.flatMapThrowing(then).whenFailure { _ in
            channel.close(promise: nil)
        }
    }

    /// Why a certificate chain failed verification: expired, not yet valid, or (otherwise) untrusted.
    static func verificationFailure(of presented: PresentedCertificates?, now: Date = Date()) -> (TransportFailure.Kind, detail: String) {
        guard let presented else { return (.untrustedCertificate, "") }
        if let expired = presented.chain.first(where: { $0.notValidAfter < now }) {
            return (.expiredCertificate, " on " + format(expired.notValidAfter))
        }
        if let early = presented.chain.first(where: { $0.notValidBefore > now }) {
            return (.notYetValidCertificate, " (valid from " + format(early.notValidBefore) + ")")
        }
        let issuer = presented.chain.last.map { " (issued by \(commonName(of: $0.issuer)))" } ?? ""
        return (.untrustedCertificate, issuer)
    }

    /// The CN of a name, as people call a CA ("Example Corp Root CA"), or the whole name without one.
    static func commonName(of name: DistinguishedName) -> String {
        let common = name.flatMap { $0 }.last { $0.type == .RDNAttributeType.commonName }
        return common.map { "\($0.value)" } ?? "\(name)"
    }

    private static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
