import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

@Suite("Browser live refresh")
struct BrowserRefreshTests {
    static func loaded(_ count: Int = 250, size: TerminalSize = TerminalSize(width: 120, height: 40)) -> Harness {
        var harness = Harness(images: Fixtures.images(count), size: size)
        harness.answerAll()
        return harness
    }

    static func changeStatus(_ harness: inout Harness, _ number: Int, to status: ImageStatus,
                               transition: TransitionStatus? = nil) {
        let index = harness.server.images.firstIndex { $0.id == Fixtures.id(number) }!
        harness.server.images[index].status = status
        harness.server.images[index].transitionStatus = transition
    }

    @Test("a refresh asks by id for the rows on screen and every image in transition, and the first page")
    func refreshTargets() {
        var harness = Harness(images: Fixtures.images(400).map { image in
            var image = image
            if image.id == Fixtures.id(300) { image.transitionStatus = .deleting }
            return image
        })
        harness.answerAll()
        harness.fire(.refresh)
        let byID = harness.pending.filter { !$0.query.imageIDs.isEmpty }
        #expect(byID.count == 1)
        let rows = harness.state.geometry.listRows
        #expect(byID[0].query.imageIDs == (1...rows).map(Fixtures.id) + [Fixtures.id(300)])
        #expect(harness.pending.contains { $0.query.imageIDs.isEmpty && $0.query.offset == 0 })
    }

    @Test("requests by id carry at most 100 ids")
    func chunksOf100() {
        var harness = Harness(images: Fixtures.images(250).map { image in
            var image = image
            image.transitionStatus = .creating
            return image
        })
        harness.answerAll()
        harness.fire(.refresh)
        #expect(harness.pending.map(\.query.imageIDs.count).filter { $0 > 0 }.sorted() == [50, 100, 100])
    }

    @Test("a changed status merges in place, is highlighted for 5 s, and selection and scroll stay")
    func mergeAndHighlight() {
        var harness = Self.loaded(size: TerminalSize(width: 80, height: 24))
        harness.press(.pageDown, .down)
        let selected = harness.selectedKey
        let scroll = harness.state.scrollTop
        let onScreen = harness.visibleIDs[scroll]
        let number = Int(onScreen.dropFirst(4))!
        Self.changeStatus(&harness, number, to: .suspended, transition: .suspending)
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.selectedKey == selected)
        #expect(harness.state.scrollTop == scroll)
        #expect(harness.state.catalog.image(forKey: onScreen)?.status == .suspended)
        #expect(harness.state.highlights[HighlightKey(imageID: onScreen, field: .status)] == harness.now.addingTimeInterval(5))
        let listRow = harness.render(80, 24).row(3)
        #expect(listRow.contains { $0.style == Theme.changed })
        // The header's "updated 0s ago" wakes the screen every second; the highlight is gone after 5.
        #expect(harness.timers[.tick]?.delay == .seconds(1))
        let started = harness.now
        harness.answerRounds()
        #expect(harness.state.zoneStates["pek3a"].refresh.nextRoundAt == started.addingTimeInterval(5),
                "the next round an interval after this one started")
        harness.advance(4)
        harness.fire(.tick)
        #expect(harness.state.highlights.isEmpty)
        #expect(!harness.render(80, 24).row(3).contains { $0.style == Theme.changed })
    }

    @Test("new images from the first page appear without moving the selected image on screen")
    func newImagesKeepSelection() {
        var harness = Self.loaded(size: TerminalSize(width: 80, height: 24))
        harness.press(.down, .down)
        let selected = harness.selectedKey
        let screenRow = harness.state.selectedIndex! - harness.state.scrollTop
        harness.server.images.insert(Fixtures.image(9_999, name: "brand new", ageInHours: 0.1), at: 0)
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.visibleIDs.first == Fixtures.id(9_999))
        #expect(harness.selectedKey == selected)
        #expect(harness.state.selectedIndex! - harness.state.scrollTop == screenRow)
        #expect(harness.state.paging.totalCount == 251)
    }

    @Test("an image that disappears is removed and the selection moves to its neighbour")
    func disappearedImage() {
        var harness = Self.loaded()
        harness.press(.down, .down, .down)
        #expect(harness.selectedKey == Fixtures.id(4))
        harness.server.images.removeAll { $0.id == Fixtures.id(4) }
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.state.catalog.image(forKey: Fixtures.id(4)) == nil)
        #expect(harness.selectedKey == Fixtures.id(5))
        #expect(harness.state.health.error == nil)
    }

    @Test("a server that just omits unknown ids gives the same result")
    func disappearedImageOmitted() {
        var harness = Self.loaded()
        harness.server.rejectsUnknownIDs = false
        harness.press(.end)
        harness.server.images.removeAll { $0.id == Fixtures.id(250) }
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.selectedKey == Fixtures.id(249))
        #expect(!harness.visibleIDs.contains(Fixtures.id(250)))
    }

    @Test("an image that ceases is removed unless the filter asks for ceased images")
    func ceasedImage() {
        var harness = Self.loaded()
        Self.changeStatus(&harness, 2, to: .ceased)
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.state.catalog.image(forKey: Fixtures.id(2)) == nil)
        #expect(harness.render().text(ofRow: 1).contains("249 images · 1 ceased hidden"))

        var filtered = Self.loaded()
        filtered.press(.character("/"))
        filtered.type("status:ceased|available")
        filtered.press(.enter)
        Self.changeStatus(&filtered, 2, to: .ceased)
        filtered.fire(.refresh)
        filtered.answerAll()
        #expect(filtered.state.catalog.image(forKey: Fixtures.id(2))?.status == .ceased)
        #expect(filtered.visibleIDs.contains(Fixtures.id(2)))
    }

    @Test("a failed refresh keeps the data, shows the error, its age and when the next try is, and tries again after the interval")
    func failureRetriesWithinTheInterval() {
        var harness = Self.loaded()
        let before = harness.visibleIDs
        let refused = QingCloudError.transport(TransportFailure(kind: .connectionRefused, endpoint: "http://127.0.0.1:1/iaas", detail: ""))
        harness.fire(.refresh)
        while !harness.pending.isEmpty { harness.answerNext(with: .failure(refused)) }
        #expect(harness.visibleIDs == before)
        #expect(harness.timers[.refresh]?.delay == .seconds(5))
        let header = harness.render().text(ofRow: 2)
        #expect(header.contains("connection refused"))
        #expect(header.contains("failed 0s ago · next try in 5s · data 5s old"))
        harness.advance(2.5)
        #expect(harness.render().text(ofRow: 2).contains("failed 2s ago · next try in 3s · data 7s old"))
        // While the next round's requests are out (the client may be retrying them), it says so.
        harness.fire(.refresh)
        #expect(harness.render().text(ofRow: 2).contains("· trying again… ·"))
        while !harness.pending.isEmpty { harness.answerNext(with: .failure(refused)) }
        for _ in 1...4 {
            harness.fire(.refresh)
            while !harness.pending.isEmpty { harness.answerNext(with: .failure(refused)) }
            #expect(harness.timers[.refresh]?.delay == .seconds(5))
        }
        harness.advance(120)
        #expect(harness.render().text(ofRow: 2).contains("failed 2m ago · r retries · data 2m old"))
        harness.fire(.refresh)
        let started = harness.now
        harness.answerRounds()
        #expect(harness.state.health.error == nil)
        #expect(harness.state.zoneStates["pek3a"].refresh.nextRoundAt == started.addingTimeInterval(5))
        #expect(!harness.render().text.contains("connection refused"))
    }

    @Test("after an outage of any length the browser finds the server again within one refresh interval",
          arguments: [5.0, 20.0, 40.0, 90.0])
    func recoveryAfterAnOutage(outage: TimeInterval) throws {
        var harness = Harness(images: Fixtures.images(250))
        harness.answerNext()
        let refused = QingCloudError.transport(TransportFailure(kind: .connectionRefused, endpoint: "http://127.0.0.1:1/iaas", detail: ""))
        let serverBack = harness.now.addingTimeInterval(outage)
        /// The browser's next try on its own: the timer and when it fires.
        func nextTry(_ state: BrowserState) -> (kind: BrowserTimer.Kind, at: Date)? {
            var tries: [(BrowserTimer.Kind, Date)] = []
            if state.paging.isWaitingToRetry, let at = state.paging.retryAt { tries.append((.retryLoading, at)) }
            if state.zoneStates["pek3a"].refresh.round == nil, let at = state.zoneStates["pek3a"].refresh.nextRoundAt { tries.append((.refresh, at)) }
            return tries.min { $0.1 < $1.1 }
        }
        // The server is down: every request fails until it is back.
        harness.answerAll(with: .failure(refused))
        while let next = nextTry(harness.state), next.at < serverBack {
            harness.now = next.at
            let timer = harness.timers.removeValue(forKey: next.kind)
            harness.send(.timerFired(try #require(timer).timer))
            harness.answerAll(with: .failure(refused))
        }
        harness.now = serverBack
        let next = try #require(nextTry(harness.state))
        let wait = next.at.timeIntervalSince(serverBack)
        #expect(wait <= 5, "found again \(wait) s after the server came back")
        #expect(harness.render().text(ofRow: 2).contains("next try in \(Int(wait.rounded(.up)))s"))
    }

    @Test("with live refresh off, page retries back off to 30 s at most, and say when")
    func retriesWithRefreshOff() {
        var harness = Harness(images: Fixtures.images(250), refresh: nil)
        harness.answerNext()
        let busy = QingCloudError.api(APIError(code: 5100, message: "ServerBusy"), hint: nil)
        var delays: [Duration] = []
        for _ in 1...6 {
            harness.answerAll(with: .failure(busy))
            delays.append(harness.timers[.retryLoading]!.delay)
            harness.fire(.retryLoading)
        }
        // Both pages in flight fail each time: the delay doubles twice per try.
        #expect(delays == [.seconds(4), .seconds(16), .seconds(30), .seconds(30), .seconds(30), .seconds(30)])
        harness.answerAll(with: .failure(busy))
        #expect(harness.render().text(ofRow: 2).contains("next try in 30s"))
    }

    @Test("while an error shows, the screen wakes every second for the countdown and the ages")
    func errorAgeTicks() {
        var harness = Self.loaded()
        harness.fire(.refresh)
        let busy = QingCloudError.api(APIError(.internalError, message: "InternalError"), hint: nil)
        while !harness.pending.isEmpty { harness.answerNext(with: .failure(busy)) }
        #expect(harness.timers[.tick]?.delay == .seconds(1))
        harness.fire(.tick)
        #expect(harness.render().text(ofRow: 2).contains("failed 1s ago · next try in 4s · data 6s old"))
        #expect(harness.timers[.tick]?.delay == .seconds(1))
    }

    @Test("p pauses: the timer is ignored; p again refreshes at once; r refreshes now")
    func pauseAndRefreshNow() {
        var harness = Self.loaded()
        let timer = harness.timers[.refresh]!.timer
        harness.press(.character("p"))
        #expect(harness.state.refresh.isPaused)
        #expect(harness.render().text(ofRow: 0).contains("PAUSED"))
        harness.send(.timerFired(timer))
        #expect(harness.pending.isEmpty)
        harness.press(.character("p"))
        #expect(!harness.pending.isEmpty)
        harness.answerRounds()
        harness.press(.character("r"))
        let asked = harness.pending.count
        #expect(asked == 3, "by id, the first page, the sweep's first page (at 0)")
        harness.press(.character("r"))
        #expect(harness.pending.count == asked)
        let started = harness.now
        harness.answerAll()
        var sweepPages: [Int] = []
        while harness.timers[.sweep] != nil {
            harness.fire(.sweep)
            sweepPages += harness.pending.compactMap(\.query.offset)
            harness.answerAll()
        }
        #expect(sweepPages == [92, 184], "the sweep's other pages, one every 0.5 s")
        #expect(harness.now == started.addingTimeInterval(1.5))
        #expect(harness.state.zoneStates["pek3a"].refresh.nextRoundAt == started.addingTimeInterval(5))
    }

    @Test("the sweep's requests go out the budget's share a second (2 by default), not a round's 10 together")
    func sweepRequestsSpreadOverTheRound() {
        var harness = Harness(images: Fixtures.images(3_000))
        harness.answerAll()
        var sentAt: [Date] = []
        let end = harness.now.addingTimeInterval(60)
        while harness.now < end {
            let zone = harness.state.zoneStates["pek3a"]
            let next: (BrowserTimer.Kind, Date)? = zone.refresh.round?.nextSweepAt.map { (.sweep, $0) }
                ?? zone.refresh.nextRoundAt.map { (.refresh, $0) }
            guard let (kind, due) = next, let timer = harness.timers[kind]?.timer else {
                Issue.record("no round or sweep request to come at \(harness.now)")
                return
            }
            harness.advance(due.timeIntervalSince(harness.now))
            harness.send(.timerFired(timer))
            let round = harness.state.zoneStates["pek3a"].refresh.round
            let sweeps = harness.pending.filter { request in
                switch round?.pending[request.id] {
                case .sweepPage?, .verify?: true
                default: false
                }
            }
            sentAt += Array(repeating: harness.now, count: sweeps.count)
            harness.answerAll()
        }
        let busiestSecond = sentAt.map { start in sentAt.filter { $0 >= start && $0 < start.addingTimeInterval(1) }.count }.max()
        #expect(busiestSecond == 2, "at most 2 sweep requests in any second")
        // A pass of 3,000 images is 33 pages: three whole rounds and 3 requests of a fourth (whose slots
        // after the end go unspent), so 12 rounds send about 99.
        #expect(sentAt.count >= 95, "the budget is spent: \(sentAt.count) sweep requests in 60 s")
    }

    @Test("r while a round's sweep requests are still to go out (its answers all in) refreshes at once")
    func refreshNowDuringTheSweep() {
        var harness = Self.loaded()
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.state.zoneStates["pek3a"].refresh.round?.nextSweepAt != nil, "the round's sweep goes on")
        harness.press(.character("r"))
        #expect(harness.pending.count == 3, "by id, the first page, the sweep's first page")
        #expect(harness.state.zoneStates["pek3a"].refresh.lastRound == RoundOutcome(requested: 3, failed: 0),
                "the round before ended with what it had sent")
    }

    @Test("with refresh off no timer runs, but r still refreshes")
    func refreshOff() {
        var harness = Harness(images: Fixtures.images(10), refresh: nil)
        harness.answerAll()
        #expect(harness.timers[.refresh] == nil)
        #expect(harness.render().text(ofRow: 0).contains("refresh off · oldest 0s"))
        harness.advance(60 * 60 - 1)
        harness.fire(.tick)
        #expect(harness.render().text(ofRow: 0).contains("refresh off · oldest 1h"))
        #expect(harness.render(40, 12).text(ofRow: 0).hasPrefix(" qcimages  pek3a"))
        #expect(!harness.render(40, 12).text(ofRow: 0).contains("oldest"))
        harness.press(.character("r"))
        #expect(harness.pending.count == 3, "by id, the first page, the sweep's one page")
        harness.answerRounds()
        #expect(harness.timers[.refresh] == nil)
        #expect(harness.render().text(ofRow: 0).contains("refresh off · oldest 0s"))
    }

    @Test("an idle, healthy screen changes only where the data's age in seconds moves on, and wakes for that")
    func idleFrameStable() {
        var harness = Self.loaded()
        harness.fire(.refresh)
        harness.answerRounds()
        let first = harness.render()
        #expect(first.text(ofRow: 0).contains("live · every 5s · oldest 1s"), "the pass began with the round, 1.5 s ago")
        let deadline = harness.state.tick.deadline ?? .distantFuture
        #expect(deadline > harness.now && deadline <= harness.now.addingTimeInterval(1))
        harness.advance(deadline.timeIntervalSince(harness.now) - 0.01)
        #expect(harness.render() == first)
        harness.advance(11.01)
        let later = harness.render()
        #expect(later.text(ofRow: 0).contains("live · every 5s · oldest 13s"))
        #expect((1..<40).allSatisfy { later.text(ofRow: $0) == first.text(ofRow: $0) })
        harness.advance(48)
        #expect(harness.render().text(ofRow: 0).contains("live · every 5s · oldest 1m"))
    }

    @Test("with refresh off, an age in the AGE column and in the detail pane moves on by itself")
    func agesTickWithRefreshOff() {
        var harness = Harness(images: [Fixtures.image(1, ageInHours: 30.0 / 3600, statusAgeInMinutes: 0.5)] + Fixtures.images(5).dropFirst(),
                              size: TerminalSize(width: 160, height: 40), refresh: nil)
        harness.answerAll()
        #expect(harness.render(160, 40).text(ofRow: 3).contains("<1m"))
        #expect(harness.timers[.refresh] == nil)
        // The header's "updated 0s ago" wakes the screen every second; 30 s on, the ages moved on too.
        #expect(harness.timers[.tick]?.delay == .seconds(1))
        harness.advance(29)
        harness.fire(.tick)
        let frame = harness.render(160, 40)
        #expect(frame.text(ofRow: 3).contains(" 1m"))
        #expect((0..<40).contains { frame.text(ofRow: $0).contains("1m ago") })
    }

    @Test("the recovery countdown of a deleted image is redrawn every minute")
    func recoveryCountdownTicks() {
        let deleted = Fixtures.image(1, status: .deleted, statusAgeInMinutes: 90.5)
        var harness = Harness(images: [deleted] + Fixtures.images(3).dropFirst(),
                              size: TerminalSize(width: 160, height: 40), refresh: nil)
        harness.answerAll()
        func countdown() -> String? {
            let frame = harness.render(160, 40)
            return (0..<40).map { frame.text(ofRow: $0) }.first { $0.contains("left to recover") }
        }
        #expect(countdown()?.contains("30m left") == true)
        harness.advance(29)
        harness.fire(.tick)
        #expect(countdown()?.contains("29m left") == true)
    }

    @Test("the filter and sort survive a refresh")
    func filterAndSortSurvive() {
        var harness = Self.loaded()
        harness.press(.character("s"))
        harness.press(.character("/"))
        harness.type("image-1")
        harness.press(.enter)
        let before = harness.visibleIDs
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.visibleIDs == before)
        #expect(harness.state.catalog.order.column == .id)
    }
}
