/// Fetching every image that matches a query, page by page, several pages at a time.
///
/// The pages to read come from ``PagePlan`` (overlapping pages, seams read again when the catalogue
/// shifted, pages past the first total until a short one); images are de-duplicated by id.
public struct ImagePager: Sendable {
    public let service: any ImageService
    /// Pages requested at once after the first.
    public var concurrency: Int
    /// Images each page shares with the one before it.
    public var overlap: Int

    public init(service: any ImageService, concurrency: Int = 4, overlap: Int = 8) {
        self.service = service
        self.concurrency = max(1, concurrency)
        self.overlap = max(0, min(overlap, ImageQuery.maximumLimit / 2))
    }

    /// Progress after each page: images collected so far and the latest total.
    public typealias Progress = @Sendable (_ loaded: Int, _ total: Int) -> Void

    /// Every image matching `query` (its `offset` and `limit` are ignored), in the server's order.
    ///
    /// `totalCount` of the result is the latest total the server reported. Which pages to read (and read
    /// again) is ``PagePlan``'s choice; this runs them, ``concurrency`` at a time.
    public func fetchAll(matching query: ImageQuery, progress: Progress? = nil) async throws -> ImagePage {
        var plan = PagePlan(limit: ImageQuery.maximumLimit, overlap: overlap)
        var pages: [Int: [Image]] = [:]
        var seen = Set<String>()
        try await withThrowingTaskGroup(of: (Int, ImagePage).self) { group in
            var running = 0
            func launch() {
                for offset in plan.take(upTo: concurrency - running) {
                    running += 1
                    group.addTask { (offset, try await fetch(query, offset: offset)) }
                }
            }
            launch()
            while let (offset, page) = try await group.next() {
                running -= 1
                pages[offset] = page.images
                plan.receive(page, at: offset)
                for image in page.images { seen.insert(image.id) }
                progress?(seen.count, page.totalCount)
                launch()
            }
        }
        let images = Self.merge(pages)
        let total = plan.total ?? images.count
        progress?(images.count, total)
        return ImagePage(totalCount: total, images: images)
    }

    private func fetch(_ query: ImageQuery, offset: Int) async throws -> ImagePage {
        var query = query
        query.offset = offset
        query.limit = ImageQuery.maximumLimit
        return try await service.describeImages(query)
    }

    private static func merge(_ pages: [Int: [Image]]) -> [Image] {
        var seen = Set<String>()
        var images: [Image] = []
        for offset in pages.keys.sorted() {
            for image in pages[offset]! where seen.insert(image.id).inserted {
                images.append(image)
            }
        }
        return images
    }
}
