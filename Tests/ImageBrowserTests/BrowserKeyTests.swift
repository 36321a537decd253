import FilterLanguage
import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

@Suite("Browser keys")
struct BrowserKeyTests {
    static func loaded(_ images: [Image] = Fixtures.images(30), size: TerminalSize = TerminalSize(width: 120, height: 40)) -> Harness {
        var harness = Harness(images: images, size: size)
        harness.answerAll()
        return harness
    }

    @Test("q and Ctrl-C quit", arguments: [Key.character("q"), Key.control("c")])
    func quit(_ key: Key) {
        var harness = Self.loaded()
        let effects = harness.send(.key(key))
        #expect(effects.contains(.quit))
        #expect(harness.state.shouldQuit)
    }

    @Test("Ctrl-C quits from the filter bar and from an overlay; q there does not")
    func ctrlCEverywhere() {
        var harness = Self.loaded()
        harness.press(.character("/"), .character("q"))
        #expect(!harness.quitRequested)
        #expect(harness.state.filter.text == "q")
        harness.press(.control("c"))
        #expect(harness.quitRequested)

        var overlay = Self.loaded()
        overlay.press(.character("?"), .character("q"))
        #expect(!overlay.quitRequested)
        #expect(overlay.state.overlay == nil)
    }

    @Test("c copies the selected image's id as the server sent it, and says so")
    func copy() {
        var harness = Self.loaded([Fixtures.image(1), Fixtures.image(2)])
        harness.press(.down, .character("c"))
        #expect(harness.copied == [Fixtures.id(2)])
        #expect(harness.render().text(ofRow: 39).contains("copied \(Fixtures.id(2))"))
        harness.advance(3)
        harness.fire(.tick)
        #expect(harness.state.message == nil)
        #expect(!harness.render().text(ofRow: 39).contains("copied"))
    }

    @Test("a copy the terminal refuses says why and how to fix it, not \"copied\"")
    func copyRefused() {
        let reason = "cannot copy: tmux drops it (set-clipboard external); run: tmux set -g set-clipboard on"
        var harness = Harness(images: [Fixtures.image(1)])
        harness.answerAll()
        harness.press(.character("c"))
        #expect(harness.copied == [Fixtures.image(1).id])
        _ = harness.send(.copyRefused(reason))
        #expect(harness.state.message?.kind == .warning)
        let footer = harness.render().text(ofRow: 39)
        #expect(footer.contains("set -g set-clipboard on"))
        #expect(!footer.contains("copied"))
    }

    @Test("c with nothing selected copies nothing")
    func copyNothing() {
        var harness = Harness(images: [])
        harness.answerAll()
        harness.press(.character("c"))
        #expect(harness.copied.isEmpty)
        #expect(harness.state.message?.kind == .warning)
    }

    @Test("y shows the raw JSON, scrolls, and y or Esc closes it")
    func rawJSON() {
        var harness = Self.loaded(size: TerminalSize(width: 80, height: 12))
        harness.press(.character("y"))
        #expect(harness.state.overlay == .rawJSON(imageID: Fixtures.id(1), scroll: 0))
        let frame = harness.render(80, 12)
        #expect(frame.text.contains("\"image_id\" : \"\(Fixtures.id(1))\""))
        harness.press(.down, .down)
        #expect(harness.state.overlay?.scroll == 2)
        harness.press(.character("G"))
        let end = harness.state.overlay?.scroll ?? 0
        harness.press(.down)
        #expect(harness.state.overlay?.scroll == end)
        harness.press(.character("y"))
        #expect(harness.state.overlay == nil)
        harness.press(.character("y"), .escape)
        #expect(harness.state.overlay == nil)
        #expect(harness.selectedKey == Fixtures.id(1))
    }

    @Test("scrolling the raw JSON goes by the line count measured when it was laid out, not a new pretty-print per key")
    func rawJSONScrollsByMeasure() throws {
        var harness = Self.loaded(size: TerminalSize(width: 80, height: 12))
        harness.press(.character("y"), .down)
        let measure = try #require(harness.state.overlayMeasure)
        let visible = harness.state.geometry.overlayBox.contentHeight
        #expect(measure.count > visible + 3)
        // A count the lines do not have: keys that laid the JSON out again would scroll past it.
        harness.state.overlayMeasure = MeasuredLines(subject: measure.subject, width: measure.width, count: visible + 3)
        harness.press(.down, .down, .down, .down, .character("G"))
        #expect(harness.state.overlay?.scroll == 3)
        // Another width lays it out again, and the scroll reaches the real end.
        _ = harness.send(.resize(TerminalSize(width: 81, height: 12)))
        harness.press(.character("G"))
        #expect(harness.state.overlayMeasure?.count ?? 0 > visible + 3)
        #expect(harness.state.overlay?.scroll == (harness.state.overlayMeasure?.count ?? 0) - visible)
    }

    @Test("a shorter terminal pulls the raw JSON's scroll back to its last page, and render draws from it")
    func rawJSONScrollAfterResize() {
        var harness = Self.loaded(size: TerminalSize(width: 80, height: 12))
        harness.press(.character("y"), .character("G"))
        let end = harness.state.overlay?.scroll ?? 0
        _ = harness.send(.resize(TerminalSize(width: 80, height: 30)))
        let visible = harness.state.geometry.overlayBox.contentHeight
        #expect(harness.state.overlay?.scroll == max(0, (harness.state.overlayMeasure?.count ?? 0) - visible))
        #expect((harness.state.overlay?.scroll ?? 0) < end)
    }

    @Test("the raw JSON prints an empty array as [] and an empty object as {}, as the server sent them")
    func rawJSONEmptyContainers() {
        var harness = Self.loaded(size: TerminalSize(width: 80, height: 40))
        harness.press(.character("y"))
        let rows = harness.render(80, 40).text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }
        #expect(rows.contains("\"tags\" : [],"))
        #expect(!rows.contains("\"tags\" : ["))
        let lines = RawJSON.lines(of: .object(["a": .array([]), "b": .object([:]), "c": .array([.array([])]), "d": .int(1)]))
        #expect(lines == ["{", "  \"a\" : [],", "  \"b\" : {},", "  \"c\" : [", "    []", "  ],", "  \"d\" : 1", "}"])
    }

    @Test("? opens the help with every key; keys do not reach the list behind it")
    func help() {
        var harness = Self.loaded()
        harness.press(.character("?"))
        let text = harness.render(120, 50).text
        for key in ["PgUp PgDn", "Home End", "Tab", "Enter", "/", "Esc", "s > < S", "Ctrl-C", "y", "c", "p", "r"] {
            #expect(text.contains(key))
        }
        harness.press(.character("j"), .character("s"))
        #expect(harness.selectedKey == Fixtures.id(1))
        #expect(harness.state.catalog.order == .serverDefault)
        harness.press(.character("?"))
        #expect(harness.state.overlay == nil)
    }

    @Test("Tab moves focus to the detail pane, where up and down scroll it")
    func tabFocus() {
        var harness = Self.loaded([Fixtures.image(1, description: String(repeating: "long text ", count: 80)), Fixtures.image(2)],
                                  size: TerminalSize(width: 80, height: 24))
        harness.press(.tab)
        #expect(harness.state.focus == .detail)
        harness.press(.down, .down)
        #expect(harness.state.detailScroll == 2)
        #expect(harness.selectedKey == Fixtures.id(1))
        harness.press(.tab, .down)
        #expect(harness.selectedKey == Fixtures.id(2))
        #expect(harness.state.detailScroll == 0)
    }

    @Test("Enter toggles the detail pane full screen; Esc leaves it")
    func enterFullScreen() {
        var harness = Self.loaded()
        harness.press(.enter)
        #expect(harness.state.detailFullScreen)
        #expect(harness.state.focus == .detail)
        let frame = harness.render()
        #expect(frame.text(ofRow: 2).contains("detail"))
        #expect(frame.text(ofRow: 3).contains("ID") && frame.text(ofRow: 3).contains(Fixtures.id(1)))
        #expect(!frame.text(ofRow: 4).contains("NAME"))
        harness.press(.enter)
        #expect(!harness.state.detailFullScreen)
        harness.press(.enter, .escape)
        #expect(!harness.state.detailFullScreen)
        #expect(harness.state.focus == .list)
    }

    @Test("Tab on a terminal too short for the detail pane says to use Enter")
    func tabWithoutDetail() {
        var harness = Self.loaded(size: TerminalSize(width: 60, height: 14))
        harness.press(.tab)
        #expect(harness.state.focus == .list)
        #expect(harness.state.message?.text.contains("Enter") == true)
    }
}

@Suite("Browser sort")
struct BrowserSortTests {
    static let images: [Image] = [
        Fixtures.image(1, name: "delta", status: .deleted, size: 30),
        Fixtures.image(2, name: "Alpha", status: .available, size: 10),
        Fixtures.image(3, name: "charlie", status: .pending, size: 50),
        Fixtures.image(4, name: "bravo", status: .available, size: 20),
    ]

    @Test("s steps through the columns in screen order, S reverses, and the selection stays on its image")
    func sortCycle() {
        // 200 columns: every column is on screen, so s visits them all.
        var harness = Harness(images: Self.images, size: TerminalSize(width: 200, height: 40))
        harness.answerAll()
        harness.press(.down)
        #expect(harness.selectedKey == Fixtures.id(2))
        harness.press(.character("s"))
        #expect(harness.state.catalog.order == SortOrder(column: .id, descending: false))
        harness.press(.character("s"))
        #expect(harness.state.catalog.order.column == .name)
        #expect(harness.visibleIDs == [2, 4, 3, 1].map(Fixtures.id))
        #expect(harness.selectedKey == Fixtures.id(2))
        harness.press(.character("S"))
        #expect(harness.visibleIDs == [1, 3, 4, 2].map(Fixtures.id))
        #expect(harness.selectedKey == Fixtures.id(2))
        harness.press(.character("s"))
        #expect(harness.visibleIDs == [3, 2, 4, 1].map(Fixtures.id))
        harness.press(.character("s"), .character("s"), .character("s"))
        #expect(harness.state.catalog.order == SortOrder(column: .size, descending: true))
        #expect(harness.visibleIDs == [3, 1, 4, 2].map(Fixtures.id))
        #expect(harness.render().text(ofRow: 1).contains("sort size ▼"))
    }

    @Test("a sorted, filtered view takes in new pages in order")
    func sortedFilteredMerge() {
        var harness = Harness(images: Fixtures.images(250).map { image in
            var image = image
            image.sizeGB = (Int(image.id.dropFirst(4))! * 37) % 101
            return image
        }, size: TerminalSize(width: 200, height: 40))
        harness.answerNext()
        harness.press(.character("s"), .character("s"), .character("s"), .character("s"), .character("s"), .character("s"))
        #expect(harness.state.catalog.order.column == .size)
        harness.press(.character("/"))
        harness.type("image-1")
        harness.answerAll()
        let expected = harness.server.images
            .filter(ImageFilter.parse("image-1").matches)
            .sorted { $0.sizeGB == $1.sizeGB ? $0.id > $1.id : $0.sizeGB > $1.sizeGB }
            .map(\.id)
        #expect(harness.visibleIDs == expected)
    }
}

/// The keys people try first (less, vim, htop, mc) do what they do there, and any other key says where
/// the keys are.
@Suite("Keys from other tools")
struct FamiliarKeyTests {
    @Test("Ctrl-F pages down like PgDn (Space marks, as in htop and mc); Ctrl-D and Ctrl-U move half a page")
    func paging() {
        var harness = BrowserKeyTests.loaded(Fixtures.images(300))
        let page = harness.state.geometry.listRows
        harness.press(.control("f"))
        #expect(harness.state.selectedIndex == page)
        harness.press(.control("d"))
        #expect(harness.state.selectedIndex == page + page / 2)
        harness.press(.control("u"), .control("u"))
        #expect(harness.state.selectedIndex == page + page / 2 - 2 * (page / 2))
    }

    @Test("F3 and F4 filter, F5 refreshes, F6 chooses the sort, F1 helps, F10 quits")
    func functionKeys() {
        var harness = BrowserKeyTests.loaded()
        harness.press(.function(3))
        #expect(harness.state.filter.isEditing)
        harness.press(.escape, .function(4))
        #expect(harness.state.filter.isEditing)
        harness.press(.escape)
        let refreshed = harness.send(.key(.function(5)))
        #expect(refreshed.contains { if case .fetch = $0 { true } else { false } })
        harness.press(.function(6))
        #expect(harness.state.overlay == .sortChooser(cursor: .createTime))
        harness.press(.up, .enter)
        #expect(harness.state.catalog.order != .serverDefault)
        harness.press(.function(1))
        #expect(harness.state.overlay == .help(scroll: 0))
        harness.press(.escape)
        #expect(harness.send(.key(.function(10))).contains(.quit))
    }

    @Test("Left and h focus the list, Right and l the detail pane")
    func panes() {
        var harness = BrowserKeyTests.loaded()
        harness.press(.right)
        #expect(harness.state.focus == .detail)
        harness.press(.left)
        #expect(harness.state.focus == .list)
        harness.press(.character("l"))
        #expect(harness.state.focus == .detail)
        harness.press(.character("h"))
        #expect(harness.state.focus == .list)
    }

    @Test("n and N step through the filter's matches; without a filter they say how to filter")
    func matches() {
        var harness = BrowserKeyTests.loaded()
        harness.press(.character("n"))
        #expect(harness.state.selectedIndex == 0)
        #expect(harness.render().text(ofRow: 39).contains("/ filters the list"))
        harness.press(.character("/"))
        harness.type("image-1")
        harness.press(.enter, .character("n"), .character("n"))
        #expect(harness.state.selectedIndex == 2)
        harness.press(.character("N"))
        #expect(harness.state.selectedIndex == 1)
    }

    @Test("a key that does nothing says where the keys are")
    func unknownKey() {
        var harness = BrowserKeyTests.loaded()
        harness.press(.character("x"))
        #expect(harness.render().text(ofRow: 39).contains("? for keys"))
        #expect(harness.state.selectedIndex == 0)
    }
}

/// Sorting offers the columns on screen (issue 11 #6).
@Suite("Sorting by the columns on screen")
struct SortChoiceTests {
    @Test("s and > cycle through the visible columns only, < goes back, the selection stays", arguments: [80, 120, 200])
    func visibleColumnsOnly(width: Int) throws {
        var harness = BrowserKeyTests.loaded(size: TerminalSize(width: width, height: 24))
        harness.press(.down, .down)
        let selected = harness.selectedKey
        let shown = harness.state.geometry.columns.map(\.column)
        var seen: [ImageField] = []
        for _ in shown.indices {
            harness.press(.character("s"))
            seen.append(harness.state.catalog.order.column)
            #expect(harness.selectedKey == selected)
        }
        #expect(Set(seen) == Set(shown), "\(width): sorted by \(seen), shown \(shown)")
        let header = harness.render(width, 24).text(ofRow: 2)
        #expect(header.contains("▲") || header.contains("▼"), "the sorted column's title shows the order: \(header)")
        let current = harness.state.catalog.order.column
        harness.press(.character(">"), .character("<"))
        #expect(harness.state.catalog.order.column == current)
    }
}

/// F6 opens htop's "Sort by" chooser (issue 11 #6).
@Suite("The F6 sort chooser")
struct SortChooserTests {
    @Test("it lists the columns on screen in screen order, then those this width leaves out, the cursor on the sort")
    func choices() {
        var harness = BrowserKeyTests.loaded(size: TerminalSize(width: 80, height: 24))
        harness.press(.function(6))
        #expect(harness.state.overlay == .sortChooser(cursor: .createTime))
        let choices = harness.state.geometry.sortChoices
        let shown = harness.state.geometry.columns.map(\.column)
        #expect(choices.filter(\.isShown).map(\.column) == shown)
        #expect(choices.filter { !$0.isShown }.map(\.column) == [.processorType, .visibility])
        #expect(Set(choices.map(\.column)) == Set(ImageField.standardColumns.filter { $0 != .zone }))
        let frame = harness.render(80, 24)
        let text = (0..<24).map { frame.text(ofRow: $0) }.joined(separator: "\n")
        #expect(text.contains("sort by"))
        #expect(text.contains("VISIBILITY") && text.contains(SortChooser.hiddenNote))
        #expect(frame.text(ofRow: 23).contains("Enter sort") || frame.text(ofRow: 23).contains("⏎ sort"))
    }

    @Test("Enter sorts by the column under the cursor; the selected image stays selected and the title mark moves")
    func pick() {
        var harness = BrowserKeyTests.loaded(size: TerminalSize(width: 80, height: 24))
        harness.press(.down, .down, .down)
        let selected = harness.selectedKey
        #expect(harness.render(80, 24).text(ofRow: 2).contains("AGE▼"))
        harness.press(.function(6), .home, .down, .enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.catalog.order == SortOrder(column: .name, descending: false))
        #expect(harness.selectedKey == selected)
        let titles = harness.render(80, 24).text(ofRow: 2)
        #expect(titles.contains("NAME▲") && !titles.contains("AGE▼"), "\(titles)")
    }

    @Test("a column this width leaves out can be chosen; the header names it")
    func hiddenColumn() {
        var harness = BrowserKeyTests.loaded(size: TerminalSize(width: 80, height: 24))
        harness.press(.function(6), .end, .enter)
        #expect(harness.state.catalog.order == SortOrder(column: .visibility, descending: false))
        #expect(harness.render(80, 24).text(ofRow: 1).contains("sort visibility ▲"))
    }

    @Test("Esc, q and F6 close it and keep the order; arrows stop at the ends; other keys do nothing",
          arguments: [Key.escape, .character("q"), .function(6)])
    func cancel(key: Key) {
        var harness = BrowserKeyTests.loaded(size: TerminalSize(width: 80, height: 24))
        harness.press(.function(6), .down, .down, .character("x"), .character("/"))
        #expect(harness.state.overlay == .sortChooser(cursor: harness.state.geometry.sortChoices.last!.column))
        #expect(!harness.state.filter.isEditing)
        harness.press(.home, .up)
        #expect(harness.state.overlay == .sortChooser(cursor: .id))
        harness.press(key)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.catalog.order == .serverDefault)
    }

    @Test("on a short terminal the cursor's line stays in the box")
    func shortTerminal() {
        var harness = BrowserKeyTests.loaded(size: TerminalSize(width: 40, height: 9))
        harness.press(.function(6), .end)
        let last = harness.state.geometry.sortChoices.last!.column
        let screen = (0..<9).map { harness.render(40, 9).text(ofRow: $0) }.joined(separator: "\n")
        #expect(screen.contains(last.title), "\(screen)")
        harness.press(.home)
        let top = (0..<9).map { harness.render(40, 9).text(ofRow: $0) }.joined(separator: "\n")
        #expect(top.contains("│ ID "), "\(top)")
    }

    @Test("Enter on the current sort column keeps its direction")
    func pickCurrent() {
        var harness = BrowserKeyTests.loaded(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("S"), .function(6), .enter)
        #expect(harness.state.catalog.order == SortOrder(column: .createTime, descending: false))
    }
}
