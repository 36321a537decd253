import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

@Suite("Render")
struct RenderTests {
    /// States that draw differently: plain, filter bar, overlays, full screen, error line.
    static func states(size: TerminalSize) -> [Harness] {
        var plain = RenderFixtures.harness(size: size, selecting: "img-ky10sp3a", total: 500)
        plain.state.highlights[HighlightKey(imageID: "img-ky10sp3a", field: .name)] = plain.now.addingTimeInterval(2)
        var filtering = plain
        filtering.press(.character("/"))
        filtering.type("银河 size>")
        var help = plain
        help.press(.character("?"), .pageDown)
        var json = plain
        json.press(.character("y"))
        var fullScreen = plain
        fullScreen.press(.enter, .down)
        var failing = plain
        failing.fire(.refresh)
        while !failing.pending.isEmpty {
            failing.answerNext(with: .failure(.httpStatus(code: 502, excerpt: "<html>\u{1B}[2J bad gateway")))
        }
        let empty = Harness(images: [], size: size)
        return [plain, filtering, help, json, fullScreen, failing, empty]
    }

    static let widths = [0, 1, 2, 3, 10, 39, 40, 41, 59, 79, 80, 100, 119, 120, 121, 250]
    static let heights = [0, 1, 2, 3, 7, 8, 9, 12, 16, 18, 19, 24, 40, 70]

    @Test("any size down to 0x0 draws without a crash, every wide character whole, no control character")
    func everySize() {
        for width in Self.widths {
            for height in Self.heights {
                let size = TerminalSize(width: width, height: height)
                for var harness in Self.states(size: size) {
                    harness.send(.resize(size))
                    let frame = Browser.render(harness.state, now: harness.now)
                    #expect(frame.size == size)
                    #expect(frame.cells.count == width * height)
                    checkCells(frame)
                    if let cursor = frame.cursor {
                        #expect(cursor.column >= 0 && cursor.column < width && cursor.row >= 0 && cursor.row < height)
                    }
                }
            }
        }
    }

    private func checkCells(_ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) {
        for row in 0..<frame.size.height {
            let cells = Array(frame.row(row))
            for (column, cell) in cells.enumerated() {
                if cell.width == 2 {
                    #expect(column + 1 < cells.count && cells[column + 1].width == 0, "half a wide character at \(column),\(row)", sourceLocation: sourceLocation)
                }
                if cell.width == 0 {
                    #expect(column > 0 && cells[column - 1].width == 2, "orphan tail at \(column),\(row)", sourceLocation: sourceLocation)
                }
                for scalar in cell.text.unicodeScalars {
                    let value = scalar.value
                    let control = value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                        || (0x2066...0x2069).contains(value)
                    #expect(!control, "control character U+\(String(value, radix: 16)) at \(column),\(row)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test("below 40x8 the screen says the terminal is too small")
    func tooSmallMessage() {
        let harness = RenderFixtures.harness(size: TerminalSize(width: 39, height: 20))
        #expect(harness.render(39, 20).text.contains("terminal too small"))
        #expect(!harness.render(40, 8).text.contains("terminal too small"))
    }

    @Test("the caret follows the filter text, counting CJK as two cells")
    func caret() {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("/"))
        harness.type("ab银")
        #expect(harness.render(80, 24).cursor?.column == 5)
        #expect(harness.render(80, 24).cursor?.row == 23)
        harness.press(.left)
        #expect(harness.render(80, 24).cursor?.column == 3)
        harness.press(.enter)
        #expect(harness.render(80, 24).cursor == nil)
    }

    @Test("columns drop by priority as the list narrows; ID, name and status always stay")
    func columnPriority() {
        let titles = { (width: Int) in ListPane.columns(width: width).map(\.column) }
        #expect(titles(160) == ImageField.standardColumns.filter { $0 != .zone })
        #expect(ListPane.columns(width: 160, zoneWidth: 5).map(\.column) == ImageField.standardColumns)
        #expect(ListPane.columns(width: 40, zoneWidth: 5).map(\.column) == [.id, .zone, .name, .status])
        #expect(!titles(71).contains(.processorType))
        #expect(titles(80) == [.id, .name, .status, .osFamily, .size, .createTime])
        #expect(titles(40) == [.id, .name, .status])
        for width in 40...250 {
            let columns = ListPane.columns(width: width)
            #expect(columns.last.map { $0.x + $0.width } ?? 0 <= width)
        }
    }

    @Test("the selected row is one reverse-video bar across the list's whole width; a changed value keeps its highlight on it",
          arguments: [80, 120, 160])
    func selectedRow(width: Int) {
        var harness = RenderFixtures.harness(size: TerminalSize(width: width, height: 40))
        let selectedKey = harness.state.selectedKey!
        harness.state.highlights[HighlightKey(imageID: selectedKey, field: .status)] = harness.now.addingTimeInterval(2)
        let frame = harness.render(width, 40)
        let list = harness.state.geometry.layout.list!
        let status = harness.state.geometry.columns.first { $0.column == .status }!
        let y = (list.y + 1..<list.maxY).first { frame.text(ofRow: $0).contains(selectedKey) }!
        let selected = (list.x..<list.maxX).map { frame[$0, y] }
        let statusCells = list.x + status.x..<list.x + status.x + status.width
        for (offset, cell) in selected.enumerated() {
            if statusCells.contains(list.x + offset) {
                #expect(cell.style == Theme.changed, "\(width): column \(offset) of the changed status")
            } else {
                #expect(cell.style == Theme.selectionBar(focused: true), "\(width): column \(offset) is not on the bar")
            }
        }
        #expect(!(list.x..<list.maxX).contains { frame[$0, y + 1].style.reverse }, "\(width)")
    }

    @Test("tag colours map to the nearest entry of the xterm palette")
    func palette() {
        #expect(XtermPalette.nearestIndex(toHex: "#ff0000") == 196)
        #expect(XtermPalette.nearestIndex(toHex: "#000000") == 16)
        #expect(XtermPalette.nearestIndex(toHex: "#ffffff") == 231)
        #expect(XtermPalette.nearestIndex(toHex: "#808080") == 244)
        #expect(XtermPalette.nearestIndex(toHex: "c096e0") == 140)
        #expect(XtermPalette.nearestIndex(toHex: "red") == nil)
        #expect(XtermPalette.nearestIndex(toHex: "#12345") == nil)
    }

    @Test("ages are coarse and sizes grouped")
    func formatting() {
        #expect(TextFormat.grouped(9_870) == "9,870")
        #expect(TextFormat.grouped(100) == "100")
        #expect(TextFormat.grouped(1_234_567) == "1,234,567")
        #expect(TextFormat.age(30) == "<1m")
        #expect(TextFormat.age(5 * 3600 + 59) == "5h")
        #expect(TextFormat.age(3 * 86_400) == "3d")
        #expect(TextFormat.age(100 * 86_400) == "3mo")
        #expect(TextFormat.age(800 * 86_400) == "2y")
        #expect(TextFormat.duration(80 * 60) == "1h 20m")
        #expect(TextFormat.wrap("alpha beta gamma", width: 10) == ["alpha beta", "gamma"])
        #expect(TextFormat.wrap("银河麒麟操作系统", width: 5) == ["银河", "麒麟", "操作", "系统"])
    }

    @Test("the data's age shows seconds under a minute; a countdown rounds up")
    func secondsUnderAMinute() {
        #expect(TextFormat.age(12.7, showingSeconds: true) == "12s")
        #expect(TextFormat.age(0, showingSeconds: true) == "0s")
        #expect(TextFormat.age(60, showingSeconds: true) == "1m")
        #expect(TextFormat.age(12.7) == "<1m")
        let start = Fixtures.now
        #expect(TextFormat.nextAgeChange(since: start, now: start.addingTimeInterval(12.3), showingSeconds: true)
            == start.addingTimeInterval(13))
        #expect(TextFormat.nextAgeChange(since: start, now: start.addingTimeInterval(72), showingSeconds: true)
            == start.addingTimeInterval(120))
        #expect(TextFormat.countdown(to: start.addingTimeInterval(3.2), now: start) == "4s")
        #expect(TextFormat.countdown(to: start.addingTimeInterval(65), now: start) == "1m 5s")
        #expect(TextFormat.nextCountdownChange(to: start.addingTimeInterval(3.2), now: start) == start.addingTimeInterval(0.2))
    }

    /// CJK line breaking: closing punctuation stays with the character before it.
    @Test("a closing 。 or ，never starts a wrapped line", arguments: [
        ("国产操作系统镜像。", 8, ["国产操作", "系统镜", "像。"]),
        ("国产操作系统镜像。", 16, ["国产操作系统镜", "像。"]),
        ("一二三。」", 8, ["一二", "三。」"]),
        ("abcdefgh.", 8, ["abcdefg", "h."]),
        ("hello world.", 11, ["hello", "world."]),
        ("hello 。", 6, ["hello", "。"]),
    ])
    func closingPunctuationStaysWithItsCharacter(text: String, width: Int, lines: [String]) {
        let wrapped = TextFormat.wrap(text, width: width)
        #expect(wrapped == lines)
        #expect(wrapped.allSatisfy { DisplayWidth.of($0) <= width })
    }

    @Test("the detail pane never shows a lone 。 on a line")
    func detailPaneKeepsTheFullStop() {
        let description = "国产操作系统镜像，预装常用运维工具和安全加固配置。"
        for width in 20...60 {
            var harness = Harness(images: [Fixtures.image(1, description: description)], size: TerminalSize(width: 120, height: 40))
            harness.answerAll()
            let lines = DetailContent(row: harness.state.selectedRow!, usedBy: nil, width: width, now: harness.now, highlights: []).lines
            let texts = lines.map { $0.map(\.text).joined().trimmingCharacters(in: .whitespaces) }
            #expect(!texts.contains("。"), "width \(width)")
            #expect(!texts.contains { $0.hasPrefix("。") || $0.hasPrefix("，") }, "width \(width)")
        }
    }

    @Test("the header counts 1 match and 159 matches")
    func matchCountsArePlural() {
        var harness = Harness(images: Fixtures.images(200))
        harness.answerAll()
        harness.press(.character("/"))
        harness.type("image-1")
        harness.press(.enter)
        #expect(harness.state.listSlots.count == 111)
        #expect(harness.render().text(ofRow: 1).contains("111 matches · "))
        harness.press(.character("/"))
        harness.type("99")
        harness.press(.enter)
        #expect(harness.render().text(ofRow: 1).contains(" 1 match · "))
    }
}

/// The update function scrolls the detail pane with the geometry the renderer draws with.
@Suite("Detail pane scrolling")
struct DetailScrollTests {
    /// An image whose detail is longer than the pane at every size tested, ending with a known line.
    static let image = Fixtures.image(
        1, name: "long-detail", description: (1...40).map { "paragraph \($0) of the release notes" }.joined(separator: "\n"),
        tags: [Tag(id: "tag-last0001", name: "the-last-tag", key: "", value: "", color: "#5aa0e6", owner: "usr-fixture1")]
    )

    @Test("End in the detail pane shows its last line", arguments: [(76, 24), (77, 24), (120, 40), (80, 24), (200, 50)])
    func endShowsTheLastLine(width: Int, height: Int) throws {
        let size = TerminalSize(width: width, height: height)
        var harness = Harness(images: [Self.image], size: size)
        harness.answerAll()
        harness.press(.tab, .end)
        let frame = harness.render(width, height)
        let detail = try #require(harness.state.geometry.layout.detail)
        let title = frame.text(ofRow: detail.y)
        let position = try #require(title.firstMatch(of: /(\d+)-(\d+)\/(\d+)/), "no scroll position in \(title)")
        #expect(position.output.2 == position.output.3, "\(width)x\(height): \(title)")
        let body = (detail.y + 1..<detail.maxY).map { frame.text(ofRow: $0) }.joined(separator: "\n")
        #expect(body.contains("the-last-tag"), "\(width)x\(height): the last line is not on screen:\n\(body)")
    }
}

/// How the list and the detail pane share the width (issue 11 #5): as the terminal grows by a column,
/// NAME never gets narrower (not where the detail pane moves beside the list, not where a dropped column
/// comes back), the detail pane gets a fair share of a wide terminal, and no row ends in a blank tail.
@Suite("Width sharing")
struct WidthSharingTests {
    static func geometry(_ width: Int, _ height: Int, widestID: Int = 12, zoneWidth: Int = 0,
                         error: Bool = false) -> ViewGeometry {
        ViewGeometry(size: TerminalSize(width: width, height: height), showsErrorLine: error, detailFullScreen: false,
                     widestID: widestID, zoneWidth: zoneWidth)
    }

    static func nameWidth(_ geometry: ViewGeometry) -> Int {
        geometry.columns.first { $0.column == .name }?.width ?? 0
    }

    @Test("NAME never shrinks from 60 to 320 columns", arguments: [
        (24, 12, 0, false), (40, 12, 0, false), (12, 12, 0, false), (60, 12, 0, true), (45, 20, 0, false),
        (40, 12, 4, false), (40, 16, 12, true),
    ])
    func nameNeverShrinks(height: Int, widestID: Int, zoneWidth: Int, error: Bool) {
        var previous = 0
        var shrinks: [String] = []
        for width in 60...320 {
            let name = Self.nameWidth(Self.geometry(width, height, widestID: widestID, zoneWidth: zoneWidth, error: error))
            if name < previous { shrinks.append("\(width - 1)->\(width): \(previous)->\(name)") }
            previous = name
        }
        #expect(shrinks.isEmpty, "height \(height), id \(widestID), zone \(zoneWidth): NAME shrinks at \(shrinks)")
    }

    @Test("no row ends in a blank tail: the last column ends at the list's right edge", arguments: [24, 40])
    func noBlankTail(height: Int) {
        for width in 40...320 {
            let geometry = Self.geometry(width, height)
            guard let list = geometry.layout.list, let last = geometry.columns.last else { continue }
            #expect(last.x + last.width == list.width, "\(width)x\(height)")
        }
    }

    @Test("beside the list, the detail pane gets a third to three fifths of a wide terminal")
    func detailShare() {
        for width in 160...320 {
            let layout = Self.geometry(width, 45).layout
            let detail = layout.detail?.width ?? 0
            #expect(layout.placement == .beside, "\(width)")
            #expect(detail * 3 >= width && detail * 5 <= width * 3, "\(width): detail \(detail)")
        }
        #expect(Self.nameWidth(Self.geometry(400, 45)) == Layout.widestUsefulName)
    }

    @Test("the key sizes", arguments: [
        (80, 31, 0), (119, 31, 0), (124, 31, 0), (125, 31, 44), (160, 31, 64), (200, 49, 80), (300, 64, 165),
    ])
    func keySizes(width: Int, name: Int, detail: Int) {
        let geometry = Self.geometry(width, 40)
        #expect(Self.nameWidth(geometry) == name, "\(width)")
        #expect((geometry.layout.placement == .beside ? geometry.layout.detail?.width : 0) == detail, "\(width)")
    }
}
