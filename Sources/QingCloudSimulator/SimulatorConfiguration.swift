import Foundation

/// Everything that shapes a simulator: where it listens, what it holds, whom it lets in, how it misbehaves.
///
/// The defaults: 2,500 images, seed 1, the fixed demo credentials, zone `pek3a`, a port picked by the
/// system (``demo(imagesPerZone:)`` is the built-in demo). The same seed always gives the same catalogue
/// and, with `churn`, the same lifecycle over virtual time.
public struct SimulatorConfiguration: Sendable {
    /// The address to listen on; loopback by default.
    public var host: String = "127.0.0.1"
    /// The port to listen on; 0 lets the system pick a free one (`Simulator.start()` returns it).
    public var port: Int = 0
    /// How many images each zone's catalogue holds at the start.
    public var imageCount: Int = 2_500
    /// The seed of the catalogue and of its lifecycle.
    public var seed: UInt64 = 1
    /// Whether images move through their lifecycle as (virtual) time passes.
    public var churn: Bool = false
    /// Statuses changing with no transition at a set rate (see ``StatusDrift``); nil for none.
    public var statusDrift: StatusDrift?
    /// How much faster than `clock` virtual time runs: 60 turns a minute into an hour.
    public var speed: Double = 1
    /// The only access key id the simulator accepts.
    public var accessKeyID: String = SimulatorConfiguration.demoAccessKeyID
    /// The secret that signs requests for `accessKeyID`. Never logged nor sent back.
    public var secretAccessKey: String = SimulatorConfiguration.demoSecretAccessKey
    /// The zones served, in the order DescribeZones lists them; each has its own catalogue and lifecycle.
    /// DescribeImages for any other zone is refused with 1100, naming the zones served.
    public var zones: [String] = ["pek3a"]
    /// Zones whose DescribeImages requests all fail (ret_code 5000) and that DescribeZones lists as faulty,
    /// so that a client can be tested with one zone down and the others up.
    public var failingZones: Set<String> = []
    /// Actions the access key may not call (`DescribeInstances`, say): each is refused with 1400
    /// (permission denied), as QingCloud refuses a sub-account key without that permission.
    public var deniedActions: Set<String> = []
    /// The actions the simulator serves.
    public static let servedActions = ["DescribeImages", "DescribeZones", "DescribeInstances"]
    /// How far `time_stamp` may be from the simulator's clock before a request is refused with 1300.
    public var timestampWindow: Duration = .seconds(900)
    /// The certificate and key to serve HTTPS with; nil serves plain HTTP.
    public var tls: ServerIdentity?
    /// Latency and errors to inject.
    public var faults: FaultPlan = .none
    /// The simulator's wall clock: the catalogue is dated from it, `time_stamp` and `expires` are checked
    /// against it, and virtual time is `speed` times its progress. Tests inject a clock they step.
    public var clock: @Sendable () -> Date = { Date() }

    /// The demo access key id, accepted by default.
    public static let demoAccessKeyID = "QYDEMOACCESSKEY0001"
    /// The demo secret, accepted by default.
    public static let demoSecretAccessKey = "demo-secret-access-key"

    public init() {}

    /// The first zone served: the one a client of a one-zone simulator asks for.
    public var zone: String { zones.first ?? "pek3a" }

    /// The zones of the built-in demo.
    public static let demoZones = ["pek3a", "sh1a", "gd2a"]

    /// The built-in demo, the same for the browser and `list`: three zones of `imagesPerZone` images each,
    /// seed 2026, changing status as time passes.
    public static func demo(imagesPerZone: Int) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.imageCount = imagesPerZone
        configuration.zones = demoZones
        configuration.churn = true
        configuration.seed = 2026
        return configuration
    }
}
