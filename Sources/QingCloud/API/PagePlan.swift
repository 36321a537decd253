/// Which pages of a listing to read, and which to read again: the paging core that ``ImagePager`` and
/// the browser both drive, each in its own way (tasks; effects and events).
///
/// A listing can shift while it is read: an image ceased between two page requests moves every later
/// image up by one, so reading at fixed offsets would skip one. Pages therefore overlap by ``overlap``
/// images, and a seam where a page shares no image with the end of the page before it is read again from
/// further back. Past the total, pages are read until a short one (the listing grew meanwhile).
/// Offsets are the `offset` parameter of DescribeImages.
public struct PagePlan: Sendable {
    /// Images per page.
    public let limit: Int
    /// Images each page shares with the one before it.
    public let overlap: Int
    /// The latest total the server reported; nil before the first page.
    public private(set) var total: Int?
    /// The ids of each page read, by offset.
    private var received: [Int: [String]] = [:]
    /// Offsets to read, lowest first: the top of the listing matters most.
    private var wanted: [Int] = [0]
    private var inFlight: Set<Int> = []
    /// The next offset the reported total calls for that is not planned yet: every offset below it
    /// (a multiple of ``step``) is wanted, in flight or read, and stays so.
    private var nextUnplanned: Int

    public init(limit: Int = ImageQuery.maximumLimit, overlap: Int = 8) {
        self.limit = max(1, limit)
        self.overlap = max(0, min(overlap, self.limit / 2))
        nextUnplanned = self.limit - self.overlap
    }

    /// The distance between the offsets of two neighbouring pages.
    public var step: Int { limit - overlap }

    /// Whether every page is read: nothing wanted, nothing in flight, the total known.
    public var isComplete: Bool { total != nil && wanted.isEmpty && inFlight.isEmpty }

    /// How many pages have been read.
    public var pagesRead: Int { received.count }

    /// Whether the page at `offset` has been read.
    public func hasRead(_ offset: Int) -> Bool { received[offset] != nil }

    /// The offset of the last page the plan knows of (read, in flight or wanted).
    public var lastOffset: Int { (Array(received.keys) + wanted + inFlight).max() ?? 0 }

    /// The lowest offset wanted or in flight: every page below it that will be read has been.
    public var lowestPending: Int? {
        [wanted.first, inFlight.min()].compactMap { $0 }.min()
    }

    /// Up to `count` offsets to ask for now; they count as in flight until ``receive(_:at:)`` or
    /// ``abandon(_:)``.
    public mutating func take(upTo count: Int) -> [Int] {
        let taken = Array(wanted.prefix(max(0, count)))
        wanted.removeFirst(taken.count)
        inFlight.formUnion(taken)
        return taken
    }

    /// Asks for `offset` now, ahead of the others (End in the browser); false when it is read or in flight.
    public mutating func take(_ offset: Int) -> Bool {
        guard received[offset] == nil, !inFlight.contains(offset) else { return false }
        wanted.removeAll { $0 == offset }
        inFlight.insert(offset)
        return true
    }

    /// Reads the page at `offset` once more (it held fewer images than its total promised): wanted again,
    /// so that it goes out with the others under the caller's bound and the plan is not complete until
    /// it is back.
    public mutating func readAgain(_ offset: Int) {
        guard !inFlight.contains(offset) else { return }
        insertWanted(offset)
    }

    /// A request for `offset` failed or was cancelled: it is wanted again.
    public mutating func abandon(_ offset: Int) {
        guard inFlight.remove(offset) != nil, received[offset] == nil else { return }
        insertWanted(offset)
    }

    /// The page at `offset` arrived: plans the pages the total calls for, the seams to read again and,
    /// when everything is read and the last page is full, the page after it.
    public mutating func receive(_ page: ImagePage, at offset: Int) {
        inFlight.remove(offset)
        received[offset] = page.images.map(\.id)
        total = page.totalCount
        while nextUnplanned + overlap < page.totalCount {
            want(nextUnplanned)
            nextUnplanned += step
        }
        for repair in seamRepairs(around: offset) { want(repair) }
        if wanted.isEmpty, inFlight.isEmpty, let last = received.keys.max(), received[last]?.count == limit {
            want(last + step)
        }
    }

    private mutating func want(_ offset: Int) {
        guard received[offset] == nil, !inFlight.contains(offset) else { return }
        insertWanted(offset)
    }

    /// Inserts `offset` into ``wanted`` in order, once.
    private mutating func insertWanted(_ offset: Int) {
        let index = wantedIndex(of: offset)
        guard index == wanted.count || wanted[index] != offset else { return }
        wanted.insert(offset, at: index)
    }

    /// Where `offset` is or belongs in the sorted ``wanted`` (a binary search: a listing has a thousand
    /// pages at 100,000 images, and every page's arrival consults it).
    private func wantedIndex(of offset: Int) -> Int {
        var low = 0
        var high = wanted.count
        while low < high {
            let middle = (low + high) / 2
            if wanted[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Offsets to read again: where the page at `offset` and a neighbour (the nearest page read, in
    /// flight or wanted on either side) share no image across their seam. Only the arriving page's seams
    /// can have changed: the others' pages and neighbours are as they were.
    private func seamRepairs(around offset: Int) -> [Int] {
        guard overlap > 0 else { return [] }
        var below: Int?
        var above: Int?
        func consider(_ other: Int) {
            if other < offset, below.map({ other > $0 }) ?? true { below = other }
            if other > offset, above.map({ other < $0 }) ?? true { above = other }
        }
        received.keys.forEach(consider)
        inFlight.forEach(consider)
        let index = wantedIndex(of: offset)
        if index > 0 { consider(wanted[index - 1]) }
        if index < wanted.count { consider(wanted[index]) }
        return [below.flatMap { repair(between: $0, and: offset) }, above.flatMap { repair(between: offset, and: $0) }]
            .compactMap { $0 }
    }

    /// The offset to read again when the page at `next` shares no image with the end of the full page
    /// at `previous`, both read; nil when the seam holds or cannot be judged yet.
    private func repair(between previous: Int, and next: Int) -> Int? {
        guard let before = received[previous], let after = received[next], !after.isEmpty,
              before.count == limit else { return nil }
        let tail = Set(before.suffix(overlap))
        guard !after.prefix(overlap * 2).contains(where: tail.contains) else { return nil }
        let retry = next - overlap
        guard retry > previous, received[retry] == nil, !inFlight.contains(retry) else { return nil }
        let index = wantedIndex(of: retry)
        return index < wanted.count && wanted[index] == retry ? nil : retry
    }
}
