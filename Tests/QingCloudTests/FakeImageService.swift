import Foundation
import Synchronization
@testable import QingCloud

/// The pagers' in-memory image service: a catalogue per zone (a query without a zone reads ""), answered
/// page by page. It counts the requests (and those in flight over every zone at once), and can fail a
/// zone, drop an image after some requests, claim a larger total, answer some offsets with no image and
/// delay answers by their offset.
final class FakeImageService: ImageService, Sendable {
    private struct State {
        var catalogues: [String: [Image]]
        var requests = 0
        /// Requests answered from a catalogue so far, the one being answered included.
        var answered = 0
        var inFlight = 0
        var maximumInFlight = 0
        var removal: (afterRequests: Int, index: Int)?
        var claimedTotal: Int?
        var offsetsAsked: [Int] = []
        var emptyOffsets: Set<Int> = []
    }

    private let state: Mutex<State>
    private let failing: [String: QingCloudError]
    private let shuffleDelays: Bool

    init(catalogues: [String: [Image]], failing: [String: QingCloudError] = [:], shuffleDelays: Bool = false) {
        state = Mutex(State(catalogues: catalogues))
        self.failing = failing
        self.shuffleDelays = shuffleDelays
    }

    /// Images `img-00001`... listed in order, in no zone.
    convenience init(count: Int, shuffleDelays: Bool) {
        let images = (1...count).map { index in
            let id = String(format: "img-%05d", index)
            return Image(id: id, name: id, description: nil, sizeGB: 1, processorType: .bits64, platform: .linux,
                         osFamily: "centos", visibility: .private, provider: .self, owner: "usr-1", recommendedType: "",
                         status: .available, transitionStatus: nil, createTime: nil, statusTime: nil, tags: [],
                         rawJSON: .null)
        }
        self.init(catalogues: ["": images], shuffleDelays: shuffleDelays)
    }

    /// The ids of the images in no zone, as they are now.
    var ids: [String] { state.withLock { $0.catalogues["", default: []].map(\.id) } }
    var offsetsAsked: [Int] { state.withLock { $0.offsetsAsked } }
    var requests: Int { state.withLock { $0.requests } }
    var maximumInFlight: Int { state.withLock { $0.maximumInFlight } }
    var claimedTotal: Int? {
        get { state.withLock { $0.claimedTotal } }
        set { state.withLock { $0.claimedTotal = newValue } }
    }

    /// Offsets answered with no image (the total unchanged).
    var emptyOffsets: Set<Int> {
        get { state.withLock { $0.emptyOffsets } }
        set { state.withLock { $0.emptyOffsets = newValue } }
    }

    /// Drops the image at `index` (of those in no zone) once `requests` requests have been answered.
    func removeAfterRequests(_ requests: Int, at index: Int) {
        state.withLock { $0.removal = (requests, index) }
    }

    func describeImages(_ query: ImageQuery) async throws -> ImagePage {
        let offset = query.offset ?? 0
        state.withLock { state in
            state.inFlight += 1
            state.requests += 1
            state.maximumInFlight = max(state.maximumInFlight, state.inFlight)
            state.offsetsAsked.append(offset)
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        // Suspending lets the other requests (of this zone or others) start while this one is in flight.
        if shuffleDelays { try await Task.sleep(for: .microseconds((offset * 7919) % 3000)) }
        for _ in 0..<20 { await Task.yield() }
        let zone = query.zone ?? ""
        if let error = failing[zone] { throw error }
        return try state.withLock { state in
            state.answered += 1
            if let removal = state.removal, state.answered > removal.afterRequests {
                state.catalogues[""]?.remove(at: removal.index)
                state.removal = nil
            }
            guard let images = state.catalogues[zone] else {
                throw QingCloudError.api(APIError(code: 1100, message: "InvalidParameterValue, zone [\(zone)]"), hint: nil)
            }
            let start = min(offset, images.count)
            let end = state.emptyOffsets.contains(offset) ? start : min(start + (query.limit ?? 20), images.count)
            return ImagePage(totalCount: state.claimedTotal ?? images.count, images: Array(images[start..<end]))
        }
    }
}
