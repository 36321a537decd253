import Foundation
import JSONEngine
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// Marks: Space, `*` and `U`; kept by image key across filter, sort, refresh and zones; shown in the
/// list's gutter and the header; what `c`, `y` and pick's Enter do with them.
@Suite("Marks")
struct BrowserMarkTests {
    static let space = Key.character(" ")

    /// The frame's row showing the image `id`, if it is on screen.
    static func row(of id: String, in frame: Frame) -> Int? {
        (0..<frame.size.height).first { frame.text(ofRow: $0).dropFirst().hasPrefix(id + " ") }
    }

    @Test("Space marks the selected image and moves down; on a marked image it unmarks it")
    func spaceTogglesAndMovesDown() {
        var harness = BrowserKeyTests.loaded()
        harness.press(Self.space, Self.space)
        #expect(harness.state.marks == [Fixtures.id(1), Fixtures.id(2)])
        #expect(harness.selectedKey == Fixtures.id(3), "Space moved down one row each time, it does not page")
        harness.press(.up, Self.space)
        #expect(harness.state.marks == [Fixtures.id(1)])
        #expect(harness.selectedKey == Fixtures.id(3))
    }

    @Test("Space no longer pages the list; PgDn, Ctrl-F and Ctrl-D still do; Space still scrolls an overlay")
    func spaceIsNotPaging() {
        #expect(KeyBindings.defaults.action(for: Self.space, in: .panes) == .toggleMark)
        #expect(KeyBindings.defaults.action(for: .pageDown, in: .panes) == .pageDown)
        #expect(KeyBindings.defaults.action(for: .control("f"), in: .panes) == .pageDown)
        #expect(KeyBindings.defaults.action(for: .control("d"), in: .panes) == .halfPageDown)
        #expect(KeyBindings.defaults.action(for: Self.space, in: .overlay) == .pageDown)

        var harness = BrowserKeyTests.loaded(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("?"), Self.space)
        #expect(harness.state.overlay?.scroll ?? 0 > 0, "Space pages the help down")
        #expect(harness.state.marks.isEmpty)
    }

    @Test("* marks every match of the filter, every loaded image without one; U unmarks all")
    func markMatchesAndClear() {
        var harness = BrowserKeyTests.loaded()
        harness.press(.character("/"))
        harness.type("name:image-1")
        harness.press(.enter, .character("*"))
        let matches = Set([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map(Fixtures.id))
        #expect(harness.state.marks == matches)
        #expect(harness.state.message?.text == "marked 11 matches (11 new)")

        harness.press(.escape, .character("*"))
        #expect(harness.state.marks.count == 30, "without a filter: every loaded image")
        #expect(harness.state.message?.text == "marked 30 loaded images (19 new)")

        harness.press(.character("U"))
        #expect(harness.state.marks.isEmpty)
        #expect(harness.state.message?.text == "unmarked 30")
    }

    @Test("* while pages are still loading marks the matches loaded and says * again marks the rest")
    func markMatchesWhileLoading() {
        var harness = Harness(images: Fixtures.images(300), pageSize: 50)
        harness.answerNext()
        harness.press(.character("*"))
        #expect(harness.state.marks.count == 50)
        #expect(harness.state.message?.text == "marked 50 loaded images (50 new); more still loading: * again marks them")
        harness.answerAll()
        harness.press(.character("*"))
        #expect(harness.state.marks.count == 300)
        #expect(harness.state.message?.text == "marked 300 loaded images (250 new)")
    }

    @Test("marks stay on their images across a filter and a sort, and images keep their marks when shown again")
    func survivesFilterAndSort() throws {
        var harness = BrowserKeyTests.loaded()
        harness.press(Self.space, Self.space)
        harness.press(.character("/"))
        harness.type("image-3")
        harness.press(.enter)
        #expect(!harness.visibleIDs.contains(Fixtures.id(1)))
        #expect(harness.state.marks == [Fixtures.id(1), Fixtures.id(2)], "hidden by the filter, still marked")
        #expect(harness.render().text(ofRow: 1).contains("2 marked"))

        harness.press(.escape, .character("S"))
        #expect(harness.visibleIDs.last == Fixtures.id(1), "the order reversed")
        #expect(harness.state.marks == [Fixtures.id(1), Fixtures.id(2)])
        harness.press(.end)
        let frame = harness.render()
        let marked = try #require(Self.row(of: Fixtures.id(2), in: frame))
        #expect(frame.text(ofRow: marked).hasPrefix("*"))
        #expect(harness.state.markedKeys == [Fixtures.id(2), Fixtures.id(1)], "in the list's order")
    }

    @Test("marks made on the first page stay while the next pages load, and on the rows they were on")
    func survivesPaging() {
        var harness = Harness(images: Fixtures.images(300), pageSize: 50)
        harness.answerNext()
        #expect(harness.state.catalog.count == 50)
        harness.press(Self.space, Self.space)
        harness.answerAll()
        #expect(harness.state.catalog.count == 300)
        #expect(harness.state.marks == [Fixtures.id(1), Fixtures.id(2)])
        #expect(harness.render().text(ofRow: 1).contains("300 images · 2 marked"))
    }

    @Test("a marked image that a refresh drops is unmarked, and the footer says so")
    func refreshDropsAMarkedImage() {
        var harness = BrowserRefreshTests.loaded()
        harness.press(.down, .down, .down, Self.space, Self.space)
        #expect(harness.state.marks == [Fixtures.id(4), Fixtures.id(5)])
        harness.server.images.removeAll { $0.id == Fixtures.id(4) }
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.state.catalog.image(forKey: Fixtures.id(4)) == nil)
        #expect(harness.state.marks == [Fixtures.id(5)])
        let footer = harness.render().text(ofRow: 39)
        #expect(footer.contains("1 marked image gone (\(Fixtures.id(4))): unmarked"), "\(footer)")
        #expect(harness.render().text(ofRow: 1).contains("1 marked"))
    }

    @Test("a marked image that ceases is unmarked; a refresh that keeps the others keeps their marks")
    func ceasedImageIsUnmarked() {
        var harness = BrowserRefreshTests.loaded()
        harness.press(Self.space, Self.space, Self.space)
        BrowserRefreshTests.changeStatus(&harness, 2, to: .ceased)
        harness.fire(.refresh)
        harness.answerAll()
        #expect(harness.state.marks == [Fixtures.id(1), Fixtures.id(3)])
        #expect(harness.state.message?.text == "1 marked image gone (\(Fixtures.id(2))): unmarked")
    }

    @Test("with several zones a mark is on one zone's image: the same id in another zone is not marked")
    func marksAreByZoneAndID() throws {
        var harness = Harness(zones: BrowserZoneTests.zones())
        harness.answerAll()
        harness.press(.character("/"))
        harness.type(Fixtures.id(1))
        harness.press(.enter)
        #expect(harness.state.listSlots.count == 2, "img-00001 in pek3a and in sh1a")
        let first = try #require(harness.selectedKey)
        harness.press(Self.space)
        #expect(harness.state.marks == [first])
        #expect(first.hasSuffix("/" + Fixtures.id(1)))
        harness.press(.escape, .character("r"))
        harness.answerAll()
        #expect(harness.state.marks == [first], "a refresh of every zone keeps it")
        harness.press(.character("c"))
        #expect(harness.copied.last == Fixtures.id(1), "c copies the id, not the key")
    }

    @Test("the header counts the marks; marked rows show * in the gutter, within the selection bar too")
    func headerAndGutter() throws {
        var harness = BrowserKeyTests.loaded()
        #expect(!harness.render().text(ofRow: 1).contains("marked"))
        harness.press(Self.space, .down, Self.space, .up)
        let frame = harness.render()
        #expect(frame.text(ofRow: 1).contains("30 images · 2 marked"), "\(frame.text(ofRow: 1))")
        let first = try #require(Self.row(of: Fixtures.id(1), in: frame))
        #expect(frame[0, first].text == "*")
        #expect(frame[0, first].style == Theme.mark)
        let second = try #require(Self.row(of: Fixtures.id(2), in: frame))
        #expect(frame[0, second].text == " ", "not marked")
        let third = try #require(Self.row(of: Fixtures.id(3), in: frame))
        #expect(frame[0, third].text == "*")
        #expect(frame[1, third].style == frame[0, third].style, "the selected row's bar goes over the gutter")
        #expect(frame.text(ofRow: first).dropFirst().hasPrefix(Fixtures.id(1)), "the columns did not move")
    }

    @Test("c copies the marked ids, one a line in the list's order; without marks the selected id")
    func copyWithMarks() {
        var harness = BrowserKeyTests.loaded()
        harness.press(.down, .down, Self.space, .home, Self.space)
        harness.press(.character("c"))
        #expect(harness.copied == [Fixtures.id(1) + "\n" + Fixtures.id(3)])
        #expect(harness.state.message?.text == "copied 2 marked ids")
        harness.press(.character("U"), .character("c"))
        #expect(harness.copied.last == Fixtures.id(2))
    }

    @Test("c refuses marked ids when one holds control characters")
    func copyRefusesUnsafeIDs() {
        var hostile = Fixtures.image(1)
        hostile.id = "img-\u{1B}]52;c;evil\u{7}"
        var harness = BrowserKeyTests.loaded([hostile, Fixtures.image(2)])
        harness.press(.character("*"), .character("c"))
        #expect(harness.copied.isEmpty)
        #expect(harness.state.message?.text.hasPrefix("not copied") == true)
    }

    @Test("y shows the marked images' JSON as one array; c there copies their ids; y closes it")
    func jsonWithMarks() throws {
        var harness = BrowserKeyTests.loaded()
        harness.press(Self.space, .down, Self.space)
        harness.press(.character("y"))
        #expect(harness.state.overlay == .markedJSON(imageKeys: [Fixtures.id(1), Fixtures.id(3)], scroll: 0))
        let frame = harness.render()
        #expect(frame.text.contains("raw JSON · 2 marked images"))
        let lines = harness.state.geometry.overlayLines(of: harness.state.overlay!, catalog: harness.state.catalog,
                                                        options: harness.state.options, setup: harness.state.setupValues)
        let text = lines.map { $0.map(\.text).joined() }.joined(separator: "\n")
        let array = try JSONValue(parsing: Array(text.utf8)[...])
        guard case .array(let objects) = array else {
            Issue.record("not an array: \(text.prefix(80))")
            return
        }
        #expect(objects.count == 2)
        #expect(objects.first == Fixtures.image(1).raw)
        harness.press(.character("c"))
        #expect(harness.copied == [Fixtures.id(1) + "\n" + Fixtures.id(3)])
        harness.press(.character("y"))
        #expect(harness.state.overlay == nil)

        harness.press(.character("U"), .character("y"))
        #expect(harness.state.overlay == .rawJSON(imageID: harness.selectedKey!, scroll: 0), "without marks: the selected image")
    }
}

/// Marks in `qcimages pick`: with `--multi` Enter chooses the marked images; without it marks are off.
@Suite("Marks in pick")
struct PickMarkTests {
    @Test("pick --multi: Enter chooses the marked images in the list's order, the selected one with none marked")
    func multiChoosesMarks() {
        var harness = Harness(images: Fixtures.images(30), picking: true, allowsMarks: true)
        harness.answerAll()
        harness.press(.down, .down, BrowserMarkTests.space, .home, BrowserMarkTests.space, BrowserMarkTests.space)
        harness.press(.enter)
        #expect(harness.chosen.map { $0.map(\.id) } == [[1, 2, 3].map(Fixtures.id)])

        var none = Harness(images: Fixtures.images(30), picking: true, allowsMarks: true)
        none.answerAll()
        none.press(.down, .enter)
        #expect(none.chosen.map { $0.map(\.id) } == [[Fixtures.id(2)]])
    }

    @Test("pick without --multi: Space, * and U mark nothing and say how to turn marks on, as fzf without -m")
    func marksOffWithoutMulti() {
        var harness = Harness(images: Fixtures.images(30), picking: true, allowsMarks: false)
        harness.answerAll()
        harness.press(BrowserMarkTests.space)
        #expect(harness.state.marks.isEmpty)
        #expect(harness.selectedKey == Fixtures.id(1), "Space does not move either")
        #expect(harness.state.message?.text.contains("pick --multi") == true)
        harness.press(.character("*"))
        #expect(harness.state.marks.isEmpty)
        harness.press(.enter)
        #expect(harness.chosen.map { $0.map(\.id) } == [[Fixtures.id(1)]])
    }

    @Test("pick --multi's footer says Space marks, beside Enter's choose; neither pick without it nor the browser")
    func footer() {
        func footer(picking: Bool, allowsMarks: Bool) -> String {
            var harness = Harness(images: Fixtures.images(30), picking: picking, allowsMarks: allowsMarks)
            harness.answerAll()
            let frame = harness.render()
            return frame.text(ofRow: frame.size.height - 1)
        }
        #expect(footer(picking: true, allowsMarks: true).contains("⏎ choose  Space mark"))
        #expect(!footer(picking: true, allowsMarks: false).contains("Space"))
        #expect(!footer(picking: false, allowsMarks: true).contains("Space"))
    }

    @Test("pick's help says Enter chooses, Esc and q cancel, and whether marks are on")
    func pickHelp() {
        func help(_ options: BrowserOptions) -> [String] {
            HelpContent.lines(width: 200, options: options).map { $0.map(\.text).joined() }
        }
        let browse = help(BrowserOptions(endpointLabel: "test", zones: ["pek3a"]))
        #expect(browse.contains { $0.contains("Enter") && $0.contains("detail pane full screen") })
        let pick = help(BrowserOptions(endpointLabel: "test", zones: ["pek3a"], picking: true, allowsMarks: false))
        #expect(pick.contains { $0.contains("Enter") && $0.contains("choose: print the selected image") })
        #expect(!pick.contains { $0.contains("detail pane full screen") })
        #expect(pick.contains { $0.contains("Space") && $0.contains("off: marks need qcimages pick --multi") })
        #expect(pick.contains { $0.contains("cancel: print nothing and exit 1") })
        let multi = help(BrowserOptions(endpointLabel: "test", zones: ["pek3a"], picking: true, allowsMarks: true))
        #expect(multi.contains { $0.contains("choose: print the marked images") })
        #expect(multi.contains { $0.contains("Space") && $0.contains("mark / unmark") })
    }
}
