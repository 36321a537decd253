import QingCloud

/// The filter's query on the server, fetched page by page after a pause in typing, to the end of the
/// server's total, ``PagingState/backgroundConcurrency`` pages at a time, through the same ``PagePlan``
/// as the background load and `list` (overlapping pages, seams and short pages read again, planned lazily).
struct ServerSearch: Sendable {
    var query: ImageQuery
    /// The zone being searched, one of ``BrowserOptions/zones``; several are searched in turn.
    let zone: String
    var plan: PagePlan
    /// The offset each request in flight reads (all to ``zone``).
    var inFlight: [RequestID: Int] = [:]
    /// A page failed: no more are asked for.
    var hasFailed = false

    init(query: ImageQuery, zone: String, pageSize: Int) {
        self.query = query
        self.zone = zone
        plan = PagePlan(limit: pageSize, overlap: min(8, pageSize / 4))
    }

    var isRunning: Bool { !inFlight.isEmpty }

    /// The number of matches the server last reported; nil before its first answer.
    var totalCount: Int? { plan.total }

    /// The distinct images the server has sent for this query in this zone.
    var received: Int { plan.imagesHeld }

    /// Whether pages remain to ask for in this zone.
    var hasMorePages: Bool { !hasFailed && !plan.isComplete }
}
