import Foundation

/// A rolling re-read of one zone's whole listing under a request budget, so that every image the browser
/// holds is re-read within a bounded time whatever is on screen: statuses that change with no
/// transition, and images that leave the listing (ceased, deleted elsewhere), are found.
///
/// A pass reads the listing from offset 0 to its end in overlapping pages (a few a round), noting every
/// image of the zone that any answer brought (pages, first page, rows on screen, the background load).
/// At the end, the images held that no answer brought during the pass are asked for by id: those the
/// server no longer returns are removed. The pass is then complete: every status on hand was read after
/// it started, which is what the header's age says. The first pass is the initial load.
struct RefreshSweep: Sendable {
    /// Images each sweep page shares with the one before it, so that an image removed ahead of the
    /// cursor does not make the next page skip one.
    static let overlap = 8

    /// The offset of the next page to read.
    var cursor = 0
    /// Offsets of pages that failed: read first in the next round.
    var retry: [Int] = []
    /// When the pass in progress started (the browser's start for the first, the first request of a
    /// sweep for the others); nil between passes.
    var passStartedAt: Date?
    /// When the last complete pass started: every status on hand was read after it. Nil before the first.
    var freshAsOf: Date?
    /// The keys of this zone's images that an answer brought during the pass.
    var seen: Set<String> = []
    /// The latest total the zone's first page or a sweep page reported.
    var total: Int?
    /// Whether the pass read the listing to its end (the background load counts for the first pass).
    var reachedEnd = false
    /// API ids of images held that the pass did not meet, still to ask by id.
    var toVerify: [String] = []

    /// When the oldest status on hand was read, at the latest: the start of the last complete pass, or of
    /// the one in progress before any is complete.
    var oldestRead: Date? { freshAsOf ?? passStartedAt }

    /// Starts a pass at `now`.
    mutating func startPass(now: Date) {
        cursor = 0
        retry = []
        passStartedAt = now
        seen = []
        reachedEnd = false
        toVerify = []
    }

    /// The pass in progress is complete at `now`: its start becomes the age of what is on hand; the next
    /// starts with its first request.
    mutating func completePass(now: Date) {
        if let started = passStartedAt { freshAsOf = started }
        startPass(now: now)
        passStartedAt = nil
    }
}
