import ArgumentParser
import Dispatch
import Foundation
import Logging
import QingCloud
import QingCloudSimulator

/// `qcimages simulate`: a local QingCloud endpoint for demos, tests, benchmarks and the official SDK.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Serve a simulated QingCloud API on loopback until interrupted.",
        discussion: """
            Examples:
              $ qcimages simulate --port 0 --images 10000 --churn --speed 60
              $ qcimages simulate --tls --busy-every 5
              $ qcimages simulate --zones pek3a,sh1a --failing-zone sh1a

            The first line printed is the endpoint URL, then the credentials it accepts. Point qcimages at it \
            with QINGCLOUD_ENDPOINT=<url> QINGCLOUD_ACCESS_KEY=<id> QINGCLOUD_SECRET_KEY=<secret> \
            QINGCLOUD_ZONE=<zone>. Each zone of --zones has its own catalogue of --images images and its own \
            lifecycle; DescribeZones lists them. A zone of --failing-zone answers every DescribeImages with \
            ret_code 5000 and is listed as faulty.
            """
    )

    @Option(help: "The loopback address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one.")
    var port = 0

    @Option(help: "How many images each zone's catalogue holds.")
    var images = 2_500

    @Option(help: "The seed of the catalogue (the same seed gives the same images).")
    var seed: UInt64 = 1

    @Flag(help: "Move images through their lifecycle over time.")
    var churn = false

    @Option(name: .customLong("drift-per-minute"), help: ArgumentHelp(
        "Change this many images' status a (virtual) minute with no transition (0: none).", valueName: "n"))
    var driftPerMinute = 0

    @Option(name: .customLong("drift-for"), help: ArgumentHelp(
        "How many (virtual) seconds the drift lasts before the statuses stand still.", valueName: "seconds"))
    var driftSeconds = 600

    @Option(help: "How many times faster than real time the lifecycle runs.")
    var speed: Double = 1

    @Option(name: [.customLong("zones"), .customLong("zone")],
            help: ArgumentHelp("The zones it serves, comma separated.", valueName: "zones"))
    var zones = SimulatorConfiguration().zones.joined(separator: ",")

    @Option(name: .customLong("failing-zone"), help: ArgumentHelp(
        "A zone served whose DescribeImages requests all fail (repeat for several).", valueName: "zone"))
    var failingZones: [String] = []

    @Option(name: .customLong("deny"), help: ArgumentHelp(
        "An action the key may not call, refused with 1400 permission denied (repeat for several), e.g. DescribeInstances.",
        valueName: "action"))
    var deniedActions: [String] = []

    @Option(name: .customLong("access-key-id"), help: "The access key id it accepts.")
    var accessKeyID = SimulatorConfiguration.demoAccessKeyID

    @Option(name: .customLong("secret-access-key"), help: "The secret it accepts (a test credential).")
    var secretAccessKey = SimulatorConfiguration.demoSecretAccessKey

    @Option(name: .customLong("latency-ms"), help: "Added latency before every answer, in milliseconds.")
    var latencyMilliseconds = 0

    @Option(name: .fault(.busy), help: .fault(.busy)) var busyEvery: Int?
    @Option(name: .fault(.internalError), help: .fault(.internalError)) var internalErrorEvery: Int?
    @Option(name: .fault(.updating), help: .fault(.updating)) var updatingEvery: Int?
    @Option(name: .fault(.malformedJSON), help: .fault(.malformedJSON)) var malformedEvery: Int?
    @Option(name: .fault(.truncatedJSON), help: .fault(.truncatedJSON)) var truncatedEvery: Int?
    @Option(name: .fault(.http500), help: .fault(.http500)) var http500Every: Int?
    @Option(name: .fault(.http503), help: .fault(.http503)) var http503Every: Int?
    @Option(name: .fault(.dropConnection), help: .fault(.dropConnection)) var dropEvery: Int?

    /// The fault options given, by kind (ArgumentParser wants a property for each).
    private var faultPeriods: [FaultPlan.Kind: Int] {
        let given: [FaultPlan.Kind: Int?] = [
            .busy: busyEvery, .internalError: internalErrorEvery, .updating: updatingEvery,
            .malformedJSON: malformedEvery, .truncatedJSON: truncatedEvery, .http500: http500Every,
            .http503: http503Every, .dropConnection: dropEvery,
        ]
        return given.compactMapValues { $0 }
    }

    @Flag(help: "Serve HTTPS with a certificate for localhost and 127.0.0.1 from a throwaway CA made at start; the CA's file is printed after the URL.")
    var tls = false

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve HTTPS with this PEM certificate chain (with --tls-key).", valueName: "path"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "path"))
    var tlsKey: String?

    @Option(name: .customLong("tls-ca-out"), help: ArgumentHelp("Where --tls writes the CA certificate (default: a new folder under $TMPDIR); removed at exit.", valueName: "path"))
    var tlsCAOut: String?

    @Option(name: .customLong("tls-flaw"), help: "With --tls, serve a faulty certificate to see what clients say: expired, not-yet-valid or wrong-host.")
    var tlsFlaw: CertificateFlaw?

    /// The zones of `--zones`, checked.
    private var zoneIDs: [String] {
        get throws {
            do {
                guard let ids = try ZoneSelection(parsing: zones).ids else {
                    throw ValidationError("--zones lists the zones to serve; all is for clients")
                }
                return ids
            } catch let error as ZoneSelectionError {
                throw ValidationError("--zones: \(error)")
            }
        }
    }

    func validate() throws {
        let served = try zoneIDs
        for zone in failingZones where !served.contains(zone.lowercased()) {
            throw ValidationError("--failing-zone \(zone) is not one of --zones \(served.joined(separator: ","))")
        }
        for action in deniedActions where !SimulatorConfiguration.servedActions.contains(action) {
            throw ValidationError("--deny \(action) is not one of \(SimulatorConfiguration.servedActions.joined(separator: ", "))")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (0...1_000_000).contains(images) else { throw ValidationError("--images must be from 0 to 1000000") }
        guard (0...100_000).contains(driftPerMinute) else { throw ValidationError("--drift-per-minute must be from 0 to 100000") }
        guard (0...86_400).contains(driftSeconds) else { throw ValidationError("--drift-for must be from 0 to 86400 seconds") }
        guard speed > 0, speed.isFinite else { throw ValidationError("--speed must be a positive number") }
        guard latencyMilliseconds >= 0 else { throw ValidationError("--latency-ms must be 0 or more") }
        for kind in FaultPlan.Kind.allCases {
            if let period = faultPeriods[kind], period < 1 { throw ValidationError("--\(kind.option.name) must be 1 or more") }
        }
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        if tls, tlsCertificate != nil {
            throw ValidationError("--tls makes its own certificate: drop it or --tls-cert/--tls-key")
        }
        if !tls, tlsFlaw != nil || tlsCAOut != nil {
            throw ValidationError("--tls-flaw and --tls-ca-out need --tls")
        }
    }

    var simulatorConfiguration: SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.imageCount = images
        configuration.seed = seed
        configuration.churn = churn
        if driftPerMinute > 0 { configuration.statusDrift = StatusDrift(perMinute: driftPerMinute, seconds: driftSeconds) }
        configuration.speed = speed
        configuration.zones = (try? zoneIDs) ?? configuration.zones
        configuration.failingZones = Set(failingZones.map { $0.lowercased() })
        configuration.deniedActions = Set(deniedActions)
        configuration.accessKeyID = accessKeyID
        configuration.secretAccessKey = secretAccessKey
        configuration.faults = FaultPlan(latency: .milliseconds(latencyMilliseconds), every: faultPeriods)
        return configuration
    }

    func run() async throws {
        try await reportingFailures {
            var configuration = simulatorConfiguration
            let directories = UserDirectories()
            var authority: SimulatorAuthorityFile?
            if tls {
                let made = try SimulatorAuthorityFile.make(at: tlsCAOut.map(directories.expandingTilde), flaw: tlsFlaw)
                configuration.tls = made.identity
                authority = made
            } else if let tlsCertificate, let tlsKey {
                do {
                    configuration.tls = try ServerIdentity(certificateFile: directories.expandingTilde(tlsCertificate),
                                                           keyFile: directories.expandingTilde(tlsKey))
                } catch {
                    throw Failure("\(error)")
                }
            }
            defer { authority?.remove() }
            let logger = Logger(label: "qcimages.simulate") { _ in SwiftLogNoOpLogHandler() }
            let simulator = Simulator(configuration: configuration, logger: logger)
            let url: URL
            do {
                url = try await simulator.start()
            } catch let error as SimulatorError {
                throw Failure(error.description)
            } catch {
                throw Failure("\(error); --host takes an address of this machine, such as 127.0.0.1")
            }
            let banner = """
                \(url.absoluteString)
                \(authority.map { "ca_file: \($0.path)\n" } ?? "")access_key_id: \(configuration.accessKeyID)
                secret_access_key: \(configuration.secretAccessKey)
                zone: \(configuration.zone)
                zones: \(configuration.zones.map { $0 + (configuration.failingZones.contains($0) ? " (failing)" : "") }.joined(separator: ", "))
                images: \(configuration.imageCount) per zone (seed \(configuration.seed)\(churn ? ", churn at \(speed)x" : "")\(driftPerMinute > 0 ? ", \(driftPerMinute) status changes a minute for \(driftSeconds) s" : ""))
                \(deniedActions.isEmpty ? "" : "denied: \(deniedActions.joined(separator: ", "))\n")
                """
            StandardOutput.write(banner)
            await TerminationSignals.wait()
            await simulator.stop()
        }
    }
}

extension NameSpecification {
    /// The option of a kind of fault.
    static func fault(_ kind: FaultPlan.Kind) -> NameSpecification { .customLong(kind.option.name) }
}

extension ArgumentHelp {
    /// The help of a kind of fault's option.
    static func fault(_ kind: FaultPlan.Kind) -> ArgumentHelp { ArgumentHelp(kind.option.help) }
}

/// Waiting for SIGINT or SIGTERM, so that a command can stop cleanly instead of dying mid-write.
enum TerminationSignals {
    /// Returns when one of `signals` arrives (or the task is cancelled); they are ignored from then on.
    static func wait(for signals: [Int32] = [SIGINT, SIGTERM]) async {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        let sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        var iterator = stream.makeAsyncIterator()
        _ = await iterator.next()
        sources.forEach { $0.cancel() }
    }
}
