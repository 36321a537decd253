import Foundation
import Synchronization
import Testing
@testable import QingCloud

@Suite("Fetching several zones")
struct ZonePagerTests {
    static func images(_ prefix: String, _ count: Int) -> [Image] {
        (0..<count).map { index in
            Image(id: "img-\(prefix)\(index)", name: "\(prefix) \(index)", description: nil, sizeGB: 20,
                  processorType: .bits64, platform: .linux, osFamily: "ubuntu", visibility: .public,
                  provider: .system, owner: "system", recommendedType: "", status: .available,
                  transitionStatus: nil, createTime: nil, statusTime: nil, tags: [])
        }
    }

    @Test func eachZoneKeepsItsImagesInTheServersOrderAndZonesTheOrderGiven() async {
        // The same system image id in two zones stays two images, one per zone.
        let shared = Self.images("system", 3)
        let service = FakeImageService(catalogues: [
            "pek3a": shared + Self.images("p", 250), "sh1a": shared + Self.images("s", 120), "gd2": Self.images("g", 5),
        ])
        let results = await ZonePager(service: service).fetchAll(zones: ["sh1a", "gd2", "pek3a"], matching: ImageQuery())
        #expect(results.map(\.zone) == ["sh1a", "gd2", "pek3a"])
        #expect(results[0].page?.images.map(\.id) == (shared + Self.images("s", 120)).map(\.id))
        #expect(results[1].page?.images.map(\.id) == Self.images("g", 5).map(\.id))
        #expect(results[2].page?.images.map(\.id) == (shared + Self.images("p", 250)).map(\.id))
        #expect(results[2].page?.totalCount == 253)
    }

    @Test func aFailingZoneNeverHidesTheOthers() async {
        let refused = QingCloudError.api(APIError(code: 1400, message: "PermissionDenied"), hint: nil)
        let service = FakeImageService(catalogues: ["pek3a": Self.images("p", 150), "gd2": Self.images("g", 40)],
                                       failing: ["sh1a": refused])
        let results = await ZonePager(service: service).fetchAll(zones: ["pek3a", "sh1a", "gd2"], matching: ImageQuery())
        #expect(results.map(\.zone) == ["pek3a", "sh1a", "gd2"])
        #expect(results[0].page?.images.count == 150)
        #expect(results[1].error == refused && results[1].page == nil)
        #expect(results[2].page?.images.count == 40)
    }

    @Test func theBoundOnRequestsInFlightIsForAllZonesTogether() async {
        let catalogues = Dictionary(uniqueKeysWithValues: ["a1", "b1", "c1", "d1"].map { ($0, Self.images($0, 2_000)) })
        let service = FakeImageService(catalogues: catalogues)
        let results = await ZonePager(service: service, concurrency: 3)
            .fetchAll(zones: ["a1", "b1", "c1", "d1"], matching: ImageQuery())
        #expect(results.allSatisfy { $0.page?.images.count == 2_000 })
        #expect(service.maximumInFlight <= 3)
        #expect(service.maximumInFlight >= 2)
    }

    @Test func onePagePerZone() async {
        let service = FakeImageService(catalogues: ["pek3a": Self.images("p", 50), "sh1a": Self.images("s", 50)])
        let results = await ZonePager(service: service).fetchPage(zones: ["pek3a", "sh1a"], matching: ImageQuery(offset: 10, limit: 5))
        let ids: [[String]] = results.map { $0.page?.images.map(\.id) ?? [] }
        let expected: [[String]] = ["p", "s"].map { prefix in (10..<15).map { "img-\(prefix)\($0)" } }
        #expect(ids == expected)
        #expect(service.requests == 2)
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let limit = ConcurrencyLimit(1)
        let (gate, open) = AsyncStream<Void>.makeStream()
        let holder = Task { try await limit.run { for await _ in gate { break } } }
        while await limit.inUse == 0 { await Task.yield() }
        let waiter = Task { try await limit.run { 42 } }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        open.yield()
        try await holder.value
        #expect(try await limit.run { 7 } == 7)
        #expect(await limit.inUse == 0)
    }
}
