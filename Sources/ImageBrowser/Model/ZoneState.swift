import Foundation

/// Everything the browser knows of one zone's traffic: its pages, its refresh schedule and round, its
/// rolling sweep, and its error. One value per zone, so that a zone fails, backs off and refreshes alone.
struct ZoneState: Sendable {
    var paging: PagingState
    var refresh = ZoneRefresh()
    var sweep = RefreshSweep()
    /// The last request to this zone failed (cleared by the next that works).
    var error: ConnectionError?

    init(pageSize: Int) {
        paging = PagingState(pageSize: pageSize)
    }
}
