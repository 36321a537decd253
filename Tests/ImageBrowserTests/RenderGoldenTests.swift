import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// Frames compared with text files in Golden/, in every theme. `QCIMAGES_RECORD_GOLDEN=1 swift test`
/// rewrites those that differ, and fails for each one it rewrites.
@Suite("Render golden frames")
struct RenderGoldenTests {
    @Test("80x24: list with the detail pane below, an image in transition selected")
    func standard80x24() throws {
        let harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24), selecting: "img-ky10sp3a")
        try assertGoldenInEveryTheme("list-80x24", harness, 80, 24)
    }

    @Test("125x40: detail beside the list (from this width on), a deleted image within its recovery window")
    func wide125x40() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 125, height: 40), selecting: "img-db0bak03", total: 9_870, demo: true)
        harness.state.highlights[HighlightKey(imageID: "img-w3bf0g1d", field: .status)] = harness.now.addingTimeInterval(3)
        try assertGoldenInEveryTheme("wide-125x40", harness, 125, 40)
    }

    @Test("40x12: the narrowest full layout, list only")
    func narrow40x12() throws {
        let harness = RenderFixtures.harness(size: TerminalSize(width: 40, height: 12), selecting: "img-ev1l0esc")
        try assertGoldenInEveryTheme("narrow-40x12", harness, 40, 12)
    }

    @Test("120x40: the detail of a hostile image, full screen")
    func hostileDetail() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 120, height: 40), selecting: "img-ev1l0esc")
        harness.press(.enter)
        try assertGoldenInEveryTheme("hostile-detail-120x40", harness, 120, 40)
    }

    @Test("80x24: the filter bar open with CJK and a syntax error")
    func filterBar() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("/"))
        harness.type("银河|web size>")
        try assertGoldenInEveryTheme("filter-80x24", harness, 80, 24)
    }

    @Test("80x24: the help overlay")
    func helpOverlay() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24))
        harness.press(.character("?"))
        try assertGoldenInEveryTheme("help-80x24", harness, 80, 24)
    }

    @Test("80x24: the F6 sort chooser, the cursor on a column this width leaves out")
    func sortChooser80x24() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24))
        harness.press(.function(6), .end)
        try assertGoldenInEveryTheme("sort-chooser-80x24", harness, 80, 24)
    }

    @Test("160x45: the F6 sort chooser over the list and the detail pane, sorted by name")
    func sortChooser160x45() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 160, height: 45), total: 9_870, demo: true)
        harness.press(.function(6), .home, .down, .enter, .function(6), .down)
        try assertGoldenInEveryTheme("sort-chooser-160x45", harness, 160, 45)
    }

    @Test("80x24: the v view chooser, the cursor on the second view")
    func viewChooser80x24() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24))
        harness.state.views = [
            BrowserView(name: "prod-ubuntu", filter: "os:ubuntu tag:prod", sort: SortSetting(field: .createTime, descending: true), zones: "all"),
            BrowserView(name: "国产", filter: "麒麟|统信 status:available", sort: SortSetting(field: .name, descending: false)),
            BrowserView(name: "big", filter: "size>50"),
        ]
        harness.press(.character("v"), .down)
        try assertGolden("view-chooser-80x24", harness.render(80, 24))
    }

    @Test("80x24: the F2 setup screen, PLATFORM just added (last), the cursor on it")
    func setupScreen80x24() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24))
        harness.press(.function(2))
        while harness.state.columns.fields.last != .platform {
            harness.press(.down)
            if case .setup(let screen) = harness.state.overlay, screen.cursor == .column(.platform) { harness.press(.character(" ")) }
        }
        try assertGolden("setup-80x24", harness.render(80, 24))
    }

    @Test("100x24: a chosen column set (STATUS first; PLATFORM, OWNER, CHANGED, DESCRIPTION, TAGS added), 2 hidden at this width")
    func customColumns100x24() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 100, height: 24), selecting: "img-ky10sp3a")
        harness.state.columns = ColumnChoice([.status, .id, .name, .size, .createTime, .platform, .owner, .statusTime,
                                              .description, .tags])
        try assertGolden("custom-columns-100x24", harness.render(100, 24))
    }

    @Test("80x24: raw JSON of a hostile image")
    func rawJSONOverlay() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24), selecting: "img-ev1l0esc")
        harness.press(.character("y"))
        try assertGoldenInEveryTheme("json-80x24", harness, 80, 24)
    }

    @Test("120x40: refresh failing for minutes, older data still shown, paused")
    func errorState() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 120, height: 40), total: 9_870)
        harness.fire(.refresh)
        let refused = QingCloudError.transport(TransportFailure(kind: .connectionRefused, endpoint: "https://api.qingcloud.com/iaas", detail: ""))
        while !harness.pending.isEmpty { harness.answerNext(with: .failure(refused)) }
        harness.advance(200)
        harness.press(.character("p"))
        harness.advance(3)
        try assertGoldenInEveryTheme("error-120x40", harness, 120, 40)
    }

    @Test("124x50: Used by in the detail (hostile instance names among them) and the chosen INSTANCES column")
    func usedBy124x50() throws {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 124, height: 50), selecting: "img-ky10sp3a",
                                             showsInstanceCount: true)
        let names = ["web-1", "跳板机", "evil\u{1B}[2J\u{1B}]0;pwned\u{07}name", "invoice-\u{202E}fdp.exe", "", "db-replica-2", "k8s-node-3"]
        let statuses: [InstanceStatus] = [.running, .stopped, .pending, .suspended, .running, .terminated, .running]
        harness.server.instances = names.indices.map { index in
            Instance(id: "i-k\(index)x0a2bc", name: names[index], status: statuses[index], imageID: "img-ky10sp3a")
        } + [Instance(id: "i-w3bfweb1", name: "web-frontend", status: .running, imageID: "img-w3bf0g1d")]
        harness.fire(.instances)
        harness.answerInstances()
        harness.answerCounts()
        harness.press(.down)
        harness.fire(.instances)
        harness.answerInstances()
        harness.press(.up)
        try assertGolden("used-by-124x50", harness.render(124, 50))
    }

    @Test("30x6: too small")
    func tooSmall() throws {
        let harness = RenderFixtures.harness(size: TerminalSize(width: 30, height: 6))
        try assertGoldenInEveryTheme("too-small-30x6", harness, 30, 6)
    }
}

// MARK: Golden files

/// The palettes every golden frame is drawn in, with the suffix of their files: the dark theme (today's
/// look, in the files without a suffix), light with the 256-colour palette and with the ANSI colours
/// alone, and mono. `auto` is dark or light (see ThemeTests).
let goldenPalettes: [(suffix: String, palette: Palette)] = [
    ("", .standard),
    ("-light", Palette(theme: .light, depth: .palette256)),
    ("-light-ansi", Palette(theme: .light, depth: .ansi16)),
    ("-mono", Palette(theme: .mono, depth: .palette256)),
]

/// The harness's frame at `width` x `height` in every golden palette, each against its file; the light
/// frames must also keep the 4.5:1 contrast in every cell that shows text.
func assertGoldenInEveryTheme(_ name: String, _ harness: Harness, _ width: Int, _ height: Int,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
    for (suffix, palette) in goldenPalettes {
        var themed = harness
        themed.state.palette = palette
        let frame = themed.render(width, height)
        try assertGolden(name + suffix, frame, sourceLocation: sourceLocation)
        guard palette.look == .light else { continue }
        for low in Contrast.textPairs(in: frame, look: .light) where low.ratio < Contrast.minimum {
            Issue.record("\(name)\(suffix): \(low.description) at column \(low.column), row \(low.row)", sourceLocation: sourceLocation)
        }
    }
}

private let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// The frame as a golden file: its text, the cursor, and the styled runs of each row.
func goldenText(_ frame: Frame) -> String {
    var lines = [frame.text, "--- cursor: " + (frame.cursor.map { "column \($0.column), row \($0.row)" } ?? "hidden"), "--- styles"]
    for row in 0..<frame.size.height {
        var runs: [String] = []
        var column = 0
        var start = 0
        var current: CellStyle?
        func close() {
            if let style = current, !describe(style).isEmpty { runs.append("\(start)-\(column - 1) \(describe(style))") }
        }
        for cell in frame.row(row) {
            if current.map(describe) != describe(cell.style) {
                close()
                current = cell.style
                start = column
            }
            column += 1
        }
        close()
        if !runs.isEmpty { lines.append(String(format: "%2d: ", row) + runs.joined(separator: "; ")) }
    }
    return lines.joined(separator: "\n") + "\n"
}

private func describe(_ style: CellStyle) -> String {
    func color(_ color: TerminalColor) -> String {
        switch color {
        case .default: "default"
        case .black: "black"
        case .red: "red"
        case .green: "green"
        case .yellow: "yellow"
        case .blue: "blue"
        case .magenta: "magenta"
        case .cyan: "cyan"
        case .white: "white"
        case .palette(let index): "palette(\(index))"
        }
    }
    var parts: [String] = []
    if style.foreground != .default { parts.append("fg=" + color(style.foreground)) }
    if style.background != .default { parts.append("bg=" + color(style.background)) }
    if style.bold { parts.append("bold") }
    if style.dim { parts.append("dim") }
    if style.reverse { parts.append("reverse") }
    if style.underline { parts.append("underline") }
    return parts.joined(separator: " ")
}

func assertGolden(_ name: String, _ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = goldenDirectory.appendingPathComponent(name + ".txt")
    let actual = goldenText(frame)
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if ProcessInfo.processInfo.environment["QCIMAGES_RECORD_GOLDEN"] == "1" {
        // Recording never passes a changed frame: the test fails once, naming the file to review.
        guard expected != actual else { return }
        try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded Golden/\(name).txt; review it, then run the tests without QCIMAGES_RECORD_GOLDEN",
                     sourceLocation: sourceLocation)
        return
    }
    guard let expected else {
        Issue.record("missing golden file \(url.path); record it with QCIMAGES_RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
    var diff: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let old = index < expectedLines.count ? expectedLines[index] : "<none>"
        let new = index < actualLines.count ? actualLines[index] : "<none>"
        if old != new { diff += ["line \(index + 1):", "  - \(old)", "  + \(new)"] }
    }
    Issue.record("""
        frame differs from Golden/\(name).txt (QCIMAGES_RECORD_GOLDEN=1 swift test records it):
        \(diff.prefix(60).joined(separator: "\n"))
        """, sourceLocation: sourceLocation)
}
