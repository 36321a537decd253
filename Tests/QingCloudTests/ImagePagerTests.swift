import Foundation
import Synchronization
import Testing
@testable import QingCloud

/// The pager's ordering, joining and completeness rules, against an in-memory catalogue that can shift
/// and lie about its total (real HTTP is covered in ClientAgainstSimulatorTests).
@Suite("ImagePager")
struct ImagePagerTests {
    @Test("pages arrive in any order and are handed on in the server's order, each image once", arguments: [1, 3, 8])
    func handsOnInOrder(concurrency: Int) async throws {
        let service = FakeImageService(count: 1_234, shuffleDelays: true)
        var runs: [[String]] = []
        let completion = try await ImagePager(service: service, concurrency: concurrency).forEachPage(matching: ImageQuery()) { images, _ in
            runs.append(images.map(\.id))
        }
        #expect(runs.flatMap { $0 } == service.ids)
        #expect(completion == ImagePager.Completion(totalCount: 1_234, loaded: 1_234, missing: nil))
        #expect(runs.count > 5, "handed on page by page, not all at the end")
    }

    @Test("an image removed between two requests leaves no gap: the seam is read again")
    func seamRepair() async throws {
        let service = FakeImageService(count: 500, shuffleDelays: false)
        service.removeAfterRequests(2, at: 10)
        let page = try await ImagePager(service: service, concurrency: 1).fetchAll(matching: ImageQuery())
        #expect(Set(page.images.map(\.id)).isSuperset(of: service.ids))
        #expect(page.images.count == Set(page.images.map(\.id)).count)
    }

    @Test("a total of 250 with images only below 200: asked again, then reported as 50 missing")
    func incompletePaging() async throws {
        let service = FakeImageService(count: 200, shuffleDelays: false)
        service.claimedTotal = 250
        let completion = try await ImagePager(service: service).forEachPage(matching: ImageQuery()) { _, _ in }
        #expect(completion == ImagePager.Completion(totalCount: 250, loaded: 200, missing: 50))
        #expect(service.offsetsAsked.filter { $0 == 184 }.count == 2, "the short page was asked again: \(service.offsetsAsked)")
    }

    @Test("an empty page in the middle is asked again, then the right count is missing (not the last page's)")
    func emptyMiddlePage() async throws {
        let service = FakeImageService(count: 500, shuffleDelays: true)
        service.emptyOffsets = [276]
        var handedOn = 0
        let completion = try await ImagePager(service: service).forEachPage(matching: ImageQuery()) { images, _ in
            handedOn += images.count
        }
        #expect(service.offsetsAsked.filter { $0 == 276 }.count == 2)
        #expect(completion == ImagePager.Completion(totalCount: 500, loaded: 416, missing: 84))
        #expect(handedOn == 416)
    }

    @Test("a lying total stops the read after a few requests and says so", arguments: [1_000_000_000_000, 10_000_000])
    func lyingTotal(total: Int) async throws {
        let service = FakeImageService(count: 500, shuffleDelays: true)
        service.claimedTotal = total
        let completion = try await ImagePager(service: service).forEachPage(matching: ImageQuery()) { _, _ in }
        #expect(service.offsetsAsked.count < 40, "\(service.offsetsAsked.count) requests")
        #expect(completion == ImagePager.Completion(totalCount: total, loaded: 500, missing: total - 500,
                                                    stoppedAtLyingTotal: true))
    }

    @Test("a short last page that meets its total is complete")
    func shortLastPageIsComplete() async throws {
        let service = FakeImageService(count: 250, shuffleDelays: false)
        let completion = try await ImagePager(service: service).forEachPage(matching: ImageQuery()) { _, _ in }
        #expect(completion.missing == nil)
        #expect(!service.offsetsAsked.contains(250))
    }

    @Test("requests in flight grow with the round trip", arguments: [
        (Duration.milliseconds(1), 2), (.milliseconds(5), 4), (.milliseconds(25), 8),
    ])
    func inFlight(roundTrip: Duration, expected: Int) {
        #expect(ImagePager.inFlight(forRoundTrip: roundTrip) == expected)
    }
}
