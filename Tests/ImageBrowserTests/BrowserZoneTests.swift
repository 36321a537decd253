import Foundation
import QingCloud
import Testing
@testable import ImageBrowser
import TerminalVocabulary

/// Several zones in one browser: each zone paged and refreshed on its own, images tagged with their zone,
/// a failing zone shown as failing without hiding the others.
@Suite("Browsing several zones")
struct BrowserZoneTests {
    /// pek3a and sh1a share the system images 1...5 (the same ids, as QingCloud's system images are);
    /// each zone also has its own.
    static func zones(_ counts: [Int] = [250, 120, 40]) -> [(zone: String, images: [Image])] {
        let shared = Fixtures.images(5)
        return [
            ("pek3a", shared + (1...counts[0]).map { Fixtures.image(100 + $0) }),
            ("sh1a", shared + (1...counts[1]).map { Fixtures.image(1_000 + $0) }),
            ("gd2a", (1...counts[2]).map { Fixtures.image(5_000 + $0) }),
        ]
    }

    @Test func everyZoneIsLoadedAndEveryImageKeepsItsZone() {
        var harness = Harness(zones: Self.zones())
        harness.answerAll()
        let catalog = harness.state.catalog
        #expect(catalog.count == 255 + 125 + 40)
        #expect(harness.state.isFullyLoaded)
        for zone in ["pek3a", "sh1a"] {
            #expect(catalog.image(forKey: zone + "/" + Fixtures.id(1))?.zone == zone)
        }
        #expect(catalog.image(forKey: Fixtures.id(1)) == nil, "an image is held under its zone and id")
        #expect(catalog.count(inZone: "gd2a") == 40)
        let header = harness.render(160, 40).text(ofRow: 1)
        #expect(header.contains("420 images · pek3a 255 · sh1a 125 · gd2a 40"), "\(header)")
        let titles = harness.render(160, 40).text(ofRow: 2)
        #expect(titles.contains("ID") && titles.contains("ZONE") && titles.contains("NAME"))
    }

    @Test func requestsInFlightAreBoundedForAllZonesTogether() {
        var harness = Harness(zones: Self.zones([900, 900, 900]))
        var most = harness.pending.count
        while !harness.pending.isEmpty {
            harness.answerNext()
            most = max(most, harness.pending.count)
        }
        #expect(most <= PagingState.multiZoneConcurrency)
        #expect(harness.state.catalog.count == 905 + 905 + 900)
    }

    @Test func aFailingZoneIsNamedAndTheOthersAreComplete() {
        var harness = Harness(zones: Self.zones(), failing: ["sh1a"])
        harness.answerAll()
        #expect(harness.state.catalog.count(inZone: "sh1a") == 0)
        #expect(harness.state.catalog.count(inZone: "pek3a") == 255)
        #expect(harness.state.catalog.count(inZone: "gd2a") == 40)
        #expect(harness.timers[.retryLoading] != nil, "the failing zone is retried later")
        let frame = harness.render(160, 40)
        #expect(frame.text(ofRow: 1).contains("pek3a 255 · sh1a ✗ · gd2a 40"), "\(frame.text(ofRow: 1))")
        #expect(frame.text(ofRow: 2).contains("zone sh1a: internal error"), "\(frame.text(ofRow: 2))")

        // The zone comes back: the retry loads it and the error goes.
        harness.failingZones = []
        harness.fire(.retryLoading)
        harness.answerAll()
        #expect(harness.state.catalog.count(inZone: "sh1a") == 125)
        #expect(harness.state.health.error == nil)
    }

    @Test func eachZoneBacksOffOnItsOwn() {
        var harness = Harness(zones: Self.zones([900, 120, 40]), failing: ["sh1a"])
        func answerZone(_ zone: String) {
            while let request = harness.pending.first(where: { $0.query.zone == zone }) { harness.answer(request.id) }
        }
        answerZone("sh1a")
        for _ in 0..<3 {
            harness.fire(.retryLoading)
            answerZone("sh1a")
        }
        #expect(harness.timers[.retryLoading]?.delay == .seconds(5), "sh1a has failed 4 times: 2, 4, then the cap (the refresh interval)")
        // pek3a fails once while sh1a waits: pek3a is due in 2 s, and only pek3a is asked then.
        harness.failingZones = ["sh1a", "pek3a"]
        harness.answer(harness.pending.first { $0.query.zone == "pek3a" }!.id)
        answerZone("pek3a")
        #expect(harness.timers[.retryLoading]?.delay == .seconds(2))
        harness.failingZones = ["sh1a"]
        harness.fire(.retryLoading)
        #expect(harness.pending.contains { $0.query.zone == "pek3a" })
        #expect(!harness.pending.contains { $0.query.zone == "sh1a" }, "sh1a is not due for 3 s more")
        #expect(harness.timers[.retryLoading]?.delay == .seconds(3))
        answerZone("pek3a")
        #expect(harness.state.catalog.count(inZone: "pek3a") == 905)
    }

    @Test func theFilterSelectsAZoneAndTheDetailNamesIt() {
        var harness = Harness(zones: Self.zones())
        harness.answerAll()
        harness.press(.character("/"))
        harness.type("zone:sh1a")
        #expect(harness.state.listSlots.count == 125)
        #expect(harness.state.listSlots.allSatisfy { harness.state.catalog.image(at: $0).zone == "sh1a" })
        let detail = harness.render(160, 40).text
        #expect(detail.contains("Zone        sh1a"), "\(detail)")
    }

    /// One zone shown: `zone:` names it or another; another matches nothing, and the browser says why.
    @Test func aZoneTermInAOneZoneBrowser() {
        var harness = Harness(images: (1...30).map { Fixtures.image($0) })
        harness.answerAll()
        harness.press(.character("/"))
        harness.type("zone:PEK3A")
        #expect(harness.state.listSlots.count == 30)
        #expect(harness.state.zoneNotOpenNote == nil)
        harness.press(.escape)
        harness.press(.character("/"))
        harness.type("zone:sh1a|gd2a")
        #expect(harness.state.listSlots.isEmpty)
        let note = "zone sh1a, gd2a not open: this browser shows only pek3a; open more with -z pek3a,sh1a,gd2a or -z all"
        #expect(harness.state.zoneNotOpenNote == note)
        #expect(harness.render().text(ofRow: 39).contains("✗ " + note))
        harness.press(.enter)
        #expect(harness.render().text(ofRow: 1).contains("filter zone:sh1a|gd2a (zone not open)"))
        harness.press(.character("/"))
        for _ in 0..<14 { harness.press(.backspace) }
        harness.type("!zone:sh1a")
        #expect(harness.state.listSlots.count == 30)
        #expect(harness.state.zoneNotOpenNote == nil)
    }

    @Test func aZoneTermForAZoneNotOpenAmongSeveralIsNamed() {
        var harness = Harness(zones: Self.zones())
        harness.answerAll()
        harness.press(.character("/"))
        harness.type("zone:sh1a|ap2a")
        #expect(harness.state.listSlots.count == 125)
        #expect(harness.state.zoneNotOpenNote
            == "zone ap2a not open: this browser shows pek3a, sh1a, gd2a; open more with -z pek3a,sh1a,gd2a,ap2a or -z all")
    }

    @Test func sortingByZoneIsOneOfTheColumns() {
        var harness = Harness(zones: Self.zones())
        harness.answerAll()
        let withZone = ImageField.standardColumns
        let withoutZone = withZone.filter { $0 != .zone }
        let order = SortOrder.serverDefault.moved(by: 1, among: withZone)
        #expect(SortOrder(column: .id, descending: false).moved(by: 1, among: withZone).column == .zone)
        #expect(SortOrder(column: .id, descending: false).moved(by: 1, among: withoutZone).column == .name)
        harness.state.setSort(SortOrder(column: .zone, descending: false), now: harness.now)
        let zones = harness.state.listSlots.map { harness.state.catalog.image(at: $0).zone ?? "" }
        #expect(zones == zones.sorted())
        #expect(order.column == .id)
    }

    @Test func liveRefreshAsksEveryZoneAndChangesOnlyThatZonesImage() {
        var harness = Harness(zones: Self.zones())
        harness.answerAll()
        harness.fire(.refresh)
        let zonesAsked = Set(harness.pending.compactMap(\.query.zone))
        #expect(zonesAsked == ["pek3a", "sh1a", "gd2a"])
        #expect(Set(harness.pending.filter { $0.query.offset == 0 && $0.query.imageIDs.isEmpty }.compactMap(\.query.zone)).count == 3)
        // The shared image 1 changes in sh1a only.
        harness.zoneServers["sh1a"]?.images[0].status = .deprecated
        harness.answerAll()
        #expect(harness.state.catalog.image(forKey: "sh1a/" + Fixtures.id(1))?.status == .deprecated)
        #expect(harness.state.catalog.image(forKey: "pek3a/" + Fixtures.id(1))?.status == .available)
    }

    @Test func refreshNowCoversEveryZone() {
        var harness = Harness(zones: Self.zones(), refresh: nil)
        harness.answerAll()
        harness.press(.character("r"))
        #expect(Set(harness.pending.compactMap(\.query.zone)) == ["pek3a", "sh1a", "gd2a"])
    }

    @Test func copyAndRawJSONUseTheImageOfTheZoneSelected() {
        var harness = Harness(zones: Self.zones())
        harness.answerAll()
        harness.press(.character("/"))
        harness.type("zone:sh1a " + Fixtures.id(1))
        harness.press(.enter, .character("c"))
        #expect(harness.copied == [Fixtures.id(1)])
        #expect(harness.state.selectedKey == "sh1a/" + Fixtures.id(1))
        harness.press(.character("y"))
        #expect(harness.render(160, 40).text.contains("\"image_id\" : \"\(Fixtures.id(1))\""))
    }

    /// pek3a and sh1a larger than a page, gd2a within one; every third image runs ubuntu. The first page
    /// of each zone is in, then `os:ubuntu` is applied.
    static func filteringUbuntuOverZones() -> Harness {
        func images(_ range: ClosedRange<Int>) -> [Image] {
            range.map { Fixtures.image($0, os: $0 % 3 == 0 ? "ubuntu" : "centos") }
        }
        var harness = Harness(zones: [("pek3a", images(1...900)), ("sh1a", images(1_001...1_600)),
                                      ("gd2a", images(5_001...5_040))])
        for _ in 0..<3 { harness.answerNext() }
        harness.press(.character("/"))
        harness.type("os:ubuntu")
        harness.press(.enter)
        return harness
    }

    @Test func theServerSearchReadsEachZoneNotLoadedToTheEndOneAfterTheOther() {
        var harness = Self.filteringUbuntuOverZones()
        #expect(harness.state.zoneStates["gd2a"].paging.plan.isComplete && !harness.state.isFullyLoaded)
        harness.fire(.searchDebounce)
        var zonesSearched: [String] = []
        var sawSh1aInHeader = false
        while let search = harness.pending.first(where: { !$0.query.osFamilies.isEmpty }) {
            let zone = search.query.zone ?? ""
            if zonesSearched.last != zone { zonesSearched.append(zone) }
            if zone == "sh1a" { sawSh1aInHeader = sawSh1aInHeader || harness.render(160, 40).text(ofRow: 1).contains("searching… sh1a") }
            harness.answer(search.id)
        }
        #expect(zonesSearched == ["pek3a", "sh1a"], "gd2a is fully loaded: nothing to ask the server there")
        #expect(sawSh1aInHeader)
        #expect(harness.state.listSlots.count == 300 + 200 + 14)
        #expect(harness.state.search?.isRunning == false)
        #expect(!harness.pending.isEmpty, "the background loading goes on")
    }

    @Test func aZoneTermKeepsTheServerSearchToTheZonesItNames() {
        for (filter, expected) in [("os:ubuntu zone:sh1a", ["sh1a"]), ("os:ubuntu !zone:pek3a", ["sh1a"]),
                                   ("os:ubuntu zone:gd2a|pek3a", ["pek3a"]), ("os:ubuntu zone:nowhere", [])] {
            var harness = Self.filteringUbuntuOverZones()
            harness.press(.character("/"))
            harness.press(.control("u"))
            harness.type(filter)
            harness.press(.enter)
            harness.fire(.searchDebounce)
            var zonesSearched: [String] = []
            while let search = harness.pending.first(where: { !$0.query.osFamilies.isEmpty }) {
                let zone = search.query.zone ?? ""
                if zonesSearched.last != zone { zonesSearched.append(zone) }
                harness.answer(search.id)
            }
            #expect(zonesSearched == expected, "\(filter)")
        }
    }

    @Test func endWithAFilterFollowsTheLastMatchUntilEveryZoneIsLoaded() {
        var harness = Self.filteringUbuntuOverZones()
        harness.press(.character("G"))
        #expect(harness.state.zoneStates["pek3a"].paging.jumpToEndPending && harness.state.zoneStates["sh1a"].paging.jumpToEndPending)
        harness.answerAll()
        #expect(harness.state.isFullyLoaded)
        #expect(harness.state.listSlots.count == 300 + 200 + 14)
        #expect(harness.state.zoneStates.allSatisfy { !$0.paging.jumpToEndPending })
        #expect(harness.state.selectedKey == harness.state.catalog.image(at: harness.state.listSlots.last!).key)
    }
}
