import Foundation
import QingCloud

/// Loading the whole catalogue page by page (unfiltered, in the server's order), as the client's
/// ``PagePlan`` says: overlapping pages, seams read again when the catalogue shifted meanwhile.
struct PagingState: Sendable {
    var plan: PagePlan
    /// The offset each request in flight reads.
    var inFlight: [RequestID: Int] = [:]
    /// After a failure, no page is requested until the retry timer fires (at ``retryAt``).
    var isWaitingToRetry = false
    var retryAt: Date?
    var failures = 0
    /// End was pressed before the last page was loaded: jump to the end when it arrives.
    var jumpToEndPending = false

    /// Images the server's total promised but no page held after asking again (0 when every page was
    /// whole): the plan's one rule, as `list` applies it.
    var missing: Int { plan.missingImages }

    /// Pages fetched in the background at once.
    static let backgroundConcurrency = 2
    /// Pages fetched at once over every zone together when several are shown.
    static let multiZoneConcurrency = 4

    /// Pages of `pageSize` overlapping by up to 8 images (none for tiny pages).
    init(pageSize: Int) {
        plan = PagePlan(limit: pageSize, overlap: min(8, pageSize / 4))
    }

    /// The latest total the server reported.
    var totalCount: Int? { plan.total }
}
