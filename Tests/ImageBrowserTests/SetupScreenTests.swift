import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// F2's setup screen: keys change the settings at once; Esc leaves and asks for exactly what changed to
/// be saved; the footer says how saving went.
@Suite("The F2 setup screen")
struct SetupScreenTests {
    static func opened(size: TerminalSize = TerminalSize(width: 120, height: 40)) -> Harness {
        var harness = BrowserKeyTests.loaded(size: size)
        harness.press(.function(2))
        return harness
    }

    static func cursor(_ harness: Harness) -> SetupScreen.Item? {
        guard case .setup(let screen) = harness.state.overlay else { return nil }
        return screen.cursor
    }

    /// Moves the cursor down to `item`.
    static func moveTo(_ item: SetupScreen.Item, _ harness: inout Harness) {
        harness.press(.home)
        while cursor(harness) != item, cursor(harness) != .mouse { harness.press(.down) }
    }

    @Test("F2 opens it on the first column; Esc with nothing changed saves nothing")
    func opensAndLeaves() {
        var harness = Self.opened()
        #expect(Self.cursor(harness) == .column(.id))
        harness.press(.escape)
        #expect(harness.state.overlay == nil)
        #expect(harness.saved.isEmpty)
    }

    @Test("Space adds a column at the end of the list at once, and removes it again")
    func toggle() {
        var harness = Self.opened()
        Self.moveTo(.column(.platform), &harness)
        harness.press(.character(" "))
        #expect(harness.state.columns.fields.last == .platform)
        #expect(harness.state.geometry.columns.contains { $0.column == .platform })
        #expect(Self.cursor(harness) == .column(.platform))
        harness.press(.enter)
        #expect(harness.state.columns == .standard)
    }

    @Test("[ and ] (F7, F8) move the column under the cursor; Delete hides it; NAME stays")
    func moveAndHide() {
        var harness = Self.opened()
        Self.moveTo(.column(.status), &harness)
        harness.press(.character("["))
        #expect(harness.state.columns.fields.prefix(4) == [.id, .zone, .status, .name])
        harness.press(.function(8), .character("]"))
        #expect(harness.state.columns.fields.prefix(5) == [.id, .zone, .name, .osFamily, .status])
        harness.press(.delete)
        #expect(!harness.state.columns.fields.contains(.status))
        Self.moveTo(.column(.name), &harness)
        harness.press(.character(" "))
        #expect(harness.state.columns.fields.contains(.name))
        #expect(harness.state.message?.text.contains("NAME stays") == true)
    }

    @Test("sort, direction, refresh, theme and mouse change at once with ← → and Space")
    func settings() {
        var harness = Self.opened()
        Self.moveTo(.sortDirection, &harness)
        harness.press(.character(" "))
        #expect(harness.state.catalog.order == SortOrder(column: .createTime, descending: false))
        Self.moveTo(.refresh, &harness)
        harness.press(.right)
        #expect(harness.state.refresh.interval == .seconds(10))
        harness.press(.left, .left, .left)
        #expect(harness.state.refresh.interval == .seconds(1))
        harness.press(.left)
        #expect(harness.state.refresh.interval == .seconds(1))
        Self.moveTo(.theme, &harness)
        harness.press(.right)
        #expect(harness.state.themeName == "light")
        #expect(harness.state.palette.theme == .light, "the theme applies at once")
        Self.moveTo(.mouse, &harness)
        harness.press(.enter)
        #expect(harness.state.mouse)
        #expect(harness.mouseSwitches == [true])
    }

    @Test("refresh off cancels the next round; back on schedules one an interval away")
    func refreshOffAndOn() {
        var harness = Self.opened()
        Self.moveTo(.refresh, &harness)
        for _ in 0..<6 { harness.press(.right) }
        #expect(harness.state.refresh.interval == nil)
        let generation = harness.state.refresh.generation
        #expect(harness.timers[.refresh]?.timer.generation != generation)
        harness.press(.left)
        #expect(harness.state.refresh.interval == .seconds(60))
        #expect(harness.timers[.refresh]?.timer.generation == harness.state.refresh.generation)
        #expect(harness.timers[.refresh]?.delay == .seconds(60))
    }

    @Test("a refresh interval not offered (--refresh 3) steps to the nearest offered one")
    func refreshSteps() {
        #expect(SetupScreen.refresh(after: .seconds(3), by: 1) == .seconds(5))
        #expect(SetupScreen.refresh(after: .seconds(3), by: -1) == .seconds(2))
        #expect(SetupScreen.refresh(after: nil, by: 1) == nil)
        #expect(SetupScreen.refresh(after: nil, by: -1) == .seconds(60))
    }

    @Test("Esc saves exactly what changed since F2, in the file's order; a change undone is not saved")
    func savesChanges() {
        var harness = Self.opened()
        Self.moveTo(.column(.platform), &harness)
        harness.press(.character(" "))
        Self.moveTo(.mouse, &harness)
        harness.press(.character(" "))
        Self.moveTo(.theme, &harness)
        harness.press(.right, .left)
        harness.press(.escape)
        #expect(harness.state.overlay == nil)
        #expect(harness.saved == [[.mouse(true), .columns(ColumnChoice(ColumnChoice.standard.fields + [.platform]))]])
        harness.send(.settingsSaved(.saved(file: "~/.config/qcimages/config.yaml")))
        #expect(harness.render(120, 40).text(ofRow: 39).contains("saved to ~/.config/qcimages/config.yaml"))
        harness.press(.function(2), .escape)
        #expect(harness.saved.count == 1)
    }

    @Test("a save that failed is one line in the footer; the setting still holds")
    func saveFailed() {
        var harness = Self.opened()
        Self.moveTo(.column(.owner), &harness)
        harness.press(.character(" "), .escape)
        harness.send(.settingsSaved(.notSaved("settings not saved to ~/.config/qcimages/config.yaml: cannot write in /x: read-only file system")))
        let footer = harness.render(120, 40).text(ofRow: 39)
        #expect(footer.contains("settings not saved to ~/.config/qcimages/config.yaml: cannot write"))
        #expect(harness.state.columns.fields.contains(.owner))
    }

    @Test("on a short terminal the cursor's line stays in view as it moves to the end and back",
          arguments: [TerminalSize(width: 40, height: 12), TerminalSize(width: 80, height: 24)])
    func cursorInView(size: TerminalSize) {
        var harness = Self.opened(size: size)
        for key in [Key.end, .up, .home, .down] {
            harness.press(key)
            let frame = harness.render(size.width, size.height)
            let bar = (1..<size.height - 1).filter { row in
                (0..<size.width).contains { frame[$0, row].style == Theme.selectionBar(focused: true) }
            }
            #expect(bar.count == 1, "\(key) at \(size.width)x\(size.height)")
        }
    }

    @Test("the screen ends with where Esc saves the changes, or that there is no settings file")
    func destination() {
        let harness = Self.opened()
        guard case .setup(let screen) = harness.state.overlay else {
            Issue.record("no setup screen")
            return
        }
        func lastLine(_ file: String?) -> String {
            let content = SetupContent(screen: screen, values: harness.state.setupValues, shown: [], isMultiZone: false,
                                       settingsFile: file)
            return content.lines(width: 76).lines.last.map { $0.map(\.text).joined() } ?? ""
        }
        #expect(lastLine("~/.config/qcimages/config.yaml") == "Esc saves the changes to ~/.config/qcimages/config.yaml")
        #expect(lastLine(nil) == "no settings file: the changes hold for this session")
    }

    @Test("q leaves as Esc does; Ctrl-C still quits")
    func keys() {
        var harness = Self.opened()
        harness.press(.character("q"))
        #expect(harness.state.overlay == nil && !harness.quitRequested)
        harness.press(.function(2), .control("c"))
        #expect(harness.quitRequested)
    }

    @Test("the sort chooser offers the chosen columns only; a default sort by a column not chosen still sorts")
    func sortChooserFollowsTheChoice() {
        var harness = BrowserKeyTests.loaded()
        harness.state.columns = ColumnChoice([.id, .name, .platform])
        #expect(harness.state.geometry.sortChoices.map(\.column) == [.id, .name, .platform])
        harness.state.setSort(SortOrder(column: .size, descending: true), now: harness.now)
        harness.press(.function(6))
        #expect(harness.render().text(ofRow: 1).contains("sort size ▼"))
        harness.press(.escape, .character("s"))
        #expect(harness.state.catalog.order.column == .id)
    }
}
