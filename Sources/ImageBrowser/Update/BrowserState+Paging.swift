import Foundation
import QingCloud

/// Loading the catalogue page by page: the first page at once, then the rest in the background, a few
/// at a time; End asks for the last page out of turn. With several zones each zone is paged on its own,
/// side by side, under one bound on the pages in flight for all of them together.
extension BrowserState {
    var pageSize: Int { options.pageSize }

    var isFullyLoaded: Bool { pagings.allSatisfy { $0.isComplete(pageSize: pageSize) } }

    /// The images every zone reported in all, once at least one has; nil before.
    var totalCount: Int? {
        let known = pagings.compactMap(\.totalCount)
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    /// Pages in flight at once over every zone.
    private var pagingConcurrency: Int {
        options.isMultiZone ? PagingState.multiZoneConcurrency : PagingState.backgroundConcurrency
    }

    /// Requests the next pages not loaded yet, zone after zone in turn (the zone with the fewest pages
    /// loaded or asked for first, so that every zone moves on), keeping ``pagingConcurrency`` in flight;
    /// a zone whose total is not known yet gets its first page first.
    mutating func loadMorePages(_ effects: inout [BrowserEffect]) {
        var inFlight = pagings.reduce(0) { $0 + $1.inFlight.count }
        let progress = pagings.map { $0.loadedPages.count + $0.inFlight.count }
        let zonesByProgress = pagings.indices.sorted { (progress[$0], $0) < (progress[$1], $1) }
        var nextPage = [Int](repeating: 0, count: pagings.count)
        var requested = true
        while inFlight < pagingConcurrency, requested {
            requested = false
            for zone in zonesByProgress where inFlight < pagingConcurrency && !pagings[zone].isWaitingToRetry {
                guard let pageCount = pagings[zone].pageCount(pageSize: pageSize) else {
                    if pagings[zone].inFlight.isEmpty {
                        requestPage(0, zone: zone, &effects)
                        inFlight += 1
                    }
                    continue
                }
                let asked = Set(pagings[zone].inFlight.values)
                var page = nextPage[zone]
                while page < pageCount, pagings[zone].loadedPages.contains(page) || asked.contains(page) { page += 1 }
                if page < pageCount {
                    requestPage(page, zone: zone, &effects)
                    inFlight += 1
                    requested = true
                    page += 1
                }
                nextPage[zone] = page
            }
        }
    }

    mutating func requestPage(_ page: Int, zone: Int, _ effects: inout [BrowserEffect]) {
        let id = newRequestID()
        pagings[zone].inFlight[id] = page
        effects.append(.fetch(id, ImageQuery(offset: page * pageSize, limit: pageSize, zone: options.requestZone(zone))))
    }

    mutating func handlePage(
        _ page: Int, zone: Int, _ result: Result<ImagePage, QingCloudError>, now: Date, _ effects: inout [BrowserEffect]
    ) {
        switch result {
        case .success(let answer):
            pagings[zone].totalCount = answer.totalCount
            pagings[zone].loadedPages.insert(page)
            pagings[zone].failures = 0
            recordSuccess(now: now, zone: zone)
            ingest(answer.images, zone: zone, now: now)
            if pagings[zone].jumpToEndPending, let pageCount = pagings[zone].pageCount(pageSize: pageSize),
               page >= pageCount - 1 {
                pagings[zone].jumpToEndPending = false
                if !pagings.contains(where: \.jumpToEndPending) { select(index: view.count - 1) }
            }
            loadMorePages(&effects)
        case .failure(.cancelled):
            break
        case .failure(let error):
            pagings[zone].failures += 1
            recordFailure(error, now: now, zone: zone)
            retryPagesLater(zone: zone, &effects)
        }
    }

    mutating func retryPagesLater(zone: Int, _ effects: inout [BrowserEffect]) {
        pagings[zone].isWaitingToRetry = true
        pagingRetryGeneration += 1
        let delay = Browser.backoff(base: Browser.firstBackoff, failures: pagings[zone].failures)
        effects.append(.schedule(BrowserTimer(.retryLoading, generation: pagingRetryGeneration), after: delay))
    }

    /// The retry timer fired: every zone waiting to retry tries again.
    mutating func retryWaitingPages(_ effects: inout [BrowserEffect]) {
        guard pagings.contains(where: \.isWaitingToRetry) else { return }
        for zone in pagings.indices { pagings[zone].isWaitingToRetry = false }
        loadMorePages(&effects)
    }

    /// After another request to `zone` succeeded its server is back: stop waiting to retry its pages.
    mutating func resumePagingIfWaiting(zone: Int, _ effects: inout [BrowserEffect]) {
        guard pagings[zone].isWaitingToRetry else { return }
        pagings[zone].isWaitingToRetry = false
        pagings[zone].failures = 0
        loadMorePages(&effects)
    }

    /// End and G: the last row now, and each zone's last page by offset when it is not loaded yet (the
    /// selection jumps to the end again once they arrive).
    mutating func jumpToEnd(now: Date, _ effects: inout [BrowserEffect]) {
        select(index: view.count - 1)
        var loading = false
        for zone in pagings.indices {
            guard let pageCount = pagings[zone].pageCount(pageSize: pageSize), pageCount > 0 else { continue }
            let last = pageCount - 1
            guard !pagings[zone].loadedPages.contains(last) else { continue }
            pagings[zone].jumpToEndPending = true
            loading = true
            if !pagings[zone].inFlight.values.contains(last) { requestPage(last, zone: zone, &effects) }
        }
        if loading { show("loading the end of the list…", now: now) }
    }

    /// Movement cancels a pending jump to the end.
    mutating func cancelJumpToEnd() {
        for zone in pagings.indices { pagings[zone].jumpToEndPending = false }
    }

    /// Near the end of what is loaded, make sure pages are on their way.
    mutating func loadAheadIfNearEnd(_ effects: inout [BrowserEffect]) {
        guard let index = selectedIndex, index >= view.count - pageSize / 2, !isFullyLoaded else { return }
        loadMorePages(&effects)
    }
}
