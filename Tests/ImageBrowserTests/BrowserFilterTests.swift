import FilterLanguage
import Foundation
import QingCloud
import Testing
@testable import ImageBrowser

@Suite("Browser filter bar")
struct BrowserFilterTests {
    static let images: [Image] = [
        Fixtures.image(1, name: "ubuntu-22.04-server", os: "ubuntu", size: 20),
        Fixtures.image(2, name: "centos-7.9", os: "centos", size: 40),
        Fixtures.image(3, name: "银河麒麟 V10 服务器版", os: "kylin", size: 60),
        Fixtures.image(4, name: "debian 12 bookworm", status: .deprecated, os: "debian", size: 10),
        Fixtures.image(5, name: "ubuntu-20.04-desktop", status: .deleted, os: "ubuntu", size: 80),
        Fixtures.image(6, name: "windows-2019", status: .pending, transition: .creating, os: "windows", size: 50),
    ]

    static func loaded(_ images: [Image] = images) -> Harness {
        var harness = Harness(images: images)
        harness.answerAll()
        return harness
    }

    /// The six images loaded as the first page and older ones still to load (their requests held
    /// back), as when a user filters before the catalogue is complete: the server is asked too.
    static func partlyLoaded() -> Harness {
        let older = (100..<110).map { Fixtures.image($0, name: "filler-\($0)", os: "fedora", size: 30) }
        var harness = Harness(images: images + older, pageSize: images.count)
        harness.answerNext()
        harness.pending.removeAll()
        return harness
    }

    @Test("each keystroke filters what is loaded at once; the server hears of it only after a pause")
    func keystrokeFiltersLocally() {
        var harness = Self.partlyLoaded()
        harness.press(.character("/"))
        #expect(harness.state.filter.isEditing)
        harness.type("ubu")
        #expect(harness.visibleIDs == [Fixtures.id(1), Fixtures.id(5)])
        #expect(harness.pending.isEmpty)
        #expect(harness.timers[.searchDebounce]?.delay == .milliseconds(250))
        harness.fire(.searchDebounce)
        #expect(harness.pending.count == 1)
        #expect(harness.pending[0].query.searchWord == "ubu")
        #expect(harness.pending[0].query.offset == 0)
    }

    @Test("the server's answer brings in matches that were not loaded yet")
    func serverSearchMerges() {
        let catalogue = Fixtures.images(300).enumerated().map { index, image in
            var image = image
            if index == 250 { image.name = "needle-in-the-haystack" }
            return image
        }
        var harness = Harness(images: catalogue)
        harness.answerNext()
        harness.press(.character("/"))
        harness.type("needle")
        #expect(harness.visibleIDs.isEmpty)
        #expect(harness.render().text.contains("asking the server"))
        harness.fire(.searchDebounce)
        let search = harness.pending.first { $0.query.searchWord == "needle" }!
        harness.answer(search.id)
        #expect(harness.visibleIDs == [Fixtures.id(251)])
        #expect(harness.selectedKey == Fixtures.id(251))
    }

    @Test("a timer for an older filter text is ignored")
    func staleDebounceIgnored() {
        var harness = Self.partlyLoaded()
        harness.press(.character("/"))
        harness.type("u")
        let stale = harness.timers[.searchDebounce]!.timer
        harness.type("b")
        harness.send(.timerFired(stale))
        #expect(harness.pending.isEmpty)
        harness.fire(.searchDebounce)
        #expect(harness.pending.map(\.query.searchWord) == ["ub"])
    }

    @Test("a newer keystroke cancels the search still in flight")
    func newerKeystrokeCancels() {
        var harness = Self.partlyLoaded()
        harness.press(.character("/"))
        harness.type("ubuntu")
        harness.fire(.searchDebounce)
        let first = harness.pending[0].id
        harness.type("-")
        #expect(harness.cancelled == [first])
        #expect(harness.pending.isEmpty)
        // A late answer to the cancelled request changes nothing.
        let before = harness.visibleIDs
        harness.send(.fetched(first, .success(ImagePage(totalCount: 1, images: [Fixtures.image(99, name: "ubuntu late")]))))
        #expect(harness.visibleIDs == before)
        #expect(harness.state.catalog.image(forKey: Fixtures.id(99)) == nil)
    }

    /// `count` images in pages of 10, every third an "ubuntu", the first page loaded, and the filter
    /// `os:ubuntu` gone to the server.
    static func searchingUbuntu(among count: Int) -> Harness {
        let catalogue = (1...count).map { Fixtures.image($0, os: $0 % 3 == 0 ? "ubuntu" : "centos") }
        var harness = Harness(images: catalogue, pageSize: 10)
        harness.answerNext()
        harness.press(.character("/"))
        harness.type("os:ubuntu")
        harness.press(.enter)
        harness.fire(.searchDebounce)
        return harness
    }

    @Test("a search reads its query to the end of the server's total, two pages at a time, ahead of the background pages")
    func searchPagesToTheEnd() {
        // 1,000 matches: more than the 20 pages a search once stopped at.
        var harness = Self.searchingUbuntu(among: 3_000)
        var mostInFlight = 0
        var searchPages = 0
        while let search = harness.pending.first(where: { !$0.query.osFamilies.isEmpty }) {
            mostInFlight = max(mostInFlight, harness.pending.count)
            #expect(harness.render().text(ofRow: 1).contains("searching…"))
            searchPages += 1
            harness.answer(search.id)
        }
        #expect(searchPages == 125, "pages of 10 overlapping by 2, as the background load reads them")
        #expect(mostInFlight <= PagingState.backgroundConcurrency + 2)
        #expect(harness.state.listSlots.count == 1_000)
        #expect(!harness.state.isFullyLoaded)
        #expect(harness.state.search?.isRunning == false)
        #expect(!harness.render().text(ofRow: 1).contains("searching"))
        #expect(harness.render().text(ofRow: 1).contains("1,000 matches"))
        // The background loading goes on once the search is done.
        #expect(!harness.pending.isEmpty)
    }

    @Test("while a search runs the header counts what the server sent of its total")
    func searchProgressInTheHeader() {
        var harness = Self.searchingUbuntu(among: 300)
        let first = harness.pending.first { !$0.query.osFamilies.isEmpty }!
        harness.answer(first.id)
        #expect(harness.render().text(ofRow: 1).contains("searching… 10 of 100"))
        let searches = harness.pending.filter { !$0.query.osFamilies.isEmpty }
        #expect(searches.map(\.query.offset) == [8, 16], "overlapping by 2, as the background load's pages")
    }

    @Test("the background pages wait while the search runs and resume when it stops, also after a failure")
    func searchAndBackgroundShareTheConcurrency() {
        var harness = Harness(images: Fixtures.images(1_000), pageSize: 10)
        harness.answerNext()
        func searches(_ harness: Harness) -> [RequestID] {
            harness.pending.filter { $0.query.searchWord != nil }.map(\.id)
        }
        func pages(_ harness: Harness) -> [RequestID] {
            harness.pending.filter { $0.query.searchWord == nil }.map(\.id)
        }
        #expect(pages(harness).count == 2)
        harness.press(.character("/"))
        harness.type("image")
        harness.fire(.searchDebounce)
        harness.answer(searches(harness)[0])
        #expect(searches(harness).count == 2)
        // A background page that arrives now is not replaced: the search holds the two places.
        harness.answer(pages(harness)[0])
        #expect(pages(harness).count == 1)
        harness.answer(searches(harness)[0], with: .failure(.httpStatus(code: 502, excerpt: "")))
        #expect(harness.state.message?.text.contains("server search failed") == true)
        harness.answer(searches(harness)[0])
        #expect(searches(harness).isEmpty)
        #expect(harness.state.isServerSearchPending == false)
        #expect(pages(harness).count == PagingState.backgroundConcurrency)
    }

    @Test("Enter keeps the filter and shows it in the header; Esc clears it")
    func enterKeepsEscClears() {
        var harness = Self.loaded()
        harness.press(.character("/"))
        harness.type("centos")
        harness.press(.enter)
        #expect(!harness.state.filter.isEditing)
        #expect(harness.visibleIDs == [Fixtures.id(2)])
        #expect(harness.render().text(ofRow: 1).contains("filter centos"))
        #expect(harness.render().cursor == nil)
        harness.press(.escape)
        #expect(harness.state.filter.text.isEmpty)
        #expect(harness.visibleIDs.count == 6)
    }

    @Test("Esc in the bar clears the filter, closes the bar and cancels the search")
    func escapeInBar() {
        var harness = Self.partlyLoaded()
        harness.press(.character("/"))
        harness.type("deb")
        harness.fire(.searchDebounce)
        let search = harness.pending[0].id
        harness.press(.escape)
        #expect(!harness.state.filter.isEditing)
        #expect(harness.state.filter.text.isEmpty)
        #expect(harness.visibleIDs.count == 6)
        #expect(harness.cancelled == [search])
    }

    @Test("editing: CJK, Backspace, Left/Right, Delete, Ctrl-W and Ctrl-U")
    func editing() {
        var harness = Self.loaded()
        harness.press(.character("/"))
        harness.type("银河x")
        harness.press(.backspace)
        #expect(harness.state.filter.text == "银河")
        #expect(harness.visibleIDs == [Fixtures.id(3)])
        #expect(harness.render().cursor?.column == 5)
        harness.press(.left, .left)
        harness.type("!")
        #expect(harness.state.filter.text == "!银河")
        #expect(!harness.visibleIDs.contains(Fixtures.id(3)))
        harness.press(.delete)
        #expect(harness.state.filter.text == "!河")
        harness.press(.end)
        harness.type(" os:ubuntu")
        harness.press(.control("w"))
        #expect(harness.state.filter.text == "!河 ")
        harness.press(.control("u"))
        #expect(harness.state.filter.text.isEmpty)
        #expect(harness.state.filter.isEditing)
        harness.press(.backspace)
        #expect(!harness.state.filter.isEditing)
    }

    @Test("a syntax error shows inline and what parses still filters")
    func syntaxErrorStillFilters() {
        var harness = Self.loaded()
        harness.press(.character("/"))
        harness.type("ubuntu size>")
        #expect(harness.state.filter.applied.syntaxError != nil)
        #expect(harness.visibleIDs == [Fixtures.id(1), Fixtures.id(5)])
        let footer = harness.render().text(ofRow: 39)
        #expect(footer.hasPrefix("/ubuntu size>"))
        #expect(footer.contains("✗"))
    }

    @Test("every syntax form filters the loaded images exactly as the filter matches them",
          arguments: ["status:available", "os:centos|debian", "!ubuntu", "ubuntu|centos", "size>50", "size<=20",
                      "\"bookworm\"", "name:服务器", "id:img-00003", "status:creating", "arch:64bit",
                      "visibility:private", "provider:self", "owner:fixture", "!status:deleted size>=40"])
    func syntaxForms(_ text: String) {
        var harness = Self.loaded()
        harness.press(.character("/"))
        harness.type(text)
        let filter = ImageFilter.parse(text)
        #expect(filter.syntaxError == nil)
        #expect(harness.visibleIDs == Self.images.filter(filter.matches).map(\.id))
        #expect(!harness.visibleIDs.isEmpty)
        // Everything is loaded: the local answer is complete, the server is not asked.
        #expect(harness.timers[.searchDebounce] == nil)
        #expect(harness.pending.isEmpty)

        // With pages still to load, the terms the API understands go to the server after the pause.
        var partial = Self.partlyLoaded()
        partial.press(.character("/"))
        partial.type(text)
        #expect(partial.visibleIDs == harness.visibleIDs)
        partial.fire(.searchDebounce)
        #expect(partial.pending.map(\.query) == (filter.serverQuery.map { query -> [ImageQuery] in
            var query = query
            query.offset = 0
            query.limit = Self.images.count
            return [query]
        } ?? []))
    }

    @Test("typing more of a word narrows incrementally with the same rows as a fresh filter")
    func incrementalNarrowing() {
        var harness = Self.loaded(Fixtures.images(500))
        harness.press(.character("/"))
        for prefix in ["i", "im", "ima", "image-1", "image-1 ", "image-1 5"] {
            harness.press(.control("u"))
            harness.type(prefix)
            let fresh = Fixtures.images(500).filter(ImageFilter.parse(prefix).matches).map(\.id)
            #expect(harness.visibleIDs == fresh)
        }
        #expect(BrowserState.narrows(from: .parse("ubu"), to: .parse("ubun")))
        #expect(!BrowserState.narrows(from: .parse("ubu"), to: .parse("ubu|x")))
        #expect(!BrowserState.narrows(from: .parse("size>5"), to: .parse("size>50")))
    }

    @Test("the selection follows its image through a filter and back")
    func selectionHeldAcrossFilter() {
        var harness = Self.loaded()
        harness.press(.down, .down, .down)
        #expect(harness.selectedKey == Fixtures.id(4))
        harness.press(.character("/"))
        harness.type("ubuntu")
        #expect(harness.selectedKey == Fixtures.id(1))
        harness.press(.escape)
        #expect(harness.selectedKey == Fixtures.id(4))
        harness.press(.character("/"))
        harness.type("deb")
        #expect(harness.selectedKey == Fixtures.id(4))
    }

    @Test("arrows move the list while the bar is open")
    func arrowsInBar() {
        var harness = Self.loaded()
        harness.press(.character("/"))
        harness.type("ubuntu")
        harness.press(.down)
        #expect(harness.selectedKey == Fixtures.id(5))
        #expect(harness.state.filter.text == "ubuntu")
    }
}
