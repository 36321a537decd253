import Foundation
import QingCloud

/// Live refresh, zone by zone: every interval each zone re-queries the images on screen and those in
/// transition (by id) and its first page (new images, the total), and reads a few more pages of its
/// rolling sweep (see ``RefreshSweep``) within ``RefreshState/sweepRate``; answers merge by id, images
/// that disappeared are removed. Each zone has its own round and schedule, so a zone whose requests are
/// slow or failing never holds back the others' rounds.
extension BrowserState {
    /// At most this many images in transition are re-queried per round, beyond those on screen.
    static let maximumTransitionRefresh = 1_000

    /// Sweep requests in one round of a zone: the budget over one interval (5 s for `r` with refresh
    /// off), at least one.
    var sweepRequestsPerRound: Int {
        let seconds = (refresh.interval ?? .seconds(5)).timeInterval
        return max(1, Int((refresh.sweepRate * seconds).rounded(.down)))
    }

    /// Starts every zone's first pass (the background load) and schedules every zone's first round.
    mutating func startRefreshing(now: Date, _ effects: inout [BrowserEffect]) {
        for zone in options.zones {
            zoneStates[zone].sweep.startPass(now: now)
            scheduleNextRefresh(zone: zone, now: now, &effects)
        }
    }

    /// The zone's next round an interval after the start of the one that just ended (`roundStart`; now
    /// when nil), not before now: a round's sweep requests are spread over its interval. After failed
    /// rounds it backs off from now, no further than ``Browser/retryCap(refreshInterval:)``, so that a
    /// server that came back is found within about one interval.
    mutating func scheduleNextRefresh(zone: String, now: Date, roundStart: Date? = nil, _ effects: inout [BrowserEffect]) {
        guard let interval = refresh.interval, !refresh.isPaused else { return }
        let failures = zoneStates[zone].refresh.failures
        zoneStates[zone].refresh.nextRoundAt = failures == 0
            ? max(now, (roundStart ?? now).addingTimeInterval(interval.timeInterval))
            : now.addingTimeInterval(Browser.backoff(
                base: interval, failures: failures, cap: Browser.retryCap(refreshInterval: interval)).timeInterval)
        scheduleRefreshTimer(now: now, &effects)
    }

    /// Sets the one refresh timer for the zone whose round is due first.
    private mutating func scheduleRefreshTimer(now: Date, _ effects: inout [BrowserEffect]) {
        guard !refresh.isPaused,
              let due = zoneStates.compactMap({ $0.refresh.round == nil ? $0.refresh.nextRoundAt : nil }).min()
        else { return }
        refresh.generation += 1
        effects.append(.schedule(BrowserTimer(.refresh, generation: refresh.generation), after: Browser.delay(from: now, to: due)))
    }

    /// The refresh timer fired: the zones due by now start their rounds; the timer is set again for the others.
    mutating func startDueRounds(now: Date, _ effects: inout [BrowserEffect]) {
        for zone in options.zones where zoneStates[zone].refresh.round == nil
            && zoneStates[zone].refresh.nextRoundAt.map({ $0 <= now }) ?? false {
            startRefreshRound(zone: zone, now: now, &effects)
        }
        scheduleRefreshTimer(now: now, &effects)
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

    /// One round of `zone`: its images on screen and in transition by id, its first page,
    /// and its sweep's next requests.
    mutating func startRefreshRound(zone: String, now: Date, _ effects: inout [BrowserEffect]) {
        guard zoneStates[zone].refresh.round == nil else { return }
        zoneStates[zone].refresh.nextRoundAt = nil
        var round = RefreshRound(startedAt: now)
        var ids: [String] = []
        for key in refreshTargets {
            guard let image = catalog.image(forKey: key),
                  zoneHolding(image) == zone else { continue }
            ids.append(image.id)
        }
        for chunk in Self.chunks(of: ids) { requestRefresh(.ids(chunk), zone: zone, in: &round, &effects) }
        requestRefresh(.firstPage, zone: zone, in: &round, &effects)
        if zoneStates[zone].paging.plan.isComplete { round.sweepLeft = sweepRequestsPerRound }
        requestNextSweep(zone: zone, now: now, in: &round, &effects)
        zoneStates[zone].refresh.round = round
        scheduleSweepTimer(now: now, &effects)
    }

    /// The zone whose round refreshes `image`: its zone tag with several zones, the one zone otherwise.
    private func zoneHolding(_ image: Image) -> String {
        image.zone.flatMap { options.zones.contains($0) ? $0 : nil } ?? options.zones[0]
    }

    /// `ids` in requests of at most ``ImageQuery/maximumLimit``.
    private static func chunks(of ids: [String]) -> [[String]] {
        stride(from: 0, to: ids.count, by: ImageQuery.maximumLimit).map { start in
            Array(ids[start..<min(start + ImageQuery.maximumLimit, ids.count)])
        }
    }

    /// The round's next sweep request, while it may send one: the pass's ids to check once it read the
    /// listing to its end; otherwise a page that failed, then the next page from the cursor. The one after
    /// goes out 1/``RefreshState/sweepRate`` seconds later (the ``BrowserTimer/Kind/sweep`` timer), so
    /// that a second never sees more than the budget's share. Nothing while the background load (the
    /// first pass) is still reading: the round then has no sweep requests to send.
    private mutating func requestNextSweep(zone: String, now: Date, in round: inout RefreshRound, _ effects: inout [BrowserEffect]) {
        round.nextSweepAt = nil
        guard round.sweepLeft > 0 else { return }
        var sweep = zoneStates[zone].sweep
        if sweep.passStartedAt == nil { sweep.startPass(now: now) }
        let request: RefreshRound.Request
        if sweep.reachedEnd, !sweep.toVerify.isEmpty {
            let chunk = Array(sweep.toVerify.prefix(ImageQuery.maximumLimit))
            sweep.toVerify.removeFirst(chunk.count)
            request = .verify(chunk)
        } else if !sweep.reachedEnd, let offset = sweep.retry.popLast() {
            request = .sweepPage(offset)
        } else if !sweep.reachedEnd, sweep.cursor < sweep.total ?? zoneStates[zone].paging.totalCount ?? 0 {
            request = .sweepPage(sweep.cursor)
            sweep.cursor += ImageQuery.maximumLimit - RefreshSweep.overlap
        } else {
            round.sweepLeft = 0
            zoneStates[zone].sweep = sweep
            return
        }
        zoneStates[zone].sweep = sweep
        requestRefresh(request, zone: zone, in: &round, &effects)
        round.sweepLeft -= 1
        if round.sweepLeft > 0 { round.nextSweepAt = now.addingTimeInterval(1 / refresh.sweepRate) }
    }

    /// Sets the one sweep timer for the zone whose next sweep request is due first.
    private mutating func scheduleSweepTimer(now: Date, _ effects: inout [BrowserEffect]) {
        guard let due = zoneStates.compactMap({ $0.refresh.round?.nextSweepAt }).min() else { return }
        refresh.sweepGeneration += 1
        effects.append(.schedule(BrowserTimer(.sweep, generation: refresh.sweepGeneration), after: Browser.delay(from: now, to: due)))
    }

    /// The sweep timer fired: each zone whose next sweep request is due sends it (a round that has none
    /// left to send and no answer to wait for ends); the timer is set again for the next.
    mutating func sendDueSweepRequests(now: Date, _ effects: inout [BrowserEffect]) {
        for zone in options.zones {
            guard var round = zoneStates[zone].refresh.round, let due = round.nextSweepAt, due <= now else { continue }
            requestNextSweep(zone: zone, now: now, in: &round, &effects)
            zoneStates[zone].refresh.round = round
            finishRoundIfDone(zone: zone, now: now, &effects)
        }
        scheduleSweepTimer(now: now, &effects)
    }

    private mutating func requestRefresh(
        _ request: RefreshRound.Request, zone: String, in round: inout RefreshRound, _ effects: inout [BrowserEffect]
    ) {
        let id = newRequestID()
        round.pending[id] = request
        round.requested += 1
        let requestZone = options.requestZone(zone)
        switch request {
        case .ids(let ids), .verify(let ids):
            effects.append(.fetch(id, ImageQuery(imageIDs: ids, limit: ImageQuery.maximumLimit, zone: requestZone)))
        case .firstPage:
            effects.append(.fetch(id, ImageQuery(offset: 0, limit: pageSize, zone: requestZone)))
        case .sweepPage(let offset):
            effects.append(.fetch(id, ImageQuery(offset: offset, limit: ImageQuery.maximumLimit, zone: requestZone)))
        }
    }

    mutating func handleRefresh(
        _ request: RefreshRound.Request, zone: String, _ result: Result<ImagePage, QingCloudError>, now: Date,
        _ effects: inout [BrowserEffect]
    ) {
        /// The keys the browser holds the images of this zone under.
        func keys(_ ids: [String]) -> [String] {
            ids.map { Image.key(id: $0, zone: options.requestZone(zone)) }
        }
        switch (request, result) {
        case (.ids(let ids), .success(let answer)), (.verify(let ids), .success(let answer)):
            recordSuccess(now: now, zone: zone)
            ingest(answer.images, zone: zone, now: now)
            let returned = Set(answer.images.map(\.id))
            removeImages(keys(ids.filter { !returned.contains($0) }))
        case (.firstPage, .success(let answer)):
            recordSuccess(now: now, zone: zone)
            zoneStates[zone].paging.plan.receive(answer, at: 0)
            zoneStates[zone].sweep.total = answer.totalCount
            ingest(answer.images, zone: zone, now: now)
            loadMorePages(&effects)
        case (.sweepPage, .success(let answer)):
            recordSuccess(now: now, zone: zone)
            zoneStates[zone].sweep.total = answer.totalCount
            ingest(answer.images, zone: zone, now: now)
        case (.ids(let ids), .failure(.api(let error, _))) where error.returnCode == .resourceNotFound,
             (.verify(let ids), .failure(.api(let error, _))) where error.returnCode == .resourceNotFound:
            // The API refuses a query naming an image that no longer exists: split the ids until the
            // missing ones are alone, and those are gone.
            if ids.count == 1 {
                removeImages(keys(ids))
            } else if var round = zoneStates[zone].refresh.round {
                let half = ids.count / 2
                requestRefresh(.ids(Array(ids[..<half])), zone: zone, in: &round, &effects)
                requestRefresh(.ids(Array(ids[half...])), zone: zone, in: &round, &effects)
                zoneStates[zone].refresh.round = round
            }
        case (_, .failure(.cancelled)):
            break
        case (_, .failure(let error)):
            zoneStates[zone].refresh.round?.failed += 1
            // A failing zone is asked no more sweep pages this round.
            zoneStates[zone].refresh.round?.sweepLeft = 0
            zoneStates[zone].refresh.round?.nextSweepAt = nil
            switch request {
            case .sweepPage(let offset): zoneStates[zone].sweep.retry.append(offset)
            case .verify(let ids): zoneStates[zone].sweep.toVerify += ids
            case .ids, .firstPage: break
            }
            recordFailure(error, now: now, zone: zone)
        }
        if zoneStates[zone].error == nil { resumePagingIfWaiting(zone: zone, &effects) }
        finishRoundIfDone(zone: zone, now: now, &effects)
    }

    private mutating func finishRoundIfDone(zone: String, now: Date, _ effects: inout [BrowserEffect]) {
        guard let round = zoneStates[zone].refresh.round, round.pending.isEmpty, round.nextSweepAt == nil else { return }
        zoneStates[zone].refresh.round = nil
        zoneStates[zone].refresh.lastRound = RoundOutcome(requested: round.requested, failed: round.failed)
        zoneStates[zone].refresh.failures = round.failed == 0 ? 0 : zoneStates[zone].refresh.failures + 1
        advanceSweep(zone: zone, now: now)
        scheduleNextRefresh(zone: zone, now: now, roundStart: round.startedAt, &effects)
        loadMorePages(&effects)
    }

    /// Moves the zone's pass on once nothing of it is in flight: once the listing is read to its end the
    /// images held that no answer brought are to be checked by id; once they are, the pass is complete.
    /// The first pass is the background load: it reaches the end when every page is read.
    mutating func advanceSweep(zone: String, now: Date) {
        guard zoneStates[zone].paging.plan.isComplete, zoneStates[zone].refresh.round == nil else { return }
        var sweep = zoneStates[zone].sweep
        guard sweep.passStartedAt != nil else { return }
        let total = sweep.total ?? zoneStates[zone].paging.totalCount ?? 0
        if !sweep.reachedEnd, sweep.retry.isEmpty, sweep.freshAsOf == nil || sweep.cursor >= total {
            sweep.reachedEnd = true
            sweep.toVerify = catalog.keys(inZone: options.requestZone(zone))
                .filter { !sweep.seen.contains($0) }
                .compactMap { catalog.image(forKey: $0)?.id }
        }
        if sweep.reachedEnd, sweep.toVerify.isEmpty { sweep.completePass(now: now) }
        zoneStates[zone].sweep = sweep
    }

    /// When the oldest status on hand was read, over every zone that answered (see
    /// ``RefreshSweep/oldestRead``); a zone that never did holds no status.
    public var oldestRead: Date? {
        zoneStates.filter { $0.paging.totalCount != nil }.compactMap(\.sweep.oldestRead).min()
    }

    /// How many images of each status the browser holds (ceased ones are left out), to compare with the
    /// server's own totals.
    public var statusCounts: [ImageStatus: Int] {
        var counts: [ImageStatus: Int] = [:]
        for slot in catalog.sorted { counts[catalog.row(at: slot).statusKind, default: 0] += 1 }
        return counts
    }

    /// How many images the browser holds.
    public var imageCount: Int { catalog.count }

    /// Whether some zone's statuses are older than its sweep should let them be: twice a full pass at
    /// the budget, plus an interval. Never with refresh off (there is no sweep then).
    func isSweepBehind(now: Date) -> Bool {
        options.zones.contains { isSweepBehind(zone: $0, now: now) }
    }

    /// Whether `zone`'s statuses are older than its sweep should let them be.
    func isSweepBehind(zone: String, now: Date) -> Bool {
        guard let interval = refresh.interval?.timeInterval, !refresh.isPaused,
              let oldest = zoneStates[zone].sweep.oldestRead, let total = zoneStates[zone].paging.totalCount
        else { return false }
        let step = Double(ImageQuery.maximumLimit - RefreshSweep.overlap)
        let rounds = (Double(total) / step / Double(sweepRequestsPerRound)).rounded(.up) + 1
        return now.timeIntervalSince(oldest) > 2 * rounds * interval + interval
    }

    /// The requests of every zone's last finished round, and how many of them failed.
    var lastRounds: RoundOutcome {
        zoneStates.compactMap(\.refresh.lastRound).reduce(RoundOutcome(requested: 0, failed: 0)) {
            RoundOutcome(requested: $0.requested + $1.requested, failed: $0.failed + $1.failed)
        }
    }

    /// `r`: refresh now every zone whose round is not waiting for answers (also when paused or when live
    /// refresh is off).
    /// A zone whose round has no request in flight, only sweep requests still to send, counts as idle:
    /// its round ends there (its unsent sweep requests are not sent) and a new one starts.
    mutating func refreshNow(now: Date, _ effects: inout [BrowserEffect]) {
        let idle = options.zones.filter { zoneStates[$0].refresh.round?.pending.isEmpty ?? true }
        guard !idle.isEmpty else {
            show("a refresh is already running", now: now)
            return
        }
        for zone in idle {
            zoneStates[zone].refresh.round?.sweepLeft = 0
            zoneStates[zone].refresh.round?.nextSweepAt = nil
            finishRoundIfDone(zone: zone, now: now, &effects)
            startRefreshRound(zone: zone, now: now, &effects)
        }
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
            for zone in options.zones where zoneStates[zone].refresh.round == nil {
                startRefreshRound(zone: zone, now: now, &effects)
            }
        }
    }
}
