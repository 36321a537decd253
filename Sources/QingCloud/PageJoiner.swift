/// Puts pages that arrive in any order back in the server's order and hands each on once it joins the
/// one before it, so that only the pages ahead of a gap are held.
///
/// A page joins when it shares an image with the end of the page before it (pages overlap by `overlap`);
/// when it does not, the catalogue shifted between the two requests and the page is asked again from
/// further back (``takeRepairs()``) before anything after it is handed on.
struct PageJoiner {
    let overlap: Int
    let limit: Int
    /// Every offset asked for, answered or not.
    private var expected: Set<Int> = []
    /// Answers not handed on yet, by offset.
    private var waiting: [Int: (images: [Image], total: Int)] = [:]
    /// The last page handed on: its offset, size, total and the ids of its last `overlap` images.
    private var last: (offset: Int, count: Int, total: Int, tail: Set<String>)?
    private var seen: Set<String> = []
    private var repairs: [Int] = []
    private var askedForMissing = false
    private(set) var handedOn = 0

    init(overlap: Int, limit: Int) {
        self.overlap = overlap
        self.limit = limit
    }

    mutating func expect(_ offset: Int) {
        expected.insert(offset)
    }

    /// Files the answer for `offset` and hands on every page that now joins.
    mutating func receive(_ images: [Image], at offset: Int, total: Int,
                          _ body: (_ images: [Image], _ total: Int) async throws -> Void) async throws {
        waiting[offset] = (images, total)
        while let next = nextExpected(), let page = waiting[next] {
            if let last, !joins(page.images, after: last) {
                let retry = next - overlap
                if retry > last.offset, !expected.contains(retry) {
                    expected.insert(retry)
                    repairs.append(retry)
                    return
                }
            }
            waiting[next] = nil
            expected = expected.filter { $0 > next }
            let fresh = page.images.filter { seen.insert($0.id).inserted }
            handedOn += fresh.count
            last = (next, page.images.count, page.total, Set(page.images.suffix(overlap).map(\.id)))
            if !fresh.isEmpty { try await body(fresh, page.total) }
        }
    }

    /// Offsets to ask again because a seam did not join (cleared as they are taken).
    mutating func takeRepairs() -> [Int] {
        defer { repairs = [] }
        return repairs
    }

    /// Once everything asked for is handed on: the next offset to ask, when the last page was full (the
    /// catalogue may have grown), or once, when a short last page left its own total unmet.
    mutating func nextOffsetPastEnd(step: Int) -> Int? {
        guard let last, waiting.isEmpty else { return nil }
        if last.count == limit { return last.offset + step }
        if last.total > last.offset + last.count, !askedForMissing {
            askedForMissing = true
            let offset = last.offset + last.count
            expected.insert(offset)
            return offset
        }
        return nil
    }

    /// Images the last page's total promised beyond what the pages held; nil when none.
    var missing: Int? {
        guard let last, last.count < limit, last.total > last.offset + last.count else { return nil }
        return last.total - (last.offset + last.count)
    }

    private func nextExpected() -> Int? {
        expected.min()
    }

    private func joins(_ images: [Image], after last: (offset: Int, count: Int, total: Int, tail: Set<String>)) -> Bool {
        guard overlap > 0, last.count == limit, !images.isEmpty else { return true }
        return images.prefix(overlap * 2).contains { last.tail.contains($0.id) }
    }
}
