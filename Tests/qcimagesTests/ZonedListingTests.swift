import Foundation
import QingCloud
import QingCloudSimulator
import Synchronization
import Testing
@testable import qcimages

/// `list` over several zones against the simulator over real HTTP on loopback: written zone after zone as
/// the pages arrive, the same bytes as the whole output rendered at once, with one stderr line for a zone
/// that fails or comes back incomplete.
@Suite("qcimages list, several zones streamed")
struct ZonedListingTests {
    static let zones = ["pek3a", "sh1a", "gd2a"]

    @Test("every zone in the order given, written while later pages are still being read")
    func streamsZoneAfterZone() async throws {
        try await withZones(imagesPerZone: 5_000) { client in
            let counted = WatchedService(service: client)
            var written: [String] = []
            var mostHeld = 0
            let problems = try await ZonedListing(format: .ids)
                .run(zones: ["gd2a", "pek3a", "sh1a"], matching: ImageQuery(), pager: ZonePager(service: counted)) { text in
                    mostHeld = max(mostHeld, counted.distinctImages - written.count)
                    written += text.split(separator: "\n").map(String.init)
                }
            #expect(problems.isEmpty)
            var expected: [String] = []
            for zone in ["gd2a", "pek3a", "sh1a"] {
                expected += try await ImagePager(service: client).fetchAll(matching: ImageQuery(zone: zone)).images.map(\.id)
            }
            #expect(written == expected)
            #expect(written.count > 14_000, "ceased images aside, every one of the 15,000")
            // Each zone holds at most its requests in flight, the pages ahead of a gap and one run waiting
            // to be written: a few pages, whatever the size of the listing.
            #expect(mostHeld <= 3 * 10 * ImageQuery.maximumLimit, "held \(mostHeld) images read but not yet written")
        }
    }

    @Test("csv and json streamed are the bytes of the whole output rendered at once", arguments: [ImageListFormat.csv, .json])
    func streamedEqualsRendered(format: ImageListFormat) async throws {
        try await withZones(imagesPerZone: 450) { client in
            var streamed = ""
            let problems = try await ZonedListing(format: format)
                .run(zones: Self.zones, matching: ImageQuery(), pager: ZonePager(service: client)) { streamed += $0 }
            #expect(problems.isEmpty)
            let whole = await ZonePager(service: client).fetchAll(zones: Self.zones, matching: ImageQuery())
            let rendered = ImageListOutput.render(zones: whole.compactMap { zone in zone.page.map { (zone.zone, $0) } }, as: format)
            #expect(streamed == rendered)
            #expect(streamed.split(separator: "\n").count > 1_200)
        }
    }

    @Test("a zone whose pages hold fewer images than its total: the others whole, one line naming it")
    func oneZoneIncomplete() async throws {
        try await withZones(imagesPerZone: 300) { client in
            let lying = WatchedService(service: client, overstating: (zone: "sh1a", extra: 50))
            var written: [String] = []
            let problems = try await ZonedListing(format: .ids)
                .run(zones: Self.zones, matching: ImageQuery(), pager: ZonePager(service: lying)) { text in
                    written += text.split(separator: "\n").map(String.init)
                }
            var expected: [String] = []
            var sh1aTotal = 0
            for zone in Self.zones {
                let page = try await ImagePager(service: client).fetchAll(matching: ImageQuery(zone: zone))
                expected += page.images.map(\.id)
                if zone == "sh1a" { sh1aTotal = page.totalCount }
            }
            #expect(written == expected, "every image of every zone, sh1a's too")
            #expect(problems == ["zone sh1a: incomplete: the server reported \(sh1aTotal + 50) images but its pages held "
                + "\(sh1aTotal) (50 missing after asking again); the output above is partial"])
        }
    }

    @Test("a failing zone: the others written, one line naming it, and nothing at all when every zone fails")
    func failingZone() async throws {
        try await withZones(imagesPerZone: 300, failing: ["pek3a"]) { client in
            var written = ""
            let problems = try await ZonedListing(format: .csv)
                .run(zones: Self.zones, matching: ImageQuery(), pager: ZonePager(service: client)) { written += $0 }
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("zone pek3a: internal error (ret_code 5000)") == true)
            let zonesWritten = Set(written.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } })
            #expect(zonesWritten == ["sh1a", "gd2a"])

            var nothing = ""
            let all = try await ZonedListing(format: .json)
                .run(zones: ["pek3a"], matching: ImageQuery(), pager: ZonePager(service: client)) { nothing += $0 }
            #expect(all.count == 1 && nothing.isEmpty)
        }
    }

    /// Runs `body` with a client of a simulator serving ``zones``, stopping both afterwards.
    private func withZones(imagesPerZone: Int, failing: Set<String> = [],
                           _ body: (QingCloudClient) async throws -> Void) async throws {
        var configuration = SimulatorConfiguration()
        configuration.imageCount = imagesPerZone
        configuration.seed = 12
        configuration.zones = Self.zones
        configuration.failingZones = failing
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let client = try configuration.client(at: url, zone: "")
        do {
            try await body(client)
        } catch {
            Issue.record(error)
        }
        await client.shutdown()
        await simulator.stop()
    }
}

/// Passes requests on to the client and watches the answers: counts the distinct images (by zone and id)
/// answered, and can claim `extra` more images in one zone than its pages hold, as a server whose total is
/// wrong does.
private final class WatchedService: ImageService, Sendable {
    let service: any ImageService
    let overstated: (zone: String, extra: Int)?
    private let seen = Mutex(Set<String>())

    init(service: any ImageService, overstating overstated: (zone: String, extra: Int)? = nil) {
        self.service = service
        self.overstated = overstated
    }

    var distinctImages: Int { seen.withLock { $0.count } }

    func describeImages(_ query: ImageQuery) async throws -> ImagePage {
        var page = try await service.describeImages(query)
        seen.withLock { seen in
            for image in page.images { seen.insert((query.zone ?? "") + "/" + image.id) }
        }
        if let overstated, query.zone == overstated.zone { page.totalCount += overstated.extra }
        return page
    }
}
