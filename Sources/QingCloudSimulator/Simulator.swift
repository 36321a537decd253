import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// A local, faithful QingCloud API endpoint serving DescribeImages over a deterministic catalogue.
///
/// It exists so that the demo, the tests and the benchmarks run without an account: it checks requests
/// as the real service does, lets its images live through their lifecycle with `churn`, and misbehaves
/// on demand (`FaultPlan`). Create it, `start()` it for its URL, `stop()` it when done.
public actor Simulator {
    public nonisolated let configuration: SimulatorConfiguration
    nonisolated let api: SimulatedAPI
    private let logger: Logger
    private var server: RunningServer?

    /// A server that was started: what shuts it down, what runs it, and its URL once bound.
    private struct RunningServer {
        let group: ServiceGroup
        let task: Task<Void, Never>
        let endpoint: Task<URL, any Error>
    }

    /// Builds the catalogue (and, with churn, its lifecycle); nothing listens until `start()`.
    public init(configuration: SimulatorConfiguration, logger: Logger = Simulator.quietLogger()) {
        self.configuration = configuration
        self.logger = logger
        api = SimulatedAPI(configuration: configuration, logger: logger)
    }

    /// How many requests of `action` (e.g. `DescribeImages`) naming `zone` reached the API so far, signed
    /// or not, those answered with an injected fault included.
    public nonisolated func requestCount(action: String, zone: String) -> Int {
        api.requests.count(action: action, zone: zone)
    }

    /// A logger that reports only warnings and worse, so that an embedded simulator stays silent.
    public static func quietLogger() -> Logger {
        var logger = Logger(label: "qcimages.simulator")
        logger.logLevel = .warning
        return logger
    }

    /// Binds and starts serving; returns once the port is bound. The endpoint URL, e.g.
    /// `http://127.0.0.1:41234/iaas/`. Calling it again while running returns the same URL.
    public func start() async throws -> URL {
        if let server {
            return try await server.endpoint.value
        }
        let serverBuilder = try Self.serverBuilder(tls: configuration.tls)
        let (boundPorts, portContinuation) = AsyncThrowingStream<Int, any Error>.makeStream()
        let faults = configuration.faults
        let application = Application(
            responder: SimulatorResponder(
                api: api,
                faults: faults.injectsErrors ? FaultInjector(plan: faults) : nil,
                latency: faults.latency
            ),
            server: serverBuilder,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: nil
            ),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
        var groupConfiguration = ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: [], logger: logger
        )
        // An answer held back by injected latency must not hold a stop for that long.
        groupConfiguration.maximumGracefulShutdownDuration = Self.shutdownGrace
        let group = ServiceGroup(configuration: groupConfiguration)
        let task = Task {
            do {
                try await group.run()
                portContinuation.finish()
            } catch {
                portContinuation.finish(throwing: error)
            }
        }
        let host = configuration.host
        let scheme = configuration.tls == nil ? "http" : "https"
        let endpoint = Task {
            for try await port in boundPorts {
                return Self.url(scheme: scheme, host: host, port: port)
            }
            throw CancellationError()
        }
        let running = RunningServer(group: group, task: task, endpoint: endpoint)
        server = running
        do {
            return try await endpoint.value
        } catch {
            if server?.task == task { server = nil }
            await task.value
            let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "\(error)"
            throw SimulatorError.cannotListen(host: configuration.host, port: configuration.port, reason: reason)
        }
    }

    /// How long a stop waits for answers in progress before it cancels them.
    static let shutdownGrace = Duration.seconds(2)

    /// Stops serving: closes the port and every connection once its answer in progress is sent (or after
    /// ``shutdownGrace``, cancelling it), and returns when all are closed. Does nothing when not running.
    public func stop() async {
        guard let server else { return }
        self.server = nil
        await server.group.triggerGracefulShutdown()
        await server.task.value
    }

    private static func url(scheme: String, host: String, port: Int) -> URL {
        let bracketedHost = host.contains(":") ? "[\(host)]" : host
        return URL(string: "\(scheme)://\(bracketedHost):\(port)/iaas/")!
    }

    /// HTTP/1.1, inside TLS when an identity is given.
    private static func serverBuilder(tls identity: ServerIdentity?) throws(SimulatorError) -> HTTPServerBuilder {
        guard let identity else { return .http1() }
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(Array(identity.certificateChainPEM.utf8))
        } catch {
            throw .badIdentity(reason: "the certificate is not a PEM certificate")
        }
        do {
            key = try NIOSSLPrivateKey(bytes: Array(identity.privateKeyPEM.utf8), format: .pem)
        } catch {
            throw .badIdentity(reason: "the key is not a PEM private key")
        }
        guard !chain.isEmpty else { throw .badIdentity(reason: "the certificate file holds no certificate") }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            _ = try NIOSSLContext(configuration: configuration)
            return try .tls(.http1(), tlsConfiguration: configuration)
        } catch {
            throw .badIdentity(reason: "the key does not belong to the certificate")
        }
    }
}

/// Why a simulator could not start.
public enum SimulatorError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)
    /// The certificate or key given for TLS cannot be used.
    case badIdentity(reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        case .badIdentity(let reason):
            "cannot serve TLS: \(reason)"
        }
    }
}
