import Foundation
import QingCloud
import Testing
@testable import ImageBrowser
import TerminalVocabulary

/// Refresh rounds that fail in part or in one zone: each zone on its own schedule, and a partial failure
/// said on screen.
@Suite("Refresh rounds that fail in part")
struct BrowserRoundFailureTests {
    @Test("a zone whose requests hang (retrying for half a minute) never delays the healthy zones' rounds")
    func slowZoneNeverHoldsBackTheOthers() {
        var harness = Harness(zones: BrowserZoneTests.zones())
        harness.answerAll()
        var roundsAsked: [String: Int] = [:]
        var sixthRoundAt = harness.now
        for round in 1...6 {
            #expect(harness.timers[.refresh]?.delay ?? .seconds(99) <= .seconds(5))
            let waiting = Set(harness.pending.map(\.id))
            harness.fire(.refresh)
            sixthRoundAt = harness.now
            let asked = harness.pending.filter { !waiting.contains($0.id) }
            for zone in Set(asked.compactMap(\.query.zone)) where asked.contains(where: {
                $0.query.zone == zone && $0.query.offset == 0 && $0.query.imageIDs.isEmpty
            }) {
                roundsAsked[zone, default: 0] += 1
            }
            // sh1a's requests stay unanswered (its client is still retrying); the others answer at once.
            for request in asked where request.query.zone != "sh1a" { harness.answer(request.id) }
            // The rounds' other sweep requests go out one every 0.5 s (the sixth round's are left to go).
            while round < 6, harness.timers[.sweep] != nil {
                let sent = Set(harness.pending.map(\.id))
                harness.fire(.sweep)
                for request in harness.pending where !sent.contains(request.id) && request.query.zone != "sh1a" {
                    harness.answer(request.id)
                }
            }
        }
        #expect(harness.now == sixthRoundAt)
        #expect(harness.now.timeIntervalSince(Fixtures.now) <= 30.5, "six rounds in 30 s")
        #expect(roundsAsked["pek3a"] == 6 && roundsAsked["gd2a"] == 6, "\(roundsAsked)")
        #expect(roundsAsked["sh1a"] == 1, "its one round is still waiting: \(roundsAsked)")
        #expect(harness.state.zoneStates["pek3a"].sweep.freshAsOf.map { harness.now.timeIntervalSince($0) <= 15 } == true,
                "the healthy zone's statuses stay fresh")
        let frame = harness.render(160, 40)
        #expect(frame.text(ofRow: 0).contains("oldest 30s · sweep behind"), "\(frame.text(ofRow: 0))")
        #expect(frame.text(ofRow: 1).contains("pek3a 255 · sh1a 125 30s · gd2a 40"), "only the stale zone shows its age: \(frame.text(ofRow: 1))")
    }

    @Test("a round in which one request failed says so, and ! shows why though the others worked")
    func partlyFailingRoundShown() {
        var harness = BrowserRefreshTests.loaded()
        harness.fire(.refresh)
        let asked = harness.pending.count
        let busy = QingCloudError.api(APIError(.serverBusy, message: "ServerBusy, please retry later"), hint: nil)
        harness.answerNext(with: .failure(busy))
        harness.answerAll()
        #expect(harness.state.health.error == nil, "the later requests worked")
        let counts = harness.render().text(ofRow: 1)
        #expect(counts.contains("1 of \(asked) failed · ! why"), "\(counts)")
        harness.press(.character("!"))
        guard case .error(let error, _) = harness.state.overlay else {
            Issue.record("! shows no error: \(String(describing: harness.state.overlay))")
            return
        }
        #expect(error.message.contains("ServerBusy"))

        harness.press(.escape)
        harness.fire(.refresh)
        harness.answerRounds()
        #expect(!harness.render().text(ofRow: 1).contains("failed"), "the next round worked")
    }

    @Test("zones that -z all skipped as faulty are named in the header")
    func faultyZonesNamed() {
        var state = BrowserState(options: BrowserOptions(
            endpointLabel: "api.example.test", zones: ["pek3a", "gd2a"], faultyZones: ["sh1a"]))
        _ = Browser.update(&state, .resize(TerminalSize(width: 160, height: 40)), now: Fixtures.now)
        #expect(Browser.render(state, now: Fixtures.now).text(ofRow: 1).contains("sh1a skipped: faulty"))
    }
}
