import ArgumentParser
import Foundation
import Logging
import QingCloud
import QingCloudSimulator

/// The options every command that talks to the API shares: where, as whom, or the built-in demo.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("access-key-id"), help: "The access key id (the secret comes only from the config file or QINGCLOUD_SECRET_KEY).")
    var accessKeyID: String?

    @Option(name: [.customShort("z"), .long], help: ArgumentHelp(
        "The zone (pek3a), several separated by commas (pek3a,sh1a), or all (every active zone).", valueName: "zones"))
    var zone: String?

    @Option(help: ArgumentHelp("The API endpoint URL, e.g. https://api.qingcloud.com:443/iaas", valueName: "url"))
    var endpoint: String?

    @Option(name: [.customShort("f"), .customLong("config")], help: ArgumentHelp("The config file.", valueName: "path"))
    var configPath: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("A PEM file of CA certificates to trust for HTTPS besides the system's (as are SSL_CERT_FILE and the directories of SSL_CERT_DIR).", valueName: "path"))
    var caFile: String?

    @Flag(help: "Use a built-in simulated QingCloud with changing demo images; needs no account.")
    var demo = false

    @Option(name: .customLong("demo-images"), help: ArgumentHelp(
        "How many images each zone of the --demo holds (it serves \(SimulatorConfiguration.demoZones.joined(separator: ", "))).",
        valueName: "count"))
    var demoImages = 10_000

    func validate() throws {
        if demo, accessKeyID != nil || endpoint != nil || configPath != nil || caFile != nil {
            throw ValidationError("--demo uses its own endpoint and credentials: drop --access-key-id, --endpoint, --config and --ca-file")
        }
        guard (1...1_000_000).contains(demoImages) else { throw ValidationError("--demo-images must be from 1 to 1000000") }
        if let zone {
            let selection: ZoneSelection
            do {
                selection = try ZoneSelection(parsing: zone)
            } catch {
                throw ValidationError("-z/--zone: \(error)")
            }
            let served = SimulatorConfiguration.demoZones
            if demo, let unknown = selection.ids?.first(where: { !served.contains($0) }) {
                throw ValidationError("the demo serves zones \(served.joined(separator: ", ")) (or all), not \(unknown)")
            }
        }
    }

    /// Connects to the configured endpoint, or starts the demo simulator first; one HTTP attempt may take
    /// `requestTimeout`.
    func connect(logger: Logger, requestTimeout: Duration) async throws -> Connection {
        if demo {
            let configuration = SimulatorConfiguration.demo(imagesPerZone: demoImages)
            let zones = try zone.map { text in try ZoneSelection(parsing: text) } ?? .zones([configuration.zone])
            let simulator = Simulator(configuration: configuration, logger: logger)
            let url = try await simulator.start()
            let endpoint = try Endpoint(url: url.absoluteString)
            let client = QingCloudClient(
                configuration: ClientConfiguration(
                    endpoint: endpoint, accessKeyID: configuration.accessKeyID,
                    secretAccessKey: configuration.secretAccessKey, zone: zones.ids?.first ?? configuration.zone,
                    requestTimeout: requestTimeout),
                logger: logger)
            return Connection(client: client, simulator: simulator, isDemo: true, zones: zones)
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
        configuration.requestTimeout = requestTimeout
        return Connection(client: QingCloudClient(configuration: configuration, logger: logger), simulator: nil, isDemo: false,
                          zones: resolved.zones)
    }
}

/// A client and, under `--demo`, the simulator it talks to; both stopped by ``close()``.
struct Connection: Sendable {
    let client: QingCloudClient
    let simulator: Simulator?
    let isDemo: Bool
    /// The zones asked for.
    let zones: ZoneSelection

    /// The zones to show: those asked for, or every active zone DescribeZones lists for `all`, with the
    /// zones it lists as faulty (skipped, to be named). One line when DescribeZones fails or lists no
    /// active zone.
    func zoneIDs() async throws -> (zones: [String], faulty: [String]) {
        do {
            let resolved = try await zones.resolveNamingFaulty { () async throws(QingCloudError) in try await client.describeZones() }
            guard !resolved.zones.isEmpty else {
                let faulty = resolved.faulty.isEmpty ? "" : " (faulty: \(resolved.faulty.joined(separator: ", ")))"
                throw Failure("DescribeZones lists no active zone\(faulty); name the zones with -z, e.g. -z pek3a")
            }
            return resolved
        } catch let error as QingCloudError {
            throw Failure("cannot list the zones (DescribeZones): \(error)")
        }
    }

    func close() async {
        await client.shutdown()
        await simulator?.stop()
    }
}
