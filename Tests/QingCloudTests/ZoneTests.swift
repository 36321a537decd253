import Foundation
import Testing
@testable import QingCloud

@Suite("Zones: DescribeZones answers and zone lists")
struct ZoneTests {
    @Test func describeZonesAnswerDecodesInTheAPIsOrder() throws {
        let body = """
            {"action":"DescribeZonesResponse","total_count":4,"zone_set":[
              {"status":"active","zone_id":"pek3a"},{"status":"faulty","zone_id":"sh1a"},
              {"status":"active","zone_id":"gd2"},{"zone_id":"ap1","status":"closing","extra":1}],"ret_code":0}
            """
        let zones = try ZoneSetDecoder.zones(from: Array(body.utf8))
        #expect(zones == [
            Zone(id: "pek3a", status: .active), Zone(id: "sh1a", status: .faulty),
            Zone(id: "gd2", status: .active), Zone(id: "ap1", status: .other("closing")),
        ])
    }

    @Test func describeZonesWithoutAZoneSetIsMalformed() {
        #expect(throws: QingCloudError.self) { try ZoneSetDecoder.zones(from: Array(#"{"ret_code":0}"#.utf8)) }
        #expect(throws: QingCloudError.self) {
            try ZoneSetDecoder.zones(from: Array(#"{"ret_code":0,"zone_set":[{"status":"active"}]}"#.utf8))
        }
    }

    @Test func zoneListsParse() throws {
        #expect(try ZoneSelection(parsing: "all") == .all)
        #expect(try ZoneSelection(parsing: " ALL ") == .all)
        #expect(try ZoneSelection(parsing: "pek3a") == .zones(["pek3a"]))
        #expect(try ZoneSelection(parsing: "pek3a, SH1A,gd2,pek3a") == .zones(["pek3a", "sh1a", "gd2"]))
        #expect(try ZoneSelection(list: ["ap2a", "pek3"]) == .zones(["ap2a", "pek3"]))
        #expect(try ZoneSelection(list: ["all"]) == .all)
        #expect(throws: ZoneSelectionError.empty) { try ZoneSelection(parsing: "pek3a,,sh1a") }
        #expect(throws: ZoneSelectionError.empty) { try ZoneSelection(parsing: "") }
        #expect(throws: ZoneSelectionError.badID("pek3a sh1a")) { try ZoneSelection(parsing: "pek3a sh1a") }
        #expect(throws: ZoneSelectionError.allInList) { try ZoneSelection(parsing: "pek3a,all") }
    }

    @Test func allMeansEveryActiveZoneInTheAPIsOrder() async throws {
        let listed = [Zone(id: "sh1a", status: .active), Zone(id: "pek2", status: .defunct),
                      Zone(id: "gd2", status: .faulty), Zone(id: "pek3a", status: .active)]
        #expect(try await ZoneSelection.all.resolve { listed } == ["sh1a", "pek3a"])
        #expect(try await ZoneSelection.zones(["gd2", "ap2a"]).resolve { listed } == ["gd2", "ap2a"])
        #expect(ZoneSelection.all.isMultiple && !ZoneSelection.zones(["gd2"]).isMultiple)
    }

    @Test func allNamesTheFaultyZonesItSkips() async throws {
        let listed = [Zone(id: "sh1a", status: .active), Zone(id: "gd2", status: .faulty),
                      Zone(id: "pek3a", status: .active), Zone(id: "gd2", status: .faulty)]
        let resolved = try await ZoneSelection.all.resolveNamingFaulty { listed }
        #expect(resolved.zones == ["sh1a", "pek3a"] && resolved.faulty == ["gd2"])
        #expect(try await ZoneSelection.zones(["gd2"]).resolveNamingFaulty { listed }.faulty.isEmpty, "named zones are asked as given")
    }

    @Test func describeZonesWithNoZoneConfiguredSendsNoZone() throws {
        let client = QingCloudClient(configuration: ClientConfiguration(
            endpoint: .publicCloud, accessKeyID: "QYACCESSKEYIDEXAMPLE", secretAccessKey: "SECRETACCESSKEY", zone: ""))
        defer { Task { await client.shutdown() } }
        let names = client.signedParameters(action: "DescribeZones", zone: nil, parameters: [], method: .get).map(\.name)
        #expect(!names.contains("zone") && names.contains("signature"))
        let withZone = client.signedParameters(action: "DescribeImages", zone: "gd2", parameters: [], method: .get)
        #expect(withZone.contains { $0.name == "zone" && $0.value == "gd2" })
    }
}
