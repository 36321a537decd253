import Foundation
import QingCloud

/// Loading the catalogue page by page: the first page at once, then the rest in the background, a few
/// at a time; End asks for the last page out of turn. With several zones each zone has its own
/// ``PagePlan``, read side by side under one bound on the pages in flight for all of them together.
extension BrowserState {
    var pageSize: Int { options.pageSize }

    public var isFullyLoaded: Bool { zoneStates.allSatisfy(\.paging.plan.isComplete) }

    /// The images every zone reported in all, once at least one has; nil before.
    var totalCount: Int? {
        let known = zoneStates.compactMap(\.paging.totalCount)
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    /// Images the servers' totals promised but no page held, over every zone (0 when every page was whole).
    var missingImages: Int { zoneStates.reduce(0) { $0 + $1.paging.missing } }

    /// Pages in flight at once over every zone.
    private var pagingConcurrency: Int {
        options.isMultiZone ? PagingState.multiZoneConcurrency : PagingState.backgroundConcurrency
    }

    /// Requests the pages the plans want next, one zone after the other (the zone with the fewest pages
    /// read or asked for first, so that every zone moves on), keeping ``pagingConcurrency`` in flight
    /// with the server search's pages (which go first: they answer what the user is looking for).
    mutating func loadMorePages(_ effects: inout [BrowserEffect]) {
        var inFlight = zoneStates.reduce(search?.inFlight.count ?? 0) { $0 + $1.paging.inFlight.count }
        var requested = true
        while inFlight < pagingConcurrency, requested {
            requested = false
            let progress = zoneStates.map { $0.paging.plan.pagesRead + $0.paging.inFlight.count }
            let turns = zoneStates.indices.sorted { (progress[$0], $0) < (progress[$1], $1) }.map { zoneStates[$0].name }
            for zone in turns
            where inFlight < pagingConcurrency && !zoneStates[zone].paging.isWaitingToRetry {
                for offset in zoneStates[zone].paging.plan.take(upTo: 1) {
                    requestPage(at: offset, zone: zone, &effects)
                    inFlight += 1
                    requested = true
                }
            }
        }
    }

    /// Sends the request for the page at `offset` of `zone`, which its plan counts as in flight.
    mutating func requestPage(at offset: Int, zone: String, _ effects: inout [BrowserEffect]) {
        let id = newRequestID()
        zoneStates[zone].paging.inFlight[id] = offset
        effects.append(.fetch(id, ImageQuery(offset: offset, limit: pageSize, zone: options.requestZone(zone))))
    }

    mutating func handlePage(
        at offset: Int, zone: String, _ result: Result<ImagePage, QingCloudError>, now: Date,
        _ effects: inout [BrowserEffect]
    ) {
        switch result {
        case .success(let answer):
            zoneStates[zone].paging.plan.receive(answer, at: offset)
            zoneStates[zone].paging.failures = 0
            recordSuccess(now: now, zone: zone)
            ingest(answer.images, zone: zone, now: now)
            advanceSweep(zone: zone, now: now)
            if zoneStates[zone].paging.jumpToEndPending,
               !filter.applied.isEmpty || offset >= zoneStates[zone].paging.plan.lastOffset {
                followEnd(zone: zone)
            }
            loadMorePages(&effects)
        case .failure(.cancelled):
            zoneStates[zone].paging.plan.abandon(offset)
        case .failure(let error):
            zoneStates[zone].paging.plan.abandon(offset)
            zoneStates[zone].paging.failures += 1
            recordFailure(error, now: now, zone: zone)
            retryPagesLater(zone: zone, now: now, &effects)
        }
    }

    /// Each zone backs off on its own (2 s, 4 s, ... after its own failures); the one retry timer is set
    /// for the zone due first.
    mutating func retryPagesLater(zone: String, now: Date, _ effects: inout [BrowserEffect]) {
        zoneStates[zone].paging.isWaitingToRetry = true
        let delay = Browser.backoff(base: Browser.firstBackoff, failures: zoneStates[zone].paging.failures,
                                    cap: Browser.retryCap(refreshInterval: refresh.interval))
        zoneStates[zone].paging.retryAt = now.addingTimeInterval(delay.timeInterval)
        scheduleRetryTimer(now: now, &effects)
    }

    /// Sets the retry timer for the earliest ``PagingState/retryAt`` of the zones waiting to retry.
    private mutating func scheduleRetryTimer(now: Date, _ effects: inout [BrowserEffect]) {
        guard let due = zoneStates.compactMap({ $0.paging.isWaitingToRetry ? $0.paging.retryAt : nil }).min() else { return }
        pagingRetryGeneration += 1
        effects.append(.schedule(BrowserTimer(.retryLoading, generation: pagingRetryGeneration), after: Browser.delay(from: now, to: due)))
    }

    /// The retry timer fired: the zones due by now try again; the timer is set again for the others.
    mutating func retryWaitingPages(now: Date, _ effects: inout [BrowserEffect]) {
        var retrying = false
        for zone in options.zones where zoneStates[zone].paging.isWaitingToRetry && zoneStates[zone].paging.retryAt.map({ $0 <= now }) ?? true {
            zoneStates[zone].paging.isWaitingToRetry = false
            retrying = true
        }
        if retrying { loadMorePages(&effects) }
        scheduleRetryTimer(now: now, &effects)
    }

    /// After another request to `zone` succeeded its server is back: stop waiting to retry its pages.
    mutating func resumePagingIfWaiting(zone: String, _ effects: inout [BrowserEffect]) {
        guard zoneStates[zone].paging.isWaitingToRetry else { return }
        zoneStates[zone].paging.isWaitingToRetry = false
        zoneStates[zone].paging.failures = 0
        loadMorePages(&effects)
    }

    /// End and G: the last row now, and each zone's last page by offset when it is not loaded yet (the
    /// selection jumps to the end again once they arrive). With a filter the last match can be on any
    /// page: the selection follows the end of the list until every page is loaded.
    mutating func jumpToEnd(now: Date, _ effects: inout [BrowserEffect]) {
        select(index: listSlots.count - 1)
        guard !isFullyLoaded else { return }
        if !filter.applied.isEmpty {
            var loading = false
            for zone in options.zones
            where !zoneStates[zone].paging.plan.isComplete && zoneStates[zone].paging.plan.total.map({ $0 > 0 }) ?? false {
                zoneStates[zone].paging.jumpToEndPending = true
                loading = true
            }
            if loading { show("loading every page to find the last match…", now: now) }
            return
        }
        var loading = false
        for zone in options.zones {
            guard zoneStates[zone].paging.plan.total.map({ $0 > 0 }) ?? false else { continue }
            let last = zoneStates[zone].paging.plan.lastOffset
            guard !zoneStates[zone].paging.plan.hasRead(last) else { continue }
            zoneStates[zone].paging.jumpToEndPending = true
            loading = true
            if zoneStates[zone].paging.plan.take(last) { requestPage(at: last, zone: zone, &effects) }
        }
        if loading { show("loading the end of the list…", now: now) }
    }

    /// Movement cancels a pending jump to the end.
    mutating func cancelJumpToEnd() {
        for zone in options.zones { zoneStates[zone].paging.jumpToEndPending = false }
    }

    /// The selection on the last row for a pending End, once no zone's last page is still on its way;
    /// with a filter it follows every page and stays pending until every page is loaded.
    mutating func followEnd(zone: String) {
        if filter.applied.isEmpty { zoneStates[zone].paging.jumpToEndPending = false }
        if isFullyLoaded { cancelJumpToEnd() }
        if !filter.applied.isEmpty || !zoneStates.contains(where: \.paging.jumpToEndPending) { select(index: listSlots.count - 1) }
    }

    /// Near the end of what is loaded, make sure pages are on their way.
    mutating func loadAheadIfNearEnd(_ effects: inout [BrowserEffect]) {
        guard let index = selectedIndex, index >= listSlots.count - pageSize / 2, !isFullyLoaded else { return }
        loadMorePages(&effects)
    }
}
