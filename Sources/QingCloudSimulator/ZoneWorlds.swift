import Foundation
import Synchronization

/// The zones a simulator serves, each with its own ``ImageWorld`` (catalogue and lifecycle).
///
/// The first zone's world is built from the configured seed, so a one-zone simulator serves the same
/// catalogue whatever the zone is called; every other zone's seed mixes in its id, so a zone's catalogue
/// does not depend on which zones are served beside it.
struct ZoneWorlds: Sendable {
    /// The zones in the order DescribeZones lists them.
    let ids: [String]
    let failing: Set<String>
    private let worlds: [String: ImageWorld]

    init(configuration: SimulatorConfiguration, epoch: Date) {
        var unique: [String] = []
        for id in configuration.zones where !unique.contains(id) { unique.append(id) }
        let ids = unique
        self.ids = ids
        failing = configuration.failingZones
        let seeds = ids.enumerated().map { index, id in index == 0 ? configuration.seed : Self.seed(configuration.seed, zone: id) }
        // Each zone's world takes a while to build for a large catalogue: build them side by side.
        let built = Mutex<[String: ImageWorld]>([:])
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            let world = ImageWorld(imageCount: configuration.imageCount, seed: seeds[index],
                                   churn: configuration.churn, drift: configuration.statusDrift, epoch: epoch)
            built.withLock { $0[ids[index]] = world }
        }
        worlds = built.withLock { $0 }
    }

    /// The world of a zone served; nil for any other zone.
    subscript(zone: String) -> ImageWorld? { worlds[zone] }

    /// How DescribeZones describes a zone served.
    func status(of zone: String) -> String { failing.contains(zone) ? "faulty" : "active" }

    /// The seed of a zone other than the first: the configured seed mixed with the zone id (FNV-1a).
    private static func seed(_ seed: UInt64, zone: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in zone.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return seed ^ hash
    }
}
