import Foundation
import QingCloud

/// Live refresh: every interval, re-query the images on screen and those in transition (by id), and the
/// first page (new images, the total); merge by id; remove images that disappeared. With several zones,
/// each zone is asked for its own images and its own first page.
extension BrowserState {
    /// At most this many images in transition are re-queried per round, beyond those on screen.
    static let maximumTransitionRefresh = 1_000

    /// The next round after the interval; after failed rounds backing off no further than
    /// ``Browser/retryCap(refreshInterval:)``, so that a server that came back is found within about one
    /// interval.
    mutating func scheduleNextRefresh(now: Date, _ effects: inout [BrowserEffect]) {
        guard let interval = refresh.interval, !refresh.isPaused else { return }
        refresh.generation += 1
        let delay = refresh.failures == 0
            ? interval : Browser.backoff(base: interval, failures: refresh.failures, cap: Browser.retryCap(refreshInterval: interval))
        refresh.nextRoundAt = now.addingTimeInterval(delay.timeInterval)
        effects.append(.schedule(BrowserTimer(.refresh, generation: refresh.generation), after: delay))
    }

    /// The keys of the images a refresh asks for: the rows on screen and the selection first, then every
    /// image in transition.
    var refreshTargets: [String] {
        var ids: [String] = []
        var seen: Set<String> = []
        func add(_ id: String) {
            if seen.insert(id).inserted { ids.append(id) }
        }
        let onScreen = listSlots.dropFirst(scrollTop).prefix(geometry.listRows)
        for slot in onScreen { add(catalog.key(at: slot)) }
        if let selectedKey { add(selectedKey) }
        catalog.idsInTransition(limit: Self.maximumTransitionRefresh).forEach(add)
        return ids
    }

    mutating func startRefreshRound(_ effects: inout [BrowserEffect]) {
        guard refresh.round == nil else { return }
        refresh.generation += 1
        var round = RefreshRound()
        var idsByZone = [[String]](repeating: [], count: options.zones.count)
        for key in refreshTargets {
            guard let image = catalog.image(forKey: key) else { continue }
            idsByZone[image.zone.flatMap(options.zones.firstIndex(of:)) ?? 0].append(image.id)
        }
        for (zone, ids) in idsByZone.enumerated() {
            for start in stride(from: 0, to: ids.count, by: ImageQuery.maximumLimit) {
                let chunk = Array(ids[start..<min(start + ImageQuery.maximumLimit, ids.count)])
                requestRefresh(.ids(chunk, zone: zone), in: &round, &effects)
            }
        }
        for zone in options.zones.indices { requestRefresh(.firstPage(zone: zone), in: &round, &effects) }
        refresh.round = round
    }

    private mutating func requestRefresh(
        _ request: RefreshRound.Request, in round: inout RefreshRound, _ effects: inout [BrowserEffect]
    ) {
        let id = newRequestID()
        round.pending[id] = request
        switch request {
        case .ids(let ids, let zone):
            effects.append(.fetch(id, ImageQuery(imageIDs: ids, limit: ImageQuery.maximumLimit, zone: options.requestZone(zone))))
        case .firstPage(let zone):
            effects.append(.fetch(id, ImageQuery(offset: 0, limit: pageSize, zone: options.requestZone(zone))))
        }
    }

    mutating func handleRefresh(
        _ request: RefreshRound.Request, _ result: Result<ImagePage, QingCloudError>, now: Date,
        _ effects: inout [BrowserEffect]
    ) {
        let zone: Int
        switch request {
        case .ids(_, let requested), .firstPage(let requested): zone = requested
        }
        /// The keys the browser holds the images of this zone under.
        func keys(_ ids: [String]) -> [String] {
            ids.map { Image.key(id: $0, zone: options.requestZone(zone)) }
        }
        switch (request, result) {
        case (.ids(let ids, _), .success(let answer)):
            recordSuccess(now: now, zone: zone)
            ingest(answer.images, zone: zone, now: now)
            let returned = Set(answer.images.map(\.id))
            removeImages(keys(ids.filter { !returned.contains($0) }))
        case (.firstPage, .success(let answer)):
            recordSuccess(now: now, zone: zone)
            pagings[zone].plan.receive(answer, at: 0)
            ingest(answer.images, zone: zone, now: now)
            loadMorePages(&effects)
        case (.ids(let ids, _), .failure(.api(let error, _))) where error.returnCode == .resourceNotFound:
            // The API refuses a query naming an image that no longer exists: split the ids until the
            // missing ones are alone, and those are gone.
            if ids.count == 1 {
                removeImages(keys(ids))
            } else if var round = refresh.round {
                let half = ids.count / 2
                requestRefresh(.ids(Array(ids[..<half]), zone: zone), in: &round, &effects)
                requestRefresh(.ids(Array(ids[half...]), zone: zone), in: &round, &effects)
                refresh.round = round
            }
        case (_, .failure(.cancelled)):
            break
        case (_, .failure(let error)):
            refresh.round?.failure = error.description
            recordFailure(error, now: now, zone: zone)
        }
        if health.zoneErrors[zone] == nil { resumePagingIfWaiting(zone: zone, &effects) }
        finishRoundIfDone(now: now, &effects)
    }

    private mutating func finishRoundIfDone(now: Date, _ effects: inout [BrowserEffect]) {
        guard let round = refresh.round, round.pending.isEmpty else { return }
        refresh.round = nil
        refresh.failures = round.failure == nil ? 0 : refresh.failures + 1
        scheduleNextRefresh(now: now, &effects)
        loadMorePages(&effects)
    }

    /// `r`: refresh now (also when paused or when live refresh is off).
    mutating func refreshNow(now: Date, _ effects: inout [BrowserEffect]) {
        guard refresh.round == nil else {
            show("a refresh is already running", now: now)
            return
        }
        startRefreshRound(&effects)
        show("refreshing…", now: now)
    }

    /// `p`: pause or resume live refresh.
    mutating func togglePause(now: Date, _ effects: inout [BrowserEffect]) {
        guard refresh.interval != nil else {
            show("live refresh is off (start with --refresh SECONDS)", kind: .warning, now: now)
            return
        }
        refresh.isPaused.toggle()
        if refresh.isPaused {
            refresh.generation += 1
            show("live refresh paused", now: now)
        } else {
            show("live refresh resumed", now: now)
            if refresh.round == nil { startRefreshRound(&effects) }
        }
    }
}
