/// Which pages of a listing to read, and which to read again: the paging core that ``ImagePager`` and
/// the browser both drive, each in its own way (tasks; effects and events).
///
/// A listing can shift while it is read: an image ceased between two page requests moves every later
/// image up by one, so reading at fixed offsets would skip one. Pages therefore overlap by ``overlap``
/// images, and a seam where a page shares no image with the end of the page before it is read again from
/// further back. Past the total, pages are read until a short one (the listing grew meanwhile).
/// Offsets are the `offset` parameter of DescribeImages.
///
/// One rule says whether a listing is complete, for every reader: every page is checked against the total
/// it came with; a page holding fewer images than that total promises for its offset (short or empty, in
/// the middle or at the end) is read once more, and when it is still short the listing is incomplete by
/// ``missingImages``, the total less the distinct images the pages held.
///
/// Pages are planned lazily: at most ``maximumPlanned`` wait to be taken, so what the plan holds never
/// grows with the total a server reports, only with the images its pages deliver. A server whose pages
/// come back empty ``lyingServerPages`` times in a row past the last image they delivered (asked again
/// each time) has a total its pages will never reach: the plan stops there (``stoppedAtLyingTotal``).
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
    /// The distinct ids the pages held.
    private var heldIDs: Set<String> = []
    /// Offsets whose page came back short and was asked again.
    private var askedAgain: Set<Int> = []
    /// Offsets whose page was still short when asked again, with the images it lacked.
    private var shortPages: [Int: Int] = [:]
    /// The offset past which the pages deliver nothing, once the plan stopped there (a lying total).
    public private(set) var stoppedAtLyingTotal: Int?

    /// Pages wanted and not yet taken, at most: planning goes on as they are taken.
    public static let maximumPlanned = 64
    /// Empty pages in a row, each asked twice, past the last image delivered that make a total a lie.
    public static let lyingServerPages = 3

    public init(limit: Int = ImageQuery.maximumLimit, overlap: Int = 8) {
        self.limit = max(1, limit)
        self.overlap = max(0, min(overlap, self.limit / 2))
        nextUnplanned = self.limit - self.overlap
    }

    /// The distance between the offsets of two neighbouring pages.
    public var step: Int { limit - overlap }

    /// Whether every page is read: nothing wanted, nothing in flight or left to plan, the total known.
    public var isComplete: Bool { total != nil && wanted.isEmpty && inFlight.isEmpty && !hasUnplanned }

    /// Whether the total calls for pages not planned yet.
    private var hasUnplanned: Bool {
        guard let total, stoppedAtLyingTotal == nil else { return false }
        return nextUnplanned + overlap < total
    }

    /// The distinct images the pages held.
    public var imagesHeld: Int { heldIDs.count }

    /// Images the latest total promised but no page held, asked again: 0 while the plan is not complete
    /// or when every page was whole. The one rule for "incomplete".
    public var missingImages: Int {
        guard isComplete, let total, !shortPages.isEmpty || stoppedAtLyingTotal != nil else { return 0 }
        return max(0, total - heldIDs.count)
    }

    /// How many pages have been read.
    public var pagesRead: Int { received.count }

    /// Whether the page at `offset` has been read.
    public func hasRead(_ offset: Int) -> Bool { received[offset] != nil }

    /// The offset of the last page the plan knows of (read, in flight, wanted, or called for by the total).
    public var lastOffset: Int {
        let known = (Array(received.keys) + wanted + inFlight).max() ?? 0
        guard hasUnplanned, let total else { return known }
        let lastByTotal = nextUnplanned + (total - overlap - 1 - nextUnplanned) / step * step
        return max(known, lastByTotal)
    }

    /// The lowest offset wanted or in flight: every page below it that will be read has been.
    public var lowestPending: Int? {
        [wanted.first, inFlight.min()].compactMap { $0 }.min()
    }

    /// Up to `count` offsets to ask for now; they count as in flight until ``receive(_:at:)`` or
    /// ``abandon(_:)``.
    public mutating func take(upTo count: Int) -> [Int] {
        planAhead()
        let taken = Array(wanted.prefix(max(0, count)))
        wanted.removeFirst(taken.count)
        inFlight.formUnion(taken)
        planAhead()
        return taken
    }

    /// Wants the next pages the total calls for, up to ``maximumPlanned`` waiting.
    private mutating func planAhead() {
        while hasUnplanned, wanted.count < Self.maximumPlanned {
            want(nextUnplanned)
            nextUnplanned += step
        }
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
        let ids = page.images.map(\.id)
        received[offset] = ids
        heldIDs.formUnion(ids)
        total = page.totalCount
        checkAgainstTotal(page, at: offset)
        planAhead()
        for repair in seamRepairs(around: offset) { want(repair) }
        if wanted.isEmpty, inFlight.isEmpty, !hasUnplanned, stoppedAtLyingTotal == nil,
           let last = received.keys.max(), received[last]?.count == limit {
            want(last + step)
        }
    }

    /// A page with fewer images than its total promises for its offset is read again; still short, it is
    /// noted. Empty pages in a row past the last image delivered stop the plan (see ``lyingServerPages``).
    private mutating func checkAgainstTotal(_ page: ImagePage, at offset: Int) {
        let promised = min(limit, max(0, page.totalCount - offset))
        guard page.images.count < promised else {
            shortPages[offset] = nil
            return
        }
        if askedAgain.insert(offset).inserted {
            readAgain(offset)
            return
        }
        shortPages[offset] = promised - page.images.count
        let lastDelivering = received.filter { !$0.value.isEmpty }.keys.max() ?? -1
        let emptyBeyond = shortPages.keys.filter { $0 > lastDelivering && received[$0]?.isEmpty == true }
        guard emptyBeyond.count >= Self.lyingServerPages, let stop = emptyBeyond.min() else { return }
        stoppedAtLyingTotal = stop
        wanted.removeAll { $0 > stop }
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
