import Foundation
import QingCloud

/// Loading the catalogue page by page: the first page at once, then the rest in the background, a few
/// at a time; End asks for the last page out of turn.
extension BrowserState {
    var pageSize: Int { options.pageSize }

    var isFullyLoaded: Bool { paging.plan.isComplete }

    /// Requests the pages the plan wants next, keeping ``PagingState/backgroundConcurrency`` in flight
    /// with the server search's pages (which go first: they answer what the user is looking for).
    mutating func loadMorePages(_ effects: inout [BrowserEffect]) {
        guard !paging.isWaitingToRetry else { return }
        let room = PagingState.backgroundConcurrency - (search?.inFlight.count ?? 0) - paging.inFlight.count
        for offset in paging.plan.take(upTo: room) {
            requestPage(at: offset, &effects)
        }
    }

    /// Sends the request for the page at `offset`, which the plan counts as in flight.
    mutating func requestPage(at offset: Int, _ effects: inout [BrowserEffect]) {
        let id = newRequestID()
        paging.inFlight[id] = offset
        effects.append(.fetch(id, ImageQuery(offset: offset, limit: pageSize)))
    }

    mutating func handlePage(
        at offset: Int, _ result: Result<ImagePage, QingCloudError>, now: Date, _ effects: inout [BrowserEffect]
    ) {
        switch result {
        case .success(let answer):
            paging.plan.receive(answer, at: offset)
            paging.failures = 0
            recordSuccess(now: now)
            ingest(answer.images, now: now)
            noteShortPage(answer, at: offset, &effects)
            if paging.jumpToEndPending, filter.applied.isEmpty ? offset >= paging.plan.lastOffset : true {
                followEnd()
            }
            loadMorePages(&effects)
        case .failure(.cancelled):
            paging.plan.abandon(offset)
        case .failure(let error):
            paging.plan.abandon(offset)
            paging.failures += 1
            recordFailure(error, now: now)
            retryPagesLater(now: now, &effects)
        }
    }

    /// A page with fewer images than its own total promises is asked once more; still short, it counts
    /// as missing images, which the header shows once every page is read.
    mutating func noteShortPage(_ answer: ImagePage, at offset: Int, _ effects: inout [BrowserEffect]) {
        let promised = min(pageSize, max(0, answer.totalCount - offset))
        guard answer.images.count < promised else {
            paging.missingByOffset[offset] = nil
            return
        }
        if paging.askedAgain.insert(offset).inserted {
            requestPage(at: offset, &effects)
        } else {
            paging.missingByOffset[offset] = promised - answer.images.count
        }
    }

    mutating func retryPagesLater(now: Date, _ effects: inout [BrowserEffect]) {
        paging.isWaitingToRetry = true
        paging.retryGeneration += 1
        let delay = Browser.backoff(base: Browser.firstBackoff, failures: paging.failures,
                                    cap: Browser.retryCap(refreshInterval: refresh.interval))
        paging.retryAt = now.addingTimeInterval(delay.timeInterval)
        effects.append(.schedule(BrowserTimer(.retryLoading, generation: paging.retryGeneration), after: delay))
    }

    /// After another request succeeded the server is back: stop waiting to retry pages.
    mutating func resumePagingIfWaiting(_ effects: inout [BrowserEffect]) {
        guard paging.isWaitingToRetry else { return }
        paging.isWaitingToRetry = false
        paging.failures = 0
        loadMorePages(&effects)
    }

    /// End and G: the last row now, and the last page by offset when it is not loaded yet (the selection
    /// jumps to the end again once it arrives). With a filter the last match can be on any page: the
    /// selection follows the end of the list until every page is loaded.
    mutating func jumpToEnd(now: Date, _ effects: inout [BrowserEffect]) {
        select(index: view.count - 1)
        guard !isFullyLoaded, paging.plan.total.map({ $0 > 0 }) ?? false else { return }
        if !filter.applied.isEmpty {
            paging.jumpToEndPending = true
            show("loading every page to find the last match…", now: now)
            return
        }
        let last = paging.plan.lastOffset
        guard !paging.plan.hasRead(last) else { return }
        paging.jumpToEndPending = true
        if paging.plan.take(last) { requestPage(at: last, &effects) }
        show("loading the end of the list…", now: now)
    }

    /// The selection on the last row for a pending End; it stays pending, with a filter, until every
    /// page is loaded.
    mutating func followEnd() {
        select(index: view.count - 1)
        if filter.applied.isEmpty || isFullyLoaded { paging.jumpToEndPending = false }
    }

    /// Near the end of what is loaded, make sure pages are on their way.
    mutating func loadAheadIfNearEnd(_ effects: inout [BrowserEffect]) {
        guard let index = selectedIndex, index >= view.count - pageSize / 2, !isFullyLoaded else { return }
        loadMorePages(&effects)
    }
}
