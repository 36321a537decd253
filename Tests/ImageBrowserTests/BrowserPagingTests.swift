import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

@Suite("Browser paging")
struct BrowserPagingTests {
    @Test("start asks for the first page of 100 and nothing else")
    func startLoadsFirstPage() {
        let harness = Harness(images: Fixtures.images(250))
        #expect(harness.pending.count == 1)
        #expect(harness.pending[0].query.offset == 0)
        #expect(harness.pending[0].query.limit == 100)
        #expect(harness.pending[0].query.imageIDs.isEmpty)
        #expect(harness.timers[.refresh]?.delay == .seconds(5))
    }

    @Test("the first page shows at once, the rest loads in the background two at a time")
    func firstPageThenBackground() {
        var harness = Harness(images: Fixtures.images(450))
        harness.answerNext()
        #expect(harness.visibleIDs.count == 100)
        #expect(harness.selectedKey == Fixtures.id(1))
        #expect(harness.state.paging.totalCount == 450)
        // Pages overlap by 8 images so that a shift of the catalogue between two requests leaves no gap.
        #expect(harness.pending.map { $0.query.offset } == [92, 184])
        harness.answerNext()
        #expect(harness.pending.map { $0.query.offset } == [184, 276])
        harness.answerAll()
        #expect(harness.visibleIDs == Fixtures.images(450).map(\.id))
        #expect(harness.state.isFullyLoaded)
    }

    @Test("the header says how many exist while pages are still loading")
    func headerNeverCapsSilently() {
        var harness = Harness(images: Fixtures.images(9_870))
        harness.answerNext()
        #expect(harness.render().text(ofRow: 1).contains("100 of 9,870 loaded"))
        harness.answerAll()
        #expect(harness.render().text(ofRow: 1).contains("9,870 images"))
    }

    @Test("End loads the last page by offset and jumps to the last image when it arrives")
    func endLoadsLastPage() {
        var harness = Harness(images: Fixtures.images(1_050))
        harness.answerNext()
        harness.press(.end)
        #expect(harness.selectedKey == Fixtures.id(100))
        let last = harness.pending.last
        #expect(last?.query.offset == 1_012)
        #expect(harness.state.paging.jumpToEndPending)
        harness.answer(last!.id)
        #expect(harness.selectedKey == Fixtures.id(1_050))
        #expect(harness.state.selectedIndex == harness.state.listSlots.count - 1)
        #expect(!harness.state.paging.jumpToEndPending)
    }

    @Test("moving after End cancels the pending jump")
    func movingCancelsJump() {
        var harness = Harness(images: Fixtures.images(1_050))
        harness.answerNext()
        harness.press(.character("G"))
        let last = harness.pending.last!
        harness.press(.up)
        harness.answer(last.id)
        #expect(harness.selectedKey == Fixtures.id(99))
    }

    @Test("PgDn, Ctrl-B, g and G move over the whole list")
    func pageKeys() {
        var harness = Harness(images: Fixtures.images(300), size: TerminalSize(width: 80, height: 24))
        harness.answerAll()
        let rows = harness.state.geometry.listRows
        harness.press(.pageDown)
        #expect(harness.state.selectedIndex == rows)
        #expect(harness.state.scrollTop == rows)
        harness.press(.control("f"), .control("b"))
        #expect(harness.state.selectedIndex == rows)
        harness.press(.character("G"))
        #expect(harness.selectedKey == Fixtures.id(300))
        #expect(harness.state.scrollTop == 300 - rows)
        harness.press(.character("g"))
        #expect(harness.selectedKey == Fixtures.id(1))
        #expect(harness.state.scrollTop == 0)
        harness.press(.up, .character("k"))
        #expect(harness.selectedKey == Fixtures.id(1))
        harness.press(.down, .character("j"))
        #expect(harness.selectedKey == Fixtures.id(3))
    }

    @Test("a failed page keeps what is loaded, shows the error and retries with growing delays")
    func pageFailureBacksOff() throws {
        var harness = Harness(images: Fixtures.images(250))
        harness.answerNext()
        let failure = QingCloudError.api(APIError(.serverBusy, message: "ServerBusy, try later"), hint: nil)
        harness.answerNext(with: .failure(failure))
        #expect(harness.visibleIDs.count == 100)
        #expect(harness.state.health.error?.message.contains("server busy") == true)
        #expect(harness.timers[.retryLoading]?.delay == .seconds(2))
        #expect(harness.render().text(ofRow: 2).contains("server busy"))
        harness.answerNext(with: .failure(failure))
        #expect(harness.timers[.retryLoading]?.delay == .seconds(4))
        #expect(harness.pending.isEmpty)
        harness.fire(.retryLoading)
        #expect(harness.pending.map { $0.query.offset } == [92, 184])
        harness.answerAll()
        #expect(harness.state.health.error == nil)
        #expect(harness.visibleIDs.count == 250)
    }

    @Test("an empty zone says so")
    func emptyZone() {
        var harness = Harness(images: [])
        harness.answerAll()
        #expect(harness.state.listSlots.isEmpty)
        #expect(harness.render().text.contains("no images in zone pek3a"))
    }
}

/// The browser pages through the client's ``PagePlan``, so a catalogue that shifts between page
/// requests loses it no image.
@Suite("Browser paging under churn")
struct BrowserPagingChurnTests {
    @Test("images created and ceased between page requests: the browser ends with every image listed")
    func churnBetweenPages() {
        var harness = Harness(images: Fixtures.images(1_000), refresh: nil)
        var created = 2_000
        var round = 0
        while !harness.pending.isEmpty {
            // Before each answer: three images near the top cease (every later one moves up by three) and
            // two new ones appear first (every later one moves down by two).
            round += 1
            for _ in 0..<3 where harness.server.images.count > 10 {
                harness.server.images.remove(at: 5 + round % 7)
            }
            for _ in 0..<2 {
                created += 1
                harness.server.images.insert(Fixtures.image(created, ageInHours: 0), at: 0)
            }
            harness.answerNext()
        }
        // The new images above the first page come with the refresh of the first page.
        harness.press(.character("r"))
        harness.answerAll()
        let loaded = Set(harness.visibleIDs)
        let missing = harness.server.images.map(\.id).filter { !loaded.contains($0) }
        #expect(harness.state.isFullyLoaded)
        #expect(missing.isEmpty, "\(missing.count) listed images never loaded: \(missing.prefix(5))")
    }
}

/// Issue 11: G with a filter while pages load, and where new rows appear.
@Suite("Browser list ends")
struct BrowserListEndTests {
    @Test("G with a filter while pages are loading ends on the last match of the whole catalogue")
    func lastMatchWithFilter() {
        var harness = Harness(images: Fixtures.images(1_000), refresh: nil)
        harness.answerNext()
        harness.press(.character("/"))
        // The last match, image-599, is on a page in the middle; the last page holds no match.
        harness.type("image-5")
        harness.press(.enter, .character("G"))
        #expect(harness.state.paging.jumpToEndPending)
        harness.answerAll()
        #expect(harness.state.isFullyLoaded)
        #expect(harness.selectedKey == Fixtures.id(599))
        #expect(harness.state.selectedIndex == harness.state.listSlots.count - 1)
        #expect(!harness.state.paging.jumpToEndPending)
    }

    @Test("with the selection on the first row, a new image appears above it in view")
    func newImageAboveTheTop() {
        var harness = Harness(images: Fixtures.images(250))
        harness.answerAll()
        #expect(harness.state.selectedIndex == 0)
        harness.server.images.insert(Fixtures.image(9_999, name: "brand new", ageInHours: 0.1), at: 0)
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.selectedKey == Fixtures.id(1))
        #expect(harness.state.scrollTop == 0)
        #expect(harness.render().text.contains("brand new"))
        #expect(harness.render().text(ofRow: 39).hasSuffix("2/251 "))
    }

    @Test("Esc clearing a filter shows the rows above the selection when they fit")
    func clearingTheFilterShowsRowsAbove() {
        var harness = Harness(images: Fixtures.images(250))
        harness.answerAll()
        harness.press(.character("/"))
        harness.type("image-2")
        harness.press(.enter, .down)
        let selected = harness.selectedKey
        #expect(harness.state.selectedIndex == 1)
        harness.press(.escape)
        #expect(harness.selectedKey == selected)
        #expect(harness.state.selectedIndex! < harness.state.geometry.listRows)
        #expect(harness.state.scrollTop == 0)
    }
}

@Suite("Browser paging against a server whose total promises more than it sends")
struct BrowserIncompletePagingTests {
    @Test("a short page is asked again, then the header says the list is incomplete")
    func incompleteMarker() {
        var harness = Harness(images: Fixtures.images(200))
        let short: (ImageQuery) -> ImagePage = { query in
            let offset = query.offset ?? 0
            let images = Array(Fixtures.images(200).dropFirst(offset).prefix(query.limit ?? 100))
            return ImagePage(totalCount: 250, images: images)
        }
        var asked: [Int] = []
        while let request = harness.pending.first {
            asked.append(request.query.offset ?? 0)
            harness.answerNext(with: .success(short(request.query)))
        }
        let askedTwice = asked.filter { offset in asked.filter { $0 == offset }.count == 2 }
        #expect(Set(askedTwice) == [asked.max()!], "the last page was asked twice: \(asked)")
        #expect(harness.state.isFullyLoaded)
        #expect(harness.state.paging.missing == 50)
        let header = harness.render().text(ofRow: 1)
        #expect(header.contains("200 images · INCOMPLETE: the server counts 250, 50 never sent"), "\(header)")
    }

    @Test("the page asked again goes through the plan: within the bound in flight, not loaded until it is back")
    func askedAgainWithinThePlan() {
        var harness = Harness(images: Fixtures.images(500))
        var mostInFlight = 0
        var loadedWhileAsking: [Int] = []
        while let request = harness.pending.first {
            let offset = request.query.offset ?? 0
            // Every page from 276 on holds 10 images fewer than it should: each is asked again.
            let held = offset >= 276 ? 90 : 100
            harness.answerNext(with: .success(ImagePage(
                totalCount: 550, images: Array(Fixtures.images(500).dropFirst(offset).prefix(held)))))
            mostInFlight = max(mostInFlight, harness.pending.count)
            if harness.state.isFullyLoaded, !harness.pending.isEmpty { loadedWhileAsking.append(harness.pending.count) }
        }
        #expect(mostInFlight <= PagingState.backgroundConcurrency, "at most \(PagingState.backgroundConcurrency) in flight")
        #expect(loadedWhileAsking.isEmpty, "fully loaded with pages still asked again: \(loadedWhileAsking)")
        #expect(harness.state.isFullyLoaded)
        #expect(harness.state.paging.missing > 0)
    }

    @Test("an empty page in the middle is asked again, then the header counts what never came")
    func emptyMiddlePage() {
        var harness = Harness(images: Fixtures.images(500))
        var askedAt276 = 0
        while let request = harness.pending.first {
            let offset = request.query.offset ?? 0
            if offset == 276 { askedAt276 += 1 }
            let images = offset == 276 ? [] : Array(Fixtures.images(500).dropFirst(offset).prefix(100))
            harness.answerNext(with: .success(ImagePage(totalCount: 500, images: images)))
        }
        #expect(askedAt276 == 2)
        #expect(harness.state.isFullyLoaded)
        let header = harness.render().text(ofRow: 1)
        #expect(header.contains("416 images · INCOMPLETE: the server counts 500, 84 never sent"), "\(header)")
    }

    @Test("a lying total: a bounded number of requests, the browser stops and says so, q still quits",
          arguments: [1_000_000_000_000, 10_000_000])
    func lyingTotal(total: Int) {
        var harness = Harness(images: Fixtures.images(500), refresh: nil)
        var requests = 0
        while let request = harness.pending.first, requests < 1_000 {
            requests += 1
            let images = Array(Fixtures.images(500).dropFirst(request.query.offset ?? 0).prefix(100))
            harness.answerNext(with: .success(ImagePage(totalCount: total, images: images)))
        }
        #expect(requests < 40, "\(requests) requests")
        #expect(harness.state.isFullyLoaded)
        #expect(harness.state.paging.missing == total - 500)
        #expect(harness.render().text(ofRow: 1).contains("INCOMPLETE"))
        harness.press(.character("q"))
        #expect(harness.quitRequested)
    }

    @Test("a total of 10^12: q and Ctrl-C quit at once, while its first pages are read and after it stopped",
          arguments: [Key.character("q"), Key.control("c")], [0, 1, 3, 1_000])
    func quitDuringLyingTotal(key: Key, answers: Int) {
        var harness = Harness(images: Fixtures.images(500), refresh: nil)
        var answered = 0
        while let request = harness.pending.first, answered < answers {
            answered += 1
            let images = Array(Fixtures.images(500).dropFirst(request.query.offset ?? 0).prefix(100))
            harness.answerNext(with: .success(ImagePage(totalCount: 1_000_000_000_000, images: images)))
        }
        #expect(!harness.quitRequested)
        harness.press(key)
        #expect(harness.quitRequested, "after \(answered) answers")
        #expect(harness.state.shouldQuit)
    }

    @Test("the server search reads through the same plan: an empty page in the middle is asked again")
    func searchAsksAnEmptyPageAgain() {
        var harness = BrowserFilterTests.searchingUbuntu(among: 300)
        var asked: [Int] = []
        while let search = harness.pending.first(where: { !$0.query.osFamilies.isEmpty }) {
            let offset = search.query.offset ?? 0
            asked.append(offset)
            if offset == 16, asked.filter({ $0 == 16 }).count == 1 {
                harness.answer(search.id, with: .success(ImagePage(totalCount: 100, images: [])))
            } else {
                harness.answer(search.id)
            }
        }
        #expect(asked.filter { $0 == 16 }.count == 2, "\(asked)")
        #expect(harness.state.listSlots.count == 100)
    }

    @Test("a page that is whole when asked again leaves no marker")
    func wholeOnSecondAsk() {
        var harness = Harness(images: Fixtures.images(250))
        var first = true
        while let request = harness.pending.first {
            var page = ImagePage(totalCount: 250, images: Array(Fixtures.images(250).dropFirst(request.query.offset ?? 0).prefix(100)))
            if (request.query.offset ?? 0) >= 150, first {
                first = false
                page.images = Array(page.images.prefix(10))
            }
            harness.answerNext(with: .success(page))
        }
        #expect(harness.state.isFullyLoaded)
        #expect(harness.state.paging.missing == 0)
        #expect(!harness.render().text(ofRow: 1).contains("INCOMPLETE"))
    }
}
