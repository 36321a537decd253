import Foundation

/// The last error in full, where the header's one line is not enough: in the list when nothing could be
/// loaded, and in the overlay that `!` (or Enter on an empty list) opens.
struct ErrorNotice {
    let error: ConnectionError

    /// What the browser is doing about it: trying again now (a request is in flight, which the client
    /// may be retrying) or when it tries next; nil when it waits for `r`.
    static func retryStatus(of state: BrowserState, now: Date) -> String? {
        if state.zoneStates.contains(where: { !($0.refresh.round?.pending.isEmpty ?? true) || !$0.paging.inFlight.isEmpty }) { return "trying again…" }
        return state.nextRetry(after: now).map { "next try in \(TextFormat.countdown(to: $0, now: now))" }
    }

    /// The empty list's body at a width: what happened and what to do first, then the whole error.
    func bodyLines(width: Int, retryStatus: String?) -> [StyledLine] {
        let next = (retryStatus.map { $0 + " · " } ?? "") + "r tries now · ⏎ the whole error"
        return [[Span("no images loaded: " + error.kind.explanation, Theme.error)], [Span(next, Theme.faint)], []]
            + TextFormat.wrap(error.message, width: max(1, width)).map { [Span($0)] }
    }

    /// The overlay's content at a width.
    func overlayLines(width: Int) -> [StyledLine] {
        var lines: [StyledLine] = [[Span(error.kind.explanation, Theme.error)], []]
        lines += TextFormat.wrap(error.message, width: max(1, width)).map { [Span($0)] }
        lines += [[], [Span("failed at " + TextFormat.absolute(error.at), Theme.faint)]]
        return lines
    }
}
