/// Fetching every image that matches a query, page by page, several pages at a time, handed on in the
/// server's order as soon as each page joins the ones before it.
///
/// Pages overlap by a few images so that a catalogue shifting while it is being read (an image ceased
/// between two page requests moves every later image up by one) leaves no gap: the seam between two
/// pages is checked and re-read from further back when it does not join. Images are de-duplicated by id,
/// and pages past the first total are read until a short page when the catalogue grew meanwhile. A server
/// whose total promises more than its pages hold is asked once more for the missing range, then reported
/// in ``Completion/missing``.
public struct ImagePager: Sendable {
    public let service: any ImageService
    /// Pages requested at once after the first; nil chooses from the first page's round trip (see
    /// ``inFlight(forRoundTrip:)``).
    public var concurrency: Int?
    /// Images each page shares with the one before it.
    public var overlap: Int

    public init(service: any ImageService, concurrency: Int? = nil, overlap: Int = 8) {
        self.service = service
        self.concurrency = concurrency.map { max(1, $0) }
        self.overlap = max(0, min(overlap, ImageQuery.maximumLimit / 2))
    }

    /// Progress after each page: images collected so far and the latest total.
    public typealias Progress = @Sendable (_ loaded: Int, _ total: Int) -> Void

    /// How a complete read ended.
    public struct Completion: Sendable, Hashable {
        /// The latest total the server reported.
        public var totalCount: Int
        /// Images handed on.
        public var loaded: Int
        /// Images the server's total promised but no page held, after asking again; nil when none.
        public var missing: Int?
    }

    /// Requests in flight for a first round trip of `roundTrip`: enough to hide the network's latency
    /// behind the client's own work on a page, at most 8 (the connection pool's size). Measured with
    /// `qcimages-benchmarks` (see README): at 0 ms added latency more than 2 only adds CPU, at 20 ms 8 is
    /// over 3 times faster than 2.
    public static func inFlight(forRoundTrip roundTrip: Duration) -> Int {
        let milliseconds = Double(roundTrip.components.seconds) * 1000 + Double(roundTrip.components.attoseconds) / 1e15
        switch milliseconds {
        case ..<3: return 2
        case ..<8: return 4
        default: return 8
        }
    }

    /// Every image matching `query` (its `offset` and `limit` are ignored), in the server's order.
    ///
    /// `totalCount` of the result is the latest total the server reported.
    public func fetchAll(matching query: ImageQuery, progress: Progress? = nil) async throws -> ImagePage {
        var images: [Image] = []
        let completion = try await forEachPage(matching: query) { page, total in
            images += page
            progress?(images.count, total)
        }
        return ImagePage(totalCount: completion.totalCount, images: images)
    }

    /// Calls `body` with each run of new images in the server's order, as soon as it joins what came
    /// before, and the latest total.
    public func forEachPage(matching query: ImageQuery,
                            _ body: (_ images: [Image], _ total: Int) async throws -> Void) async throws -> Completion {
        let limit = ImageQuery.maximumLimit
        let step = limit - overlap
        let started = ContinuousClock.now
        let first = try await fetch(query, offset: 0)
        let inFlight = concurrency ?? Self.inFlight(forRoundTrip: ContinuousClock.now - started)
        var joiner = PageJoiner(overlap: overlap, limit: limit)
        var total = first.totalCount
        joiner.expect(0)
        try await joiner.receive(first.images, at: 0, total: total, body)

        var queue: [Int] = []
        var covered = limit
        while covered < total {
            queue.append(covered - overlap)
            covered += step
        }
        try await withThrowingTaskGroup(of: (Int, ImagePage).self) { group in
            var running = 0
            func refill() {
                while running < inFlight, !queue.isEmpty {
                    let offset = queue.removeFirst()
                    joiner.expect(offset)
                    running += 1
                    group.addTask { (offset, try await fetch(query, offset: offset)) }
                }
            }
            refill()
            while let (offset, page) = try await group.next() {
                running -= 1
                total = page.totalCount
                try await joiner.receive(page.images, at: offset, total: total, body)
                queue = joiner.takeRepairs() + queue
                if running == 0, queue.isEmpty, let next = joiner.nextOffsetPastEnd(step: step) {
                    queue.append(next)
                }
                refill()
            }
        }
        return Completion(totalCount: total, loaded: joiner.handedOn, missing: joiner.missing)
    }

    private func fetch(_ query: ImageQuery, offset: Int) async throws -> ImagePage {
        var query = query
        query.offset = offset
        query.limit = ImageQuery.maximumLimit
        return try await service.describeImages(query)
    }
}
