/// Asks DescribeImages what state given images are in, in one zone: `images.n` with `status.n` naming
/// every status (ceased images are left out otherwise), at most 100 ids per request, so that 1,000 ids
/// cost 10 requests.
///
/// The API refuses a whole request (ret_code 2100, "resource [img-x] not found") when one of its ids is
/// unknown. The poller takes the id the message names out and asks again, for the first few; when more
/// are unknown (bare ids looked for in several zones, each known in one), it lists the zone once instead
/// (every status, 100 per page) and answers the rest of this poll from that listing. An id the message
/// does not name is found by halving the batch.
public struct ImageStatusPoller: Sendable {
    public let service: any ImageService
    /// Ids per request: the API's largest page.
    public static let batchSize = ImageQuery.maximumLimit
    /// How many unknown ids one poll takes out one request at a time before it lists the zone instead.
    public static let unknownIDsBeforeListing = 10

    public init(service: any ImageService) {
        self.service = service
    }

    /// What `zone` says about `ids`: the state of each it knows, and those it does not know.
    public func poll(zone: String, ids: [String]) async throws(QingCloudError) -> ZoneObservation {
        var poll = Poll(zone: zone)
        var unique: [String] = []
        var seen: Set<String> = []
        for id in ids where seen.insert(id).inserted { unique.append(id) }
        var start = 0
        while start < unique.count {
            let end = min(start + Self.batchSize, unique.count)
            try await ask(Array(unique[start..<end]), in: &poll)
            start = end
        }
        return poll.observation
    }

    /// One poll of one zone as it goes: what was learnt, and the zone's listing once it was needed.
    private struct Poll {
        let zone: String
        var observation = ZoneObservation()
        var listing: [String: ImageState]?
    }

    private func ask(_ ids: [String], in poll: inout Poll) async throws(QingCloudError) {
        guard !ids.isEmpty else { return }
        if let listing = poll.listing {
            record(ids, from: listing, into: &poll.observation)
            return
        }
        let query = ImageQuery(imageIDs: ids, statuses: ImageStatus.documented, limit: ImageQuery.maximumLimit, zone: poll.zone)
        let page: ImagePage
        do {
            page = try await describe(query)
        } catch .api(let apiError, _) where apiError.returnCode == .resourceNotFound {
            if ids.count == 1 {
                poll.observation.unknown.append(ids[0])
            } else if poll.observation.unknown.count >= Self.unknownIDsBeforeListing {
                let listing = try await list(zone: poll.zone)
                poll.listing = listing
                record(ids, from: listing, into: &poll.observation)
            } else if let named = ids.first(where: { apiError.message.contains("[\($0)]") }) {
                poll.observation.unknown.append(named)
                try await ask(ids.filter { $0 != named }, in: &poll)
            } else {
                try await ask(Array(ids[..<(ids.count / 2)]), in: &poll)
                try await ask(Array(ids[(ids.count / 2)...]), in: &poll)
            }
            return
        }
        var states: [String: ImageState] = [:]
        for image in page.images { states[image.id] = ImageState(status: image.status, transition: image.transitionStatus) }
        // An id the answer leaves out is as unknown as one the API refuses.
        record(ids, from: states, into: &poll.observation)
    }

    private func record(_ ids: [String], from states: [String: ImageState], into observation: inout ZoneObservation) {
        for id in ids {
            if let state = states[id] { observation.states[id] = state } else { observation.unknown.append(id) }
        }
    }

    /// Every image of `zone` in every status, page after page.
    private func list(zone: String) async throws(QingCloudError) -> [String: ImageState] {
        var states: [String: ImageState] = [:]
        var offset = 0
        while true {
            let page = try await describe(ImageQuery(statuses: ImageStatus.documented, offset: offset,
                                                     limit: ImageQuery.maximumLimit, zone: zone))
            for image in page.images { states[image.id] = ImageState(status: image.status, transition: image.transitionStatus) }
            offset += ImageQuery.maximumLimit
            if page.images.isEmpty || offset >= page.totalCount { return states }
        }
    }

    private func describe(_ query: ImageQuery) async throws(QingCloudError) -> ImagePage {
        do {
            return try await service.describeImages(query)
        } catch let error as QingCloudError {
            throw error
        } catch is CancellationError {
            throw .cancelled
        } catch {
            throw .malformedResponse(reason: "\(error)", offset: nil, excerpt: "")
        }
    }
}

/// What one zone said about the ids asked.
public struct ZoneObservation: Sendable, Hashable {
    /// The state of each id the zone knows.
    public var states: [String: ImageState] = [:]
    /// The ids the zone does not know.
    public var unknown: [String] = []

    public init() {}
}
