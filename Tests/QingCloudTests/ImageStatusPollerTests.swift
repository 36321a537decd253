import QingCloud
import Synchronization
import Testing

/// How the poller finds the ids a zone does not know when the API refuses a whole request for one of
/// them: by the id its message names, by halving when it names none, by listing the zone past a few.
/// (Against the simulator's real answers: WaitAgainstSimulatorTests.)
struct ImageStatusPollerTests {
    /// A zone that knows `known`, refuses a request with an unknown id (2100, naming it or not) and
    /// counts requests.
    final class Zone: ImageService {
        let known: [String: Image]
        let namesUnknownIDs: Bool
        let requests = Mutex(0)

        init(known ids: [String], namesUnknownIDs: Bool) {
            known = Dictionary(uniqueKeysWithValues: ids.map { id in
                (id, Image(id: id, name: id, description: nil, sizeGB: 1, processorType: .bits64, platform: .linux,
                           osFamily: "centos", visibility: .private, provider: .self, owner: "usr-1",
                           recommendedType: "", status: .available, transitionStatus: nil, createTime: nil,
                           statusTime: nil, tags: [], rawJSON: .null))
            })
            self.namesUnknownIDs = namesUnknownIDs
        }

        func describeImages(_ query: ImageQuery) async throws -> ImagePage {
            requests.withLock { $0 += 1 }
            #expect(query.statuses == ImageStatus.documented, "every status is asked for")
            #expect(query.imageIDs.count <= 100)
            guard !query.imageIDs.isEmpty else {
                let all = known.values.sorted { $0.id < $1.id }
                let page = Array(all.dropFirst(query.offset ?? 0).prefix(query.limit ?? 20))
                return ImagePage(totalCount: all.count, images: page)
            }
            if let unknown = query.imageIDs.first(where: { known[$0] == nil }) {
                let message = namesUnknownIDs ? "ResourceNotFound, resource [\(unknown)] not found" : "ResourceNotFound"
                throw QingCloudError.api(APIError(.resourceNotFound, message: message), hint: nil)
            }
            return ImagePage(totalCount: query.imageIDs.count, images: query.imageIDs.compactMap { known[$0] })
        }
    }

    private static let ids = (0..<250).map { "img-\($0)" }

    @Test(arguments: [true, false])
    func anUnknownIDIsFoundAndTheOthersAnswered(namesUnknownIDs: Bool) async throws {
        let zone = Zone(known: Self.ids, namesUnknownIDs: namesUnknownIDs)
        let asked = Array(Self.ids[..<130]) + ["img-nosuch"] + Array(Self.ids[130...])
        let observation = try await ImageStatusPoller(service: zone).poll(zone: "pek3a", ids: asked)
        #expect(observation.unknown == ["img-nosuch"])
        #expect(observation.states.count == Self.ids.count)
        // Three batches; the second is asked again without the id the message names, or halved down to it.
        #expect(zone.requests.withLock { $0 } == (namesUnknownIDs ? 4 : 3 + 2 * 7), "\(zone.requests.withLock { $0 })")
    }

    @Test func manyUnknownIDsAreFoundByListingTheZoneOnce() async throws {
        let zone = Zone(known: Self.ids, namesUnknownIDs: true)
        let strangers = (0..<100).map { "img-other-\($0)" }
        let observation = try await ImageStatusPoller(service: zone).poll(zone: "pek3a", ids: strangers + Self.ids)
        #expect(observation.unknown.sorted() == strangers.sorted())
        #expect(observation.states.count == Self.ids.count)
        // 11 tries of the first batch (10 ids taken out one at a time), then 3 pages of listing for the rest.
        #expect(zone.requests.withLock { $0 } == 11 + 3)
    }
}
