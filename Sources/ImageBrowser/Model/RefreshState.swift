import Foundation
import QingCloud

/// Live refresh as a whole: the interval, pause, the one refresh timer (set for the zone due first) and
/// the sweep's request budget. Each zone's own schedule and round are in its ``ZoneRefresh``.
struct RefreshState: Sendable {
    var interval: Duration?
    var isPaused = false
    var generation = 0
    /// Bumped when the sweep timer is set, so that an older sweep timer is ignored.
    var sweepGeneration = 0
    /// Sweep requests per second per zone, beyond the rows on screen and the first page.
    var sweepRate: Double
}

/// One zone's refresh: when its next round starts, the round in flight, and how the last one went.
struct ZoneRefresh: Sendable {
    /// When this zone's next round starts; nil while its round runs or refresh is off or paused.
    var nextRoundAt: Date?
    var round: RefreshRound?
    /// Rounds in a row with a failed request: the next round backs off.
    var failures = 0
    /// How the last finished round went.
    var lastRound: RoundOutcome?
}

/// How many requests a round made and how many of them failed.
struct RoundOutcome: Sendable, Hashable {
    var requested: Int
    var failed: Int
}

/// One refresh of one zone: by-id requests for what is on screen and in transition, the first page, and
/// the sweep's pages and by-id checks (sent one every 1/rate seconds over the round, not together).
struct RefreshRound: Sendable {
    /// What was asked; ids are the API's ids.
    enum Request: Sendable, Hashable {
        case ids([String])
        case firstPage
        /// A page of the rolling sweep, at this offset.
        case sweepPage(Int)
        /// Images the sweep's pass did not meet, asked by id: those not returned are gone.
        case verify([String])
    }

    var pending: [RequestID: Request] = [:]
    var requested = 0
    var failed = 0
    /// When the round started: the next is due an interval later.
    var startedAt: Date
    /// Sweep requests the round may still send.
    var sweepLeft = 0
    /// When the round's next sweep request goes out (one every 1/rate seconds); nil once it sends no more.
    var nextSweepAt: Date?
}
