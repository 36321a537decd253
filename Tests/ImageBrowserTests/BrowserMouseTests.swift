import Foundation
import QingCloud
import Testing
@testable import ImageBrowser
import TerminalVocabulary

/// The mouse (`--mouse`): what is under the pointer comes from the layout the renderer draws with, and
/// each click or wheel notch does what the same place on screen shows (issue 20, point 5).
@Suite("The mouse")
struct BrowserMouseTests {
    /// A loaded browser of `count` images.
    private func loaded(_ count: Int = 200, size: TerminalSize = TerminalSize(width: 120, height: 40),
                        picking: Bool = false) -> Harness {
        var harness = Harness(images: Fixtures.images(count), size: size, picking: picking)
        harness.answerAll()
        return harness
    }

    private func geometry(_ harness: Harness) -> ViewGeometry { harness.state.geometry }

    /// Where the geometry puts `column`'s title (its first cell), and the title row.
    private func titleCell(_ column: ImageField, in harness: Harness) throws -> (column: Int, row: Int) {
        let geometry = geometry(harness)
        let list = try #require(geometry.layout.list)
        let placed = try #require(geometry.columns.first { $0.column == column })
        return (list.x + placed.x, list.y)
    }

    /// The screen row of the list's `line`-th row on screen.
    private func listRow(_ line: Int, in harness: Harness) throws -> Int {
        try #require(geometry(harness).layout.list).y + 1 + line
    }

    private func click(_ harness: inout Harness, column: Int, row: Int) {
        harness.send(.mouse(MouseEvent(.press, column: column, row: row)))
    }

    // MARK: Hit testing

    @Test("titles, rows, the detail pane, the header and the footer are found from the layout")
    func hitTesting() throws {
        let harness = loaded()
        let geometry = geometry(harness)
        let list = try #require(geometry.layout.list)
        let detail = try #require(geometry.layout.detail)
        for (index, placed) in geometry.columns.enumerated() {
            let x = list.x + placed.x
            #expect(geometry.target(column: x, row: list.y, overlay: nil, zoneSpans: []) == .columnTitle(placed.column))
            // The gap after a title belongs to it.
            if index + 1 < geometry.columns.count {
                let gap = list.x + geometry.columns[index + 1].x - 1
                #expect(geometry.target(column: gap, row: list.y, overlay: nil, zoneSpans: []) == .columnTitle(placed.column))
            }
        }
        #expect(geometry.target(column: list.x + 3, row: list.y + 1, overlay: nil, zoneSpans: []) == .listRow(0))
        #expect(geometry.target(column: list.maxX - 1, row: list.maxY - 1, overlay: nil, zoneSpans: []) == .listRow(list.height - 2))
        #expect(geometry.target(column: detail.x, row: detail.y, overlay: nil, zoneSpans: []) == .detail)
        #expect(geometry.target(column: detail.maxX - 1, row: detail.maxY - 1, overlay: nil, zoneSpans: []) == .detail)
        let footer = geometry.layout.footerRow
        for (column, row) in [(0, 0), (50, 0), (5, 1), (3, footer), (119, footer), (-1, 5), (5, -1), (120, 5), (5, 40)] {
            #expect(geometry.target(column: column, row: row, overlay: nil, zoneSpans: []) == .nothing, "\(column),\(row)")
        }
    }

    @Test("the titles follow the columns where they are placed, not fixed offsets")
    func titlesFollowTheColumns() throws {
        for width in [40, 80, 100, 125, 200] {
            let harness = loaded(size: TerminalSize(width: width, height: 30))
            let geometry = geometry(harness)
            let list = try #require(geometry.layout.list)
            let frame = harness.render(width, 30)
            for placed in geometry.columns {
                let target = geometry.target(column: list.x + placed.x, row: list.y, overlay: nil, zoneSpans: [])
                #expect(target == .columnTitle(placed.column))
                #expect(frame.text(ofRow: list.y).contains(placed.column.title), "\(width): \(placed.column.title)")
            }
        }
    }

    @Test("an open overlay takes every click: its text lines, its frame, and outside it")
    func overlayHitTesting() {
        let harness = loaded()
        let geometry = geometry(harness)
        let overlay = Overlay.help(scroll: 0)
        let box = geometry.box(for: overlay).rect
        #expect(geometry.target(column: box.x + 2, row: box.y + 1, overlay: overlay, zoneSpans: []) == .overlayLine(0))
        #expect(geometry.target(column: box.x + 5, row: box.y + 4, overlay: overlay, zoneSpans: []) == .overlayLine(3))
        #expect(geometry.target(column: box.x, row: box.y + 4, overlay: overlay, zoneSpans: []) == .overlayFrame)
        #expect(geometry.target(column: box.x + 5, row: box.y, overlay: overlay, zoneSpans: []) == .overlayFrame)
        #expect(geometry.target(column: box.x + 5, row: box.maxY, overlay: overlay, zoneSpans: []) == .outsideOverlay)
    }

    @Test("a terminal too small for the panes has nothing to click")
    func tinyTerminal() {
        var harness = loaded(size: TerminalSize(width: 30, height: 6))
        let before = harness.state
        for row in 0..<6 {
            for column in stride(from: 0, to: 30, by: 3) {
                click(&harness, column: column, row: row)
                harness.send(.mouse(MouseEvent(.wheelDown, column: column, row: row)))
            }
        }
        #expect(harness.state.selectedKey == before.selectedKey)
        #expect(harness.state.catalog.order == before.catalog.order)
        #expect(harness.state.focus == .list)
        #expect(harness.render(30, 6).text(ofRow: 1).contains("terminal too small"))
    }

    // MARK: Clicks

    @Test("a click on a row selects it and gives the list the focus; below the last row, nothing")
    func clickSelectsARow() throws {
        var harness = loaded()
        harness.press(.tab)
        #expect(harness.state.focus == .detail)
        let rowFive = try listRow(5, in: harness)
        click(&harness, column: 4, row: rowFive)
        #expect(harness.state.selectedIndex == 5)
        #expect(harness.selectedKey == harness.visibleIDs[5])
        #expect(harness.state.focus == .list)
        #expect(harness.render().text(ofRow: harness.state.size.height - 1).hasSuffix("6/200 "))

        harness.press(.pageDown)
        let top = harness.state.scrollTop
        #expect(top > 0)
        click(&harness, column: 4, row: try listRow(1, in: harness))
        #expect(harness.state.selectedIndex == top + 1, "rows count from the first one on screen")

        var few = loaded(3)
        click(&few, column: 4, row: try listRow(1, in: few))
        #expect(few.state.selectedIndex == 1)
        click(&few, column: 4, row: try listRow(10, in: few))
        #expect(few.state.selectedIndex == 1, "an empty row selects nothing")
    }

    @Test("a click on a column title sorts by it; a second click reverses, as S does")
    func clickOnATitleSorts() throws {
        var harness = loaded()
        harness.press(.down, .down)
        let selected = harness.selectedKey
        let name = try titleCell(.name, in: harness)
        click(&harness, column: name.column, row: name.row)
        #expect(harness.state.catalog.order == SortOrder(column: .name, descending: ImageField.name.startsDescending))
        #expect(harness.selectedKey == selected, "the selected image stays selected")
        let first = harness.state.catalog.order
        click(&harness, column: name.column + 2, row: name.row)
        #expect(harness.state.catalog.order == first.reversed)
        #expect(harness.render().text(ofRow: name.row).contains("NAME" + (first.reversed.descending ? "▼" : "▲")))

        let size = try titleCell(.size, in: harness)
        click(&harness, column: size.column, row: size.row)
        #expect(harness.state.catalog.order.column == .size)
    }

    @Test("a click on the detail pane focuses it, as Tab does")
    func clickFocusesTheDetail() throws {
        var harness = loaded()
        let detail = try #require(geometry(harness).layout.detail)
        click(&harness, column: detail.x + 3, row: detail.y + 2)
        #expect(harness.state.focus == .detail)
        let selected = harness.selectedKey
        #expect(selected == harness.visibleIDs[0])
    }

    @Test("clicks on the footer, the header and the pane border change nothing")
    func clicksOnNothing() throws {
        var harness = loaded()
        harness.press(.down)
        let before = harness.state
        let footer = geometry(harness).layout.footerRow
        for column in [0, 1, 10, 60, 119] {
            click(&harness, column: column, row: footer)
            click(&harness, column: column, row: 0)
            click(&harness, column: column, row: 1)
        }
        if let detail = geometry(harness).layout.detail, geometry(harness).layout.placement == .beside {
            click(&harness, column: detail.x - 1, row: detail.y + 3)
        }
        #expect(harness.state.selectedKey == before.selectedKey)
        #expect(harness.state.catalog.order == before.catalog.order)
        #expect(harness.state.filter.text == before.filter.text)
        #expect(harness.state.focus == before.focus)
        #expect(harness.state.overlay == nil)
    }

    @Test("pick: a click selects a row; only Enter chooses")
    func pickClickSelects() throws {
        var harness = loaded(picking: true)
        click(&harness, column: 3, row: try listRow(2, in: harness))
        #expect(harness.state.selectedIndex == 2)
        #expect(harness.chosen.isEmpty && !harness.quitRequested)
    }

    // MARK: The wheel

    @Test("the wheel over the list moves the selection three rows a notch")
    func wheelOverTheList() throws {
        var harness = loaded()
        let row = try listRow(4, in: harness)
        harness.send(.mouse(MouseEvent(.wheelDown, column: 5, row: row)))
        #expect(harness.state.selectedIndex == 3)
        harness.send(.mouse(MouseEvent(.wheelDown, column: 5, row: row)))
        #expect(harness.state.selectedIndex == 6)
        harness.send(.mouse(MouseEvent(.wheelUp, column: 5, row: 0)))
        #expect(harness.state.selectedIndex == 3, "over the header the wheel moves in the list too")
        harness.send(.mouse(MouseEvent(.wheelUp, column: 5, row: row)))
        harness.send(.mouse(MouseEvent(.wheelUp, column: 5, row: row)))
        #expect(harness.state.selectedIndex == 0)
    }

    @Test("the wheel over the detail pane scrolls it, whichever pane has the focus")
    func wheelOverTheDetail() throws {
        // Short enough that the detail pane's lines do not all show.
        var harness = loaded(size: TerminalSize(width: 130, height: 14))
        let detail = try #require(geometry(harness).layout.detail)
        let selected = harness.selectedKey
        harness.send(.mouse(MouseEvent(.wheelDown, column: detail.x + 4, row: detail.y + 2)))
        #expect(harness.state.detailScroll == 3)
        #expect(harness.selectedKey == selected)
        #expect(harness.state.focus == .list)
        harness.send(.mouse(MouseEvent(.wheelUp, column: detail.x + 4, row: detail.y + 2)))
        #expect(harness.state.detailScroll == 0)
        harness.press(.enter)
        #expect(harness.state.detailFullScreen)
        harness.send(.mouse(MouseEvent(.wheelDown, column: 2, row: 5)))
        #expect(harness.state.detailScroll == 3, "full screen, the detail is under the pointer everywhere")
    }

    // MARK: Zones

    @Test("a click on a zone in the header filters to it; a second click shows every zone again")
    func clickOnAZone() throws {
        var harness = Harness(zones: BrowserZoneTests.zones())
        harness.answerAll()
        let header = harness.render(160, 40).text(ofRow: 1)
        let offset = try #require(header.range(of: "sh1a 125")).lowerBound.utf16Offset(in: header)
        click(&harness, column: offset + 2, row: 1)
        #expect(harness.state.filter.text == "zone:sh1a")
        #expect(harness.state.listSlots.count == 125)
        #expect(harness.render(160, 40).text(ofRow: 1).contains("filter zone:sh1a"))

        // The counts line moved ("125 matches · " in front): the zone is found where it is now.
        let moved = harness.render(160, 40).text(ofRow: 1)
        let again = try #require(moved.range(of: "sh1a 125")).lowerBound.utf16Offset(in: moved)
        click(&harness, column: again, row: 1)
        #expect(harness.state.filter.text == "")
        #expect(harness.state.listSlots.count == 420)
    }

    @Test("a zone click keeps the rest of the filter and replaces its zone terms")
    func zoneFilterText() {
        #expect(BrowserState.filterText("", togglingZone: "sh1a") == ("zone:sh1a", true))
        #expect(BrowserState.filterText("ubuntu  zone:pek3a", togglingZone: "sh1a") == ("ubuntu zone:sh1a", true))
        #expect(BrowserState.filterText("ubuntu zone:sh1a", togglingZone: "sh1a") == ("ubuntu", false))
        #expect(BrowserState.filterText("zone:SH1A", togglingZone: "sh1a") == ("", false))
        #expect(BrowserState.filterText("zone:pek3a|sh1a", togglingZone: "sh1a") == ("zone:sh1a", true))
        #expect(BrowserState.filterText("!zone:gd2a os:ubuntu", togglingZone: "sh1a") == ("!zone:gd2a os:ubuntu zone:sh1a", true))
        #expect(BrowserState.filterText("name:\"a zone:b\" x", togglingZone: "sh1a") == ("name:\"a zone:b\" x zone:sh1a", true))
        #expect(BrowserState.filterText("name:\"open", togglingZone: "sh1a") == ("name:\"open\" zone:sh1a", true))
    }

    @Test("one zone: the header has no zone to click")
    func oneZoneHasNoZoneTarget() {
        var harness = loaded()
        for column in 0..<60 { click(&harness, column: column, row: 1) }
        #expect(harness.state.filter.text == "")
    }

    // MARK: Overlays

    @Test("help and raw JSON: the wheel scrolls them, a click inside does nothing, outside closes")
    func helpAndJSON() throws {
        var harness = loaded(size: TerminalSize(width: 130, height: 24))
        harness.press(.character("?"))
        let box = geometry(harness).box(for: .help(scroll: 0)).rect
        harness.send(.mouse(MouseEvent(.wheelDown, column: box.x + 5, row: box.y + 3)))
        #expect(harness.state.overlay == .help(scroll: 3))
        click(&harness, column: box.x + 5, row: box.y + 3)
        #expect(harness.state.overlay == .help(scroll: 3))
        click(&harness, column: box.x + 5, row: box.y)
        #expect(harness.state.overlay == .help(scroll: 3))
        let selected = harness.selectedKey
        click(&harness, column: 0, row: 10)
        #expect(harness.state.overlay == nil)
        #expect(harness.selectedKey == selected, "the click that closes it does not reach the list")

        harness.press(.character("y"))
        guard case .rawJSON = harness.state.overlay else {
            Issue.record("y opens the raw JSON")
            return
        }
        click(&harness, column: 129, row: 12)
        #expect(harness.state.overlay == nil)
    }

    @Test("F6: a click on a column sorts by it, the wheel moves the cursor, a click outside cancels")
    func sortChooser() throws {
        var harness = loaded()
        harness.press(.function(6))
        let geometry = geometry(harness)
        let box = geometry.box(for: .sortChooser(cursor: .createTime)).rect
        let index = try #require(geometry.sortChoices.firstIndex { $0.column == .name })
        harness.send(.mouse(MouseEvent(.wheelUp, column: box.x + 3, row: box.y + 2)))
        let start = try #require(geometry.sortChoices.firstIndex { $0.column == .createTime })
        try #require(start > 0)
        #expect(harness.state.overlay == .sortChooser(cursor: geometry.sortChoices[start - 1].column), "one line a notch")
        harness.send(.mouse(MouseEvent(.wheelDown, column: box.x + 3, row: box.y + 2)))
        #expect(harness.state.overlay == .sortChooser(cursor: .createTime))

        click(&harness, column: box.x + 3, row: box.y + 1 + index)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.catalog.order.column == .name)

        harness.press(.function(6))
        click(&harness, column: box.maxX + 2, row: box.y + 1)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.catalog.order.column == .name, "outside: the order as it was")
    }

    @Test("F6 scrolled to a cursor low in a short chooser: a click picks the line shown there")
    func sortChooserScrolled() throws {
        var harness = loaded(size: TerminalSize(width: 80, height: 10))
        harness.press(.function(6), .end)
        let geometry = geometry(harness)
        guard case .sortChooser(let cursor) = harness.state.overlay else {
            Issue.record("F6 opens the chooser")
            return
        }
        let top = geometry.sortChooserTop(cursor: cursor)
        #expect(top > 0, "the chooser does not fit 10 lines")
        let box = geometry.box(for: .sortChooser(cursor: cursor)).rect
        click(&harness, column: box.x + 3, row: box.y + 1)
        #expect(harness.state.catalog.order.column == geometry.sortChoices[top].column)
    }

    @Test("the filter bar open: a click selects a row and the bar stays open")
    func clickWhileEditingTheFilter() throws {
        var harness = loaded()
        harness.press(.character("/"))
        harness.type("image-1")
        let row = try listRow(2, in: harness)
        click(&harness, column: 3, row: row)
        #expect(harness.state.filter.isEditing)
        #expect(harness.state.selectedIndex == 2)
        #expect(harness.state.filter.text == "image-1")
    }
}
