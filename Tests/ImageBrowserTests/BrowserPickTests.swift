import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

@Suite("Browser keys in pick")
struct BrowserPickTests {
    static func picking() -> Harness {
        var harness = Harness(images: Fixtures.images(30), picking: true)
        harness.answerAll()
        return harness
    }

    @Test("Enter chooses the selected image and ends the session; the browser's Enter still opens the detail")
    func enterChooses() {
        var harness = Self.picking()
        harness.press(.down, .down, .enter)
        #expect(harness.chosen.map { $0.map(\.id) } == [[Fixtures.id(3)]], "the third row, two below the first")
        #expect(harness.state.shouldQuit)
        #expect(!harness.state.detailFullScreen)

        var browser = BrowserKeyTests.loaded()
        browser.press(.enter)
        #expect(browser.chosen.isEmpty)
        #expect(browser.state.detailFullScreen)
    }

    @Test("The footer says Enter chooses; the browser's says it opens the detail")
    func footer() {
        let picking = Self.picking().render()
        #expect(picking.text(ofRow: picking.size.height - 1).contains("⏎ choose"))
        let browsing = BrowserKeyTests.loaded().render()
        #expect(browsing.text(ofRow: browsing.size.height - 1).contains("⏎ detail"))
    }

    @Test("Enter in the filter bar keeps the filter; the next Enter chooses the first match")
    func enterAfterFilter() {
        var harness = Self.picking()
        harness.press(.character("/"))
        harness.type(Fixtures.id(7))
        harness.press(.enter)
        #expect(harness.chosen.isEmpty)
        harness.press(.enter)
        #expect(harness.chosen.map { $0.map(\.id) } == [[Fixtures.id(7)]])
    }

    @Test("Enter with nothing selected chooses nothing and says so")
    func enterOnEmptyList() {
        var harness = Self.picking()
        harness.press(.character("/"))
        harness.type("no-such-image")
        harness.press(.enter, .enter)
        #expect(harness.chosen.isEmpty)
        #expect(!harness.state.shouldQuit)
    }

    @Test("Esc cancels from the list, even with a filter applied; q cancels; neither chooses")
    func escapeCancels() {
        var filtered = Self.picking()
        filtered.press(.character("/"))
        filtered.type("img")
        filtered.press(.enter, .escape)
        #expect(filtered.quitRequested)
        #expect(filtered.chosen.isEmpty)

        var quitting = Self.picking()
        quitting.press(.character("q"))
        #expect(quitting.quitRequested)
        #expect(quitting.chosen.isEmpty)
    }

    @Test("Esc leaves the detail pane's focus first, as in the browser")
    func escapeFromDetail() {
        var harness = Self.picking()
        harness.press(.tab, .escape)
        #expect(!harness.quitRequested)
        #expect(harness.state.focus == .list)
    }
}
