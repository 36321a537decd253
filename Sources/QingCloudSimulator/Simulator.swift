import Foundation
import Hummingbird
import Logging
import NIOCore

/// A local, faithful QingCloud API endpoint serving DescribeImages over a deterministic catalogue.
///
/// It exists so that the demo, the tests and the benchmarks run without an account: it checks requests
/// as the real service does, lets its images live through their lifecycle with `churn`, and misbehaves
/// on demand (`FaultPlan`). Create it, `start()` it for its URL, `stop()` it when done.
public actor Simulator {
    public nonisolated let configuration: SimulatorConfiguration
    let api: SimulatedAPI
    private let logger: Logger
    private var server: Task<Void, Never>?
    private var endpoint: URL?

    /// Builds the catalogue (and, with churn, its lifecycle); nothing listens until `start()`.
    public init(configuration: SimulatorConfiguration, logger: Logger = Simulator.quietLogger()) {
        self.configuration = configuration
        self.logger = logger
        api = SimulatedAPI(configuration: configuration, logger: logger)
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
        if let endpoint { return endpoint }
        let (boundPorts, portContinuation) = AsyncThrowingStream<Int, any Error>.makeStream()
        let faults = configuration.faults
        let application = Application(
            responder: SimulatorResponder(
                api: api,
                faults: faults.injectsErrors ? FaultInjector(plan: faults) : nil,
                latency: faults.latency
            ),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: nil
            ),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
        let logger = self.logger
        server = Task {
            do {
                try await application.run()
                portContinuation.finish()
            } catch {
                logger.error("simulator stopped: \(error)")
                portContinuation.finish(throwing: error)
            }
        }
        do {
            for try await port in boundPorts {
                let url = Self.url(host: configuration.host, port: port)
                endpoint = url
                return url
            }
        } catch {
            server = nil
            throw SimulatorError.cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        server = nil
        throw SimulatorError.cannotListen(host: configuration.host, port: configuration.port, reason: "the server stopped")
    }

    /// Stops serving and closes the port; waits until it is closed. Does nothing when not running.
    public func stop() async {
        guard let server else { return }
        self.server = nil
        endpoint = nil
        server.cancel()
        await server.value
    }

    private static func url(host: String, port: Int) -> URL {
        let bracketedHost = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(bracketedHost):\(port)/iaas/")!
    }
}

/// Why a simulator could not start.
public enum SimulatorError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
