import ArgumentParser
import Foundation
import Logging
import QingCloud
import QingCloudSimulator

/// The options every command that talks to the API shares: where, as whom, or the built-in demo.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("access-key-id"), help: "The access key id (the secret comes only from the config file or QINGCLOUD_SECRET_KEY).")
    var accessKeyID: String?

    @Option(name: [.customShort("z"), .long], help: "The zone, e.g. pek3a.")
    var zone: String?

    @Option(help: ArgumentHelp("The API endpoint URL, e.g. https://api.qingcloud.com:443/iaas", valueName: "url"))
    var endpoint: String?

    @Option(name: [.customShort("f"), .customLong("config")], help: ArgumentHelp("The config file.", valueName: "path"))
    var configPath: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("A PEM file of CA certificates to trust for HTTPS besides the system's (as is SSL_CERT_FILE).", valueName: "path"))
    var caFile: String?

    @Flag(help: "Use a built-in simulated QingCloud with changing demo images; needs no account.")
    var demo = false

    @Option(help: ArgumentHelp("Seconds one request may take before it is retried or fails.", valueName: "seconds"))
    var timeout: Double = 20

    func validate() throws {
        guard timeout > 0, timeout <= 600 else {
            throw ValidationError("--timeout must be more than 0 and at most 600 seconds")
        }
        if let zone, let problem = ConfigurationSources.zoneProblem(zone) {
            throw ValidationError("--zone: \(problem)")
        }
        if demo, accessKeyID != nil || endpoint != nil || configPath != nil || caFile != nil {
            throw ValidationError("--demo uses its own endpoint and credentials: drop --access-key-id, --endpoint, --config and --ca-file")
        }
    }

    /// Connects to the configured endpoint, or starts the demo simulator first.
    func connect(logger: Logger, demoImages: Int = 10_000) async throws -> Connection {
        if demo {
            var configuration = SimulatorConfiguration()
            configuration.imageCount = demoImages
            configuration.churn = true
            configuration.seed = 2026
            let simulator = Simulator(configuration: configuration, logger: logger)
            let url = try await simulator.start()
            let endpoint = try Endpoint(url: url.absoluteString)
            let client = QingCloudClient(
                configuration: ClientConfiguration(
                    endpoint: endpoint, accessKeyID: configuration.accessKeyID,
                    secretAccessKey: configuration.secretAccessKey, zone: zone ?? configuration.zone,
                    requestTimeout: .seconds(timeout)),
                logger: logger)
            return Connection(client: client, simulator: simulator, isDemo: true)
        }
        let sources = ConfigurationSources(
            accessKeyID: accessKeyID, zone: zone, endpoint: endpoint, configPath: configPath, caFile: caFile)
        let resolved: ResolvedConfiguration
        do {
            resolved = try sources.resolve()
        } catch {
            throw Failure(error.description)
        }
        for warning in resolved.warnings {
            StandardError.write("qcimages: " + warning)
        }
        var configuration = resolved.configuration
        configuration.requestTimeout = .seconds(timeout)
        return Connection(client: QingCloudClient(configuration: configuration, logger: logger), simulator: nil, isDemo: false)
    }
}

/// A client and, under `--demo`, the simulator it talks to; both stopped by ``close()``.
struct Connection: Sendable {
    let client: QingCloudClient
    let simulator: Simulator?
    let isDemo: Bool

    func close() async {
        await client.shutdown()
        await simulator?.stop()
    }
}
