import Foundation
import Synchronization

/// The zones a simulator serves, each with its own ``ImageWorld`` (catalogue and lifecycle).
///
/// The first zone's world is built from the configured seed, so a one-zone simulator serves the same
/// catalogue whatever the zone is called; every other zone's seed mixes in its id, so a zone's catalogue
/// does not depend on which zones are served beside it.
///
/// A world takes a while to build for a large catalogue, so each is built when a request first needs it,
/// not at start: the demo answers its first page after building one zone, and a zone nobody asks for is
/// never built. What a zone serves does not depend on when its world is built (the epoch is fixed at start).
struct ZoneWorlds: Sendable {
    /// The zones in the order DescribeZones lists them.
    let ids: [String]
    let failing: Set<String>
    private let worlds: [String: LazyWorld]

    init(configuration: SimulatorConfiguration, epoch: Date) {
        var unique: [String] = []
        for id in configuration.zones where !unique.contains(id) { unique.append(id) }
        ids = unique
        failing = configuration.failingZones
        var worlds: [String: LazyWorld] = [:]
        for (index, id) in unique.enumerated() {
            let seed = index == 0 ? configuration.seed : Self.seed(configuration.seed, zone: id)
            worlds[id] = LazyWorld {
                ImageWorld(imageCount: configuration.imageCount, seed: seed,
                           churn: configuration.churn, drift: configuration.statusDrift, epoch: epoch)
            }
        }
        self.worlds = worlds
    }

    /// Whether the simulator serves `zone`; cheap, builds nothing.
    func serves(_ zone: String) -> Bool { worlds[zone] != nil }

    /// The world of a zone served, built now if no request needed it before; nil for any other zone.
    subscript(zone: String) -> ImageWorld? { worlds[zone]?.world }

    /// The zones whose world has been built so far.
    var builtZones: Set<String> { Set(worlds.filter { $0.value.isBuilt }.keys) }

    /// How DescribeZones describes a zone served.
    func status(of zone: String) -> String { failing.contains(zone) ? "faulty" : "active" }

    /// The seed of a zone other than the first: the configured seed mixed with the zone id (FNV-1a).
    static func seed(_ seed: UInt64, zone: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in zone.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return seed ^ hash
    }
}

/// One zone's world, built once, by the first caller; callers meanwhile wait for it rather than build
/// it again. Requests for different zones build their worlds side by side.
final class LazyWorld: Sendable {
    private let build: @Sendable () -> ImageWorld
    private let built = Mutex<ImageWorld?>(nil)

    init(build: @escaping @Sendable () -> ImageWorld) {
        self.build = build
    }

    var isBuilt: Bool { built.withLock { $0 != nil } }

    var world: ImageWorld {
        built.withLock { built in
            if let built { return built }
            let world = build()
            built = world
            return world
        }
    }
}
