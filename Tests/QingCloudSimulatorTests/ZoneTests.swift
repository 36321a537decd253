import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// A simulator serving several zones: one catalogue and lifecycle per zone, DescribeZones, a failing zone.
@Suite struct SimulatorZoneTests {
    func configuration(zones: [String] = ["pek3a", "sh1a", "gd2a"], failing: Set<String> = []) -> SimulatorConfiguration {
        var configuration = testConfiguration(images: 150)
        configuration.zones = zones
        configuration.failingZones = failing
        return configuration
    }

    @Test func describeZonesListsTheZonesServedInOrderWithTheirStatus() async throws {
        try await withSimulator(configuration(failing: ["sh1a"])) { api async throws in
            let reply = try await api.send(action: "DescribeZones")
            #expect(reply.retCode == 0)
            #expect(reply.json?["action"]?.stringValue == "DescribeZonesResponse")
            #expect(reply.totalCount == 3)
            let zones = reply.json?["zone_set"]?.arrayValue?.map {
                [$0["zone_id"]?.stringValue ?? "", $0["status"]?.stringValue ?? ""]
            }
            #expect(zones == [["pek3a", "active"], ["sh1a", "faulty"], ["gd2a", "active"]])

            let active = try await api.send([("status.1", "active")], action: "DescribeZones")
            #expect(active.json?["zone_set"]?.arrayValue?.compactMap { $0["zone_id"]?.stringValue } == ["pek3a", "gd2a"])
            let some = try await api.send([("zones.1", "gd2a"), ("zones.2", "nowhere")], action: "DescribeZones")
            #expect(some.totalCount == 1)
            let bad = try await api.send([("status.1", "broken")], action: "DescribeZones")
            #expect(bad.retCode == 1100 && bad.message.contains("status [broken]"))
            let noZone = try await api.send(action: "DescribeZones", omitting: ["zone"])
            #expect(noZone.retCode == 0 && noZone.totalCount == 3)
        }
    }

    @Test func eachZoneHasItsOwnCatalogueAndTheFirstIsTheOneZoneCatalogue() async throws {
        let oneZone = try await withSimulator(testConfiguration(images: 150)) { api in try await api.describeAll() }
        try await withSimulator(configuration()) { api async throws in
            var catalogues: [String: [String]] = [:]
            for zone in ["pek3a", "sh1a", "gd2a"] {
                var ids: [String] = []
                while true {
                    let reply = try await api.send([("offset", "\(ids.count)"), ("limit", "100")], overriding: ["zone": zone])
                    #expect(reply.retCode == 0, "\(zone): \(reply.message)")
                    ids += reply.imageIDs
                    if reply.imageIDs.isEmpty || ids.count >= reply.totalCount ?? 0 { break }
                }
                catalogues[zone] = ids
            }
            #expect(catalogues["pek3a"] == oneZone)
            #expect(catalogues.values.allSatisfy { (100...150).contains($0.count) }, "ceased images are not listed")
            #expect(Set(catalogues["sh1a"]!).isDisjoint(with: catalogues["gd2a"]!))
            #expect(Set(catalogues["sh1a"]!).isDisjoint(with: catalogues["pek3a"]!))
        }
    }

    @Test func aZonesCatalogueDoesNotDependOnTheZonesBesideIt() async throws {
        let alone = try await withSimulator(configuration(zones: ["pek3a", "gd2a"])) { api in
            try await api.send([("limit", "50")], overriding: ["zone": "gd2a"]).imageIDs
        }
        let withOthers = try await withSimulator(configuration(zones: ["sh1a", "ap2a", "gd2a"])) { api in
            try await api.send([("limit", "50")], overriding: ["zone": "gd2a"]).imageIDs
        }
        #expect(alone.count == 50 && alone == withOthers)
    }

    @Test func anUnknownZoneIsRefusedNamingTheZonesServed() async throws {
        try await withSimulator(configuration()) { api async throws in
            let reply = try await api.send(overriding: ["zone": "bj9z"])
            #expect(reply.retCode == 1100)
            #expect(reply.message == "InvalidParameterValue, zone [bj9z] is not served by this endpoint, which serves [pek3a, sh1a, gd2a]")
            #expect(try await api.send(action: "DescribeZones", overriding: ["zone": "bj9z"]).retCode == 1100)
        }
    }

    @Test func aFailingZoneFailsAloneAndTheOthersAnswer() async throws {
        try await withSimulator(configuration(failing: ["sh1a"])) { api async throws in
            let failing = try await api.send(overriding: ["zone": "sh1a"])
            #expect(failing.retCode == 5000 && failing.message.contains("zone [sh1a]"))
            #expect(try await api.send(overriding: ["zone": "pek3a"]).retCode == 0)
            #expect(try await api.send(overriding: ["zone": "gd2a"]).retCode == 0)
        }
    }

    @Test func eachZoneLivesItsOwnLifecycle() async throws {
        let clock = SteppedClock()
        var configuration = configuration(zones: ["pek3a", "sh1a"])
        configuration.churn = true
        configuration.clock = clock.reading
        try await withSimulator(configuration) { api async throws in
            func statuses(_ zone: String) async throws -> [String] {
                try await api.send([("limit", "100")], overriding: ["zone": zone]).imageSet.map {
                    ($0["image_id"]?.stringValue ?? "") + ($0["status"]?.stringValue ?? "") + ($0["transition_status"]?.stringValue ?? "")
                }
            }
            let before = (try await statuses("pek3a"), try await statuses("sh1a"))
            clock.advance(by: 6 * 3600)
            let after = (try await statuses("pek3a"), try await statuses("sh1a"))
            #expect(before.0 != after.0 && before.1 != after.1)
        }
    }

    @Test func theClientListsZonesAndPagesEveryZoneWithOneFailing() async throws {
        let configuration = configuration(failing: ["sh1a"])
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let client = try configuration.client(at: url, zone: "")
        do {
            try await checkZones(client)
        } catch {
            Issue.record(error)
        }
        await client.shutdown()
        await simulator.stop()
    }

    private func checkZones(_ client: QingCloudClient) async throws {
        let zones = try await client.describeZones()
        #expect(zones == [Zone(id: "pek3a", status: .active), Zone(id: "sh1a", status: .faulty), Zone(id: "gd2a", status: .active)])
        #expect(try await client.describeZones(statuses: [.faulty]).map(\.id) == ["sh1a"])
        #expect(try await ZoneSelection.all.resolve { () async throws(QingCloudError) in try await client.describeZones() }
            == ["pek3a", "gd2a"])

        let results = await ZonePager(service: client, concurrency: 3)
            .fetchAll(zones: ["gd2a", "sh1a", "pek3a"], matching: ImageQuery(statuses: [.available]))
        #expect(results.map(\.zone) == ["gd2a", "sh1a", "pek3a"])
        for zone in ["gd2a", "pek3a"] {
            let alone = try await ImagePager(service: client).fetchAll(matching: ImageQuery(statuses: [.available], zone: zone))
            let zoned = results.first { $0.zone == zone }?.page
            #expect(zoned?.images.map(\.id) == alone.images.map(\.id))
            #expect(zoned?.images.allSatisfy { $0.zone == zone && $0.key == zone + "/" + $0.id } == true)
            #expect(zoned?.images.map { image in var untagged = image; untagged.zone = nil; return untagged } == alone.images)
            #expect(!alone.images.isEmpty)
        }
        guard case .api(let error, _)? = results[1].error else {
            Issue.record("sh1a should fail with an API error: \(String(describing: results[1].result))")
            return
        }
        #expect(error.code == 5000)
    }
}
