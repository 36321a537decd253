/// Fetching every image that matches a query, page by page, several pages at a time, handed on in the
/// server's order as soon as each page joins the ones before it.
///
/// The pages to read come from ``PagePlan`` (overlapping pages, seams read again when the catalogue
/// shifted, pages past the first total until a short one); images are de-duplicated by id. A page is
/// handed on once no page before it is still planned, so only the pages ahead of a gap are held. A page
/// holding fewer images than its total promises is asked once more, then reported in
/// ``Completion/missing`` (the plan's one rule); a total the pages never approach stops the read
/// (``Completion/stoppedAtLyingTotal``) instead of asking for every page it calls for.
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
        /// Whether the read stopped because pages past the images delivered came back empty while the
        /// total still called for more (a lying total; ``missing`` counts the images it claimed).
        public var stoppedAtLyingTotal = false
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
        var plan = PagePlan(limit: ImageQuery.maximumLimit, overlap: overlap)
        var waiting: [Int: ImagePage] = [:]
        var seen = Set<String>()

        /// Hands on every page received below the lowest offset still planned.
        func handOn() async throws {
            let ready = waiting.keys.filter { offset in plan.lowestPending.map { offset < $0 } ?? true }.sorted()
            for offset in ready {
                guard let page = waiting.removeValue(forKey: offset) else { continue }
                let fresh = page.images.filter { seen.insert($0.id).inserted }
                if !fresh.isEmpty { try await body(fresh, page.totalCount) }
            }
        }

        let started = ContinuousClock.now
        _ = plan.take(upTo: 1)
        let first = try await fetch(query, offset: 0)
        let inFlight = concurrency ?? Self.inFlight(forRoundTrip: ContinuousClock.now - started)
        plan.receive(first, at: 0)
        waiting[0] = first
        try await handOn()
        try await withThrowingTaskGroup(of: (Int, ImagePage).self) { group in
            var running = 0
            func launch() {
                for offset in plan.take(upTo: inFlight - running) {
                    running += 1
                    group.addTask { (offset, try await fetch(query, offset: offset)) }
                }
            }
            launch()
            while let (offset, page) = try await group.next() {
                running -= 1
                plan.receive(page, at: offset)
                waiting[offset] = page
                try await handOn()
                launch()
            }
        }
        try await handOn()
        let missing = plan.missingImages
        return Completion(totalCount: plan.total ?? seen.count, loaded: seen.count, missing: missing > 0 ? missing : nil,
                          stoppedAtLyingTotal: plan.stoppedAtLyingTotal != nil)
    }

    private func fetch(_ query: ImageQuery, offset: Int) async throws -> ImagePage {
        var query = query
        query.offset = offset
        query.limit = ImageQuery.maximumLimit
        return try await service.describeImages(query)
    }
}
