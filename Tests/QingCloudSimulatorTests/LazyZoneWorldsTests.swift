import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// Each zone's world is built when a request first needs it; the worlds built so are those the simulator
/// built at start before (same seeds, images, JSON and lifecycle), whatever the order zones are asked in.
@Suite struct LazyZoneWorldsTests {
    static let zones = ["pek3a", "sh1a", "gd2a"]

    static func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration.demo(imagesPerZone: 1_500)
        configuration.zones = zones
        configuration.statusDrift = StatusDrift(perMinute: 30, seconds: 600)
        return configuration
    }

    /// The world a zone had when every zone was built at start: the first zone from the configured seed,
    /// the others from the seed mixed with their id.
    static func eagerWorld(_ zone: String, _ configuration: SimulatorConfiguration) -> ImageWorld {
        let seed = zone == configuration.zone ? configuration.seed : ZoneWorlds.seed(configuration.seed, zone: zone)
        return ImageWorld(imageCount: configuration.imageCount, seed: seed, churn: configuration.churn,
                          drift: configuration.statusDrift, epoch: fixedNow)
    }

    /// What a world serves at `time`: every image's state, and the bodies of a few pages.
    static func served(by world: ImageWorld, at time: Int64) -> (states: [String], pages: [[UInt8]]) {
        let states = world.entries.map { entry in "\(entry.image.id) \(LifecycleTests.label(world.state(of: entry, at: time)))" }
        let pages = [(0, 100), (700, 100), (1_400, 100)].map { offset, limit in
            let page = world.page(matching: DescribeImagesFilter(), at: time, offset: offset, limit: limit)
            return world.describeImagesResponse(totalCount: page.totalCount, page: page.page)
        }
        return (states, pages)
    }

    @Test func noWorldIsBuiltBeforeARequestNeedsItAndOnlyThatOneThen() {
        let worlds = ZoneWorlds(configuration: Self.configuration(), epoch: fixedNow)
        #expect(worlds.builtZones.isEmpty)
        #expect(worlds.serves("sh1a") && !worlds.serves("nowhere"))
        #expect(worlds.builtZones.isEmpty)
        _ = worlds["sh1a"]
        #expect(worlds.builtZones == ["sh1a"])
        #expect(worlds["nowhere"] == nil)
        #expect(worlds["sh1a"] === worlds["sh1a"], "a world is built once")
    }

    @Test(arguments: [["pek3a", "sh1a", "gd2a"], ["gd2a", "pek3a", "sh1a"]])
    func lazilyBuiltZonesServeWhatEagerlyBuiltOnesDid(order: [String]) throws {
        let configuration = Self.configuration()
        let worlds = ZoneWorlds(configuration: configuration, epoch: fixedNow)
        for zone in order {
            let lazy = try #require(worlds[zone])
            let eager = Self.eagerWorld(zone, configuration)
            for time: Int64 in [0, 45, 600, 7_200, 86_400] {
                let (lazyStates, lazyPages) = Self.served(by: lazy, at: time)
                let (eagerStates, eagerPages) = Self.served(by: eager, at: time)
                #expect(lazyStates == eagerStates, "\(zone) at \(time)")
                #expect(lazyPages == eagerPages, "\(zone) at \(time)")
            }
        }
    }

    @Test func zonesAskedForAtOnceAreEachBuiltOnceAndTheSame() async throws {
        let configuration = Self.configuration()
        let worlds = ZoneWorlds(configuration: configuration, epoch: fixedNow)
        let built = await withTaskGroup(of: (String, ObjectIdentifier).self) { group in
            for zone in Self.zones + Self.zones {
                group.addTask { (zone, ObjectIdentifier(worlds[zone]!)) }
            }
            return await group.reduce(into: [String: Set<ObjectIdentifier>]()) { $0[$1.0, default: []].insert($1.1) }
        }
        #expect(built.mapValues(\.count) == ["pek3a": 1, "sh1a": 1, "gd2a": 1])
        for zone in Self.zones {
            let lazy = try #require(worlds[zone])
            #expect(Self.served(by: lazy, at: 600).pages == Self.served(by: Self.eagerWorld(zone, configuration), at: 600).pages)
        }
    }
}
