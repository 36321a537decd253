import Foundation
import QingCloud
import TerminalVocabulary

/// The browser's logic: one function that applies an event to the state and returns the effects to run,
/// and one that draws the state. Both are pure: time comes in as `now`, I/O goes out as effects.
public enum Browser {
    /// The pause after the last filter keystroke before the filter goes to the server.
    static let searchDebounce = Duration.milliseconds(250)
    /// How long the selection and the list stand still before the browser asks what uses the images
    /// shown: holding an arrow key asks nothing until it is let go.
    static let instanceDebounce = Duration.milliseconds(250)
    /// How long an answer about instances is kept when live refresh is off (otherwise one interval).
    static let instanceAnswerLifetimeWithoutRefresh = Duration.seconds(60)
    /// How long a changed cell stays highlighted.
    static let highlightDuration: TimeInterval = 5
    /// How long a footer message stays.
    static let messageDuration: TimeInterval = 3
    /// How long the footer shows the options' startup notice: long enough to read after the first rows.
    static let startupNoticeDuration: TimeInterval = 10
    /// The longest wait between retries after failures when live refresh is off (`r` retries at once).
    static let maximumBackoff = Duration.seconds(30)
    /// The shortest wait before retrying a failed page.
    static let firstBackoff = Duration.seconds(2)

    /// Starts loading the first page and the live refresh timer, and shows the startup notice, if any.
    public static func start(_ state: inout BrowserState, now: Date) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let notice = state.options.startupNotice {
            state.show(notice, kind: .warning, now: now, for: startupNoticeDuration)
        }
        if let sort = state.options.initialSort { state.catalog.sort(by: SortOrder(sort)) }
        let filter = state.options.initialFilter
        if !filter.isEmpty { state.setFilterText(filter, caret: filter.count, &effects) }
        state.loadMorePages(&effects)
        state.startRefreshing(now: now, &effects)
        state.finish(now: now, &effects)
        return effects
    }

    /// Applies one event; returns what to do next (requests, cancellations, timers, quit, copy).
    public static func update(_ state: inout BrowserState, _ event: BrowserEvent, now: Date) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        switch event {
        case .key(let key):
            state.handle(key, now: now, &effects)
        case .typed(let text):
            state.handleTyped(text, now: now, &effects)
        case .pasted(let text):
            state.handlePasted(text, now: now, &effects)
        case .resize(let size):
            state.size = TerminalSize(width: max(0, size.width), height: max(0, size.height))
        case .mouse(let mouse):
            state.handleMouse(mouse, now: now, &effects)
        case .fetched(let id, let result):
            state.handleFetched(id, result, now: now, &effects)
        case .instancesFetched(let id, let result):
            state.handleInstances(id, result, now: now)
        case .instancesCounted(let id, let result):
            state.handleInstanceCounts(id, result, now: now)
        case .timerFired(let timer):
            state.handleTimer(timer, now: now, &effects)
        case .copyRefused(let reason):
            state.show(reason, kind: .warning, now: now)
        case .commandEnded(let end):
            state.commandEnded(end, now: now)
        case .viewSaved(let view, let failure):
            state.handleViewSaved(view, failure: failure, now: now)
        case .settingsSaved(let outcome):
            state.handleSettingsSaved(outcome, now: now)
        }
        state.finish(now: now, &effects)
        return effects
    }

    /// Exponential backoff after `failures` consecutive failures (``Backoff``, as the client's retries),
    /// starting at `base` and never longer than `cap` (nor shorter than `base`).
    static func backoff(base: Duration, failures: Int, cap: Duration) -> Duration {
        Backoff.delay(base: base, failures: failures, cap: max(base, cap))
    }

    /// The longest wait before trying again after failures: the refresh interval, so that the browser
    /// finds a server that came back as soon as live refresh would have (and asks no more often than
    /// live refresh does); ``maximumBackoff`` when live refresh is off.
    static func retryCap(refreshInterval: Duration?) -> Duration {
        max(firstBackoff, refreshInterval ?? maximumBackoff)
    }

    /// The delay of a timer set at `now` for `due`, in whole milliseconds rounded up (never early).
    static func delay(from now: Date, to due: Date) -> Duration {
        .milliseconds(Int64((max(0, due.timeIntervalSince(now)) * 1000).rounded(.up)))
    }
}

extension BrowserState {
    mutating func handleFetched(
        _ id: RequestID, _ result: Result<ImagePage, QingCloudError>, now: Date, _ effects: inout [BrowserEffect]
    ) {
        if let zone = zoneStates.first(where: { $0.paging.inFlight[id] != nil })?.name,
           let offset = zoneStates[zone].paging.inFlight.removeValue(forKey: id) {
            handlePage(at: offset, zone: zone, result, now: now, &effects)
        } else if let zone = zoneStates.first(where: { $0.refresh.round?.pending[id] != nil })?.name,
                  let request = zoneStates[zone].refresh.round?.pending.removeValue(forKey: id) {
            handleRefresh(request, zone: zone, result, now: now, &effects)
        } else if search?.inFlight[id] != nil {
            handleSearch(id, result, now: now, &effects)
        }
    }

    mutating func handleTimer(_ timer: BrowserTimer, now: Date, _ effects: inout [BrowserEffect]) {
        switch timer.kind {
        case .searchDebounce:
            if timer.generation == filter.generation { startServerSearch(&effects) }
        case .refresh:
            if timer.generation == refresh.generation, !refresh.isPaused { startDueRounds(now: now, &effects) }
        case .sweep:
            if timer.generation == refresh.sweepGeneration { sendDueSweepRequests(now: now, &effects) }
        case .retryLoading:
            if timer.generation == pagingRetryGeneration { retryWaitingPages(now: now, &effects) }
        case .tick:
            if timer.generation == tick.generation { tick.deadline = nil }
        case .instances:
            if timer.generation == usage.generation { askAboutInstances(now: now, &effects) }
        }
    }

    /// Housekeeping after every event: drop what expired, keep the selection on screen, and schedule the
    /// next moment the screen changes by itself.
    mutating func finish(now: Date, _ effects: inout [BrowserEffect]) {
        highlights = highlights.filter { $0.value > now }
        if let message, message.until <= now { self.message = nil }
        dropVanishedMarks(now: now)
        keepSelectionVisible()
        keepScrollsInRange(now: now)
        scheduleInstanceQuestions(now: now, &effects)
        let deadline = nextScreenChange(after: now)
        guard deadline != tick.deadline else { return }
        tick.generation += 1
        tick.deadline = deadline
        if let deadline {
            let milliseconds = max(0, Int((deadline.timeIntervalSince(now) * 1000).rounded(.up)))
            effects.append(.schedule(BrowserTimer(.tick, generation: tick.generation), after: .milliseconds(milliseconds)))
        }
    }

    /// When the frame will next differ with no event: a highlight or the message expires, or an age on
    /// screen moves on (of the data in the header, next to an error, in the AGE column, in the detail
    /// pane). Nil when nothing will.
    func nextScreenChange(after now: Date) -> Date? {
        var candidates = Array(highlights.values)
        if let message { candidates.append(message.until) }
        if let error = health.error {
            candidates.append(TextFormat.nextAgeChange(since: error.at, now: now, showingSeconds: true))
            if let retry = nextRetry(after: now) { candidates.append(TextFormat.nextCountdownChange(to: retry, now: now)) }
        }
        if let success = health.lastSuccess {
            candidates.append(TextFormat.nextAgeChange(since: success, now: now, showingSeconds: true))
        }
        if let oldestRead {
            candidates.append(TextFormat.nextAgeChange(since: oldestRead, now: now, showingSeconds: true))
        }
        candidates += agesOnScreen().map { TextFormat.nextAgeChange(since: $0, now: now) }
        if let expiry = instanceAnswerExpiry() { candidates.append(expiry) }
        if let deletedAt = recoveryCountdownStart(now: now) {
            // The countdown shows whole minutes left of a window that is itself whole minutes long.
            let elapsed = now.timeIntervalSince(deletedAt)
            candidates.append(deletedAt.addingTimeInterval(((elapsed / 60).rounded(.down) + 1) * 60))
        }
        return candidates.filter { $0 > now }.min()
    }

    /// The times shown as ages: the AGE column of the rows on screen, and the selected image's creation
    /// and status times when the detail pane shows.
    private func agesOnScreen() -> [Date] {
        let geometry = self.geometry
        var times: [Date] = []
        if geometry.columns.contains(where: { $0.column == .createTime }) {
            for slot in listSlots.dropFirst(scrollTop).prefix(geometry.listRows) {
                if let created = catalog.createTime(at: slot) { times.append(created) }
            }
        }
        if geometry.columns.contains(where: { $0.column == .statusTime }) {
            for slot in listSlots.dropFirst(scrollTop).prefix(geometry.listRows) {
                if let changed = catalog.image(at: slot).statusTime { times.append(changed) }
            }
        }
        if geometry.layout.detail != nil, let row = selectedRow {
            times += [row.createTime, row.statusTime].compactMap { $0 }
        }
        return times
    }

    /// When the selected image was deleted, if the detail pane counts down its recovery window.
    private func recoveryCountdownStart(now: Date) -> Date? {
        guard geometry.layout.detail != nil, let row = selectedRow, row.statusKind == .deleted, let deletedAt = row.statusTime,
              now < deletedAt.addingTimeInterval(DetailContent.recoveryWindow) else { return nil }
        return deletedAt
    }

    mutating func show(_ text: String, kind: TransientMessage.Kind = .info, now: Date,
                       for duration: TimeInterval = Browser.messageDuration) {
        message = TransientMessage(text: text, kind: kind, until: now.addingTimeInterval(duration))
    }

    /// When the browser next asks the server on its own after a failure (a page retry in any zone or the
    /// next refresh round), if it will; nil when only `r` would.
    func nextRetry(after now: Date) -> Date? {
        var times: [Date] = zoneStates.compactMap { $0.paging.isWaitingToRetry ? $0.paging.retryAt : nil }
        if !refresh.isPaused {
            times += zoneStates.compactMap { $0.refresh.round == nil ? $0.refresh.nextRoundAt : nil }
        }
        return times.filter { $0 >= now }.min()
    }

    /// A request to `zone` succeeded: its error is over, and the header's error line with it
    /// unless another zone is still failing.
    mutating func recordSuccess(now: Date, zone: String) {
        health.lastSuccess = now
        zoneStates[zone].error = nil
        health.error = zoneStates.compactMap(\.error).max { $0.at < $1.at }
    }

    /// A request to `zone` failed; with several zones the message names the zone.
    mutating func recordFailure(_ error: QingCloudError, now: Date, zone: String) {
        let prefix = options.isMultiZone ? "zone \(zone): " : ""
        let failure = ConnectionError(
            message: Sanitizer.forDisplay(prefix + error.description), kind: FailureKind(error), at: now
        )
        zoneStates[zone].error = failure
        health.error = failure
        health.lastFailure = failure
    }
}
