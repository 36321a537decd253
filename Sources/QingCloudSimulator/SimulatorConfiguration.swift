import Foundation

/// Everything that shapes a simulator: where it listens, what it holds, whom it lets in, how it misbehaves.
///
/// The defaults give the demo: 2,500 images, seed 1, the fixed demo credentials, zone `pek3a`, a port
/// picked by the system. The same seed always gives the same catalogue and, with `churn`, the same
/// lifecycle over virtual time.
public struct SimulatorConfiguration: Sendable {
    /// The address to listen on; loopback by default.
    public var host: String = "127.0.0.1"
    /// The port to listen on; 0 lets the system pick a free one (`Simulator.start()` returns it).
    public var port: Int = 0
    /// How many images the catalogue holds at the start.
    public var imageCount: Int = 2_500
    /// The seed of the catalogue and of its lifecycle.
    public var seed: UInt64 = 1
    /// Whether images move through their lifecycle as (virtual) time passes.
    public var churn: Bool = false
    /// How much faster than `clock` virtual time runs: 60 turns a minute into an hour.
    public var speed: Double = 1
    /// The only access key id the simulator accepts.
    public var accessKeyID: String = SimulatorConfiguration.demoAccessKeyID
    /// The secret that signs requests for `accessKeyID`. Never logged nor sent back.
    public var secretAccessKey: String = SimulatorConfiguration.demoSecretAccessKey
    /// The zone served. DescribeImages for any other zone is refused with 1100, naming the zone served.
    public var zone: String = "pek3a"
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
}
