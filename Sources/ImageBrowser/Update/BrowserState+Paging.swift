import Foundation
import QingCloud

/// Loading the catalogue page by page: the first page at once, then the rest in the background, a few
/// at a time; End asks for the last page out of turn.
extension BrowserState {
    var pageSize: Int { options.pageSize }

    var isFullyLoaded: Bool { paging.plan.isComplete }

    /// Requests the pages the plan wants next, keeping ``PagingState/backgroundConcurrency`` in flight.
    mutating func loadMorePages(_ effects: inout [BrowserEffect]) {
        guard !paging.isWaitingToRetry else { return }
        for offset in paging.plan.take(upTo: PagingState.backgroundConcurrency - paging.inFlight.count) {
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
            if paging.jumpToEndPending, offset >= paging.plan.lastOffset {
                paging.jumpToEndPending = false
                select(index: view.count - 1)
            }
            loadMorePages(&effects)
        case .failure(.cancelled):
            paging.plan.abandon(offset)
        case .failure(let error):
            paging.plan.abandon(offset)
            paging.failures += 1
            recordFailure(error, now: now)
            retryPagesLater(&effects)
        }
    }

    mutating func retryPagesLater(_ effects: inout [BrowserEffect]) {
        paging.isWaitingToRetry = true
        paging.retryGeneration += 1
        let delay = Browser.backoff(base: Browser.firstBackoff, failures: paging.failures)
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
    /// jumps to the end again once it arrives).
    mutating func jumpToEnd(now: Date, _ effects: inout [BrowserEffect]) {
        select(index: view.count - 1)
        guard paging.plan.total.map({ $0 > 0 }) ?? false else { return }
        let last = paging.plan.lastOffset
        guard !paging.plan.hasRead(last) else { return }
        paging.jumpToEndPending = true
        if paging.plan.take(last) { requestPage(at: last, &effects) }
        show("loading the end of the list…", now: now)
    }

    /// Near the end of what is loaded, make sure pages are on their way.
    mutating func loadAheadIfNearEnd(_ effects: inout [BrowserEffect]) {
        guard let index = selectedIndex, index >= view.count - pageSize / 2, !isFullyLoaded else { return }
        loadMorePages(&effects)
    }
}
