/// Fetching every image that matches a query, page by page, several pages at a time.
///
/// Pages overlap by a few images so that a catalogue shifting while it is being read (an image ceased
/// between two page requests moves every later image up by one) leaves no gap: the seam between two
/// pages is checked and re-read from further back when it does not join. Images are de-duplicated by id,
/// and pages past the first total are read until a short page when the catalogue grew meanwhile.
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
    /// `totalCount` of the result is the latest total the server reported.
    public func fetchAll(matching query: ImageQuery, progress: Progress? = nil) async throws -> ImagePage {
        let limit = ImageQuery.maximumLimit
        let step = limit - overlap
        let first = try await fetch(query, offset: 0)
        var pages: [Int: [Image]] = [0: first.images]
        var seen = Set(first.images.map(\.id))
        var total = first.totalCount
        progress?(seen.count, total)

        var pending: [Int] = []
        var covered = limit
        while covered < total {
            pending.append(covered - overlap)
            covered += step
        }
        while !pending.isEmpty {
            let batch = pending
            pending = []
            try await withThrowingTaskGroup(of: (Int, ImagePage).self) { group in
                var queue = batch[...]
                for _ in 0..<min(concurrency, queue.count) {
                    let offset = queue.removeFirst()
                    group.addTask { (offset, try await fetch(query, offset: offset)) }
                }
                while let (offset, page) = try await group.next() {
                    pages[offset] = page.images
                    total = page.totalCount
                    for image in page.images { seen.insert(image.id) }
                    progress?(seen.count, total)
                    if let offset = queue.popFirst() {
                        group.addTask { (offset, try await fetch(query, offset: offset)) }
                    }
                }
            }
            pending = seamRepairs(pages: pages, step: step, limit: limit)
            if pending.isEmpty, let last = pages.keys.max(), let lastPage = pages[last], lastPage.count == limit {
                pending = [last + step]
            }
        }
        let images = Self.merge(pages)
        progress?(images.count, total)
        return ImagePage(totalCount: total, images: images)
    }

    /// Offsets to read again: where a page does not share any image with the end of the page before it.
    private func seamRepairs(pages: [Int: [Image]], step: Int, limit: Int) -> [Int] {
        guard overlap > 0 else { return [] }
        let offsets = pages.keys.sorted()
        var repairs: [Int] = []
        for (previous, next) in zip(offsets, offsets.dropFirst()) {
            guard let before = pages[previous], let after = pages[next], !after.isEmpty,
                  before.count == limit else { continue }
            let tail = Set(before.suffix(overlap).map(\.id))
            let head = after.prefix(overlap * 2).map(\.id)
            if !head.contains(where: tail.contains) {
                let retry = next - overlap
                if retry > previous, pages[retry] == nil { repairs.append(retry) }
            }
        }
        return repairs
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
