import QingCloud

/// The filter's query on the server, fetched page by page after a pause in typing, to the end of the
/// server's total, ``PagingState/backgroundConcurrency`` pages at a time.
struct ServerSearch: Sendable {
    var query: ImageQuery
    /// The zone being searched (an index into ``BrowserOptions/zones``); several are searched in turn.
    var zone = 0
    /// The requests in flight (all to ``zone``).
    var inFlight: Set<RequestID> = []
    /// The offset of the next page to ask for.
    var nextOffset = 0
    /// The number of matches the server last reported; nil before its first answer.
    var totalCount: Int?
    /// Images the server has sent for this query.
    var received = 0
    /// A page failed: no more are asked for.
    var hasFailed = false

    var isRunning: Bool { !inFlight.isEmpty }

    /// Whether pages remain to ask for: all of them before the first answer says how many there are.
    var hasMorePages: Bool {
        !hasFailed && nextOffset < (totalCount ?? 1)
    }
}
