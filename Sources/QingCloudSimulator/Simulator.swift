import Foundation
import Hummingbird
import Logging
import NIOCore
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
        let endpoint = Task {
            for try await port in boundPorts {
                return Self.url(host: host, port: port)
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
