import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// Views in the browser: opening with one (`--view`), the `v` chooser, and `V` saving the filter and
/// sort as a view (an effect: the executable writes the file).
@Suite("Views in the browser")
struct BrowserViewTests {
    static let settingsFile = "~/.config/qcimages/config.yaml"
    static let views = [
        BrowserView(name: "windows", filter: "os:windows", sort: SortSetting(field: .size, descending: true)),
        BrowserView(name: "big", filter: "size>40", zones: "pek3a"),
        BrowserView(name: "everywhere", filter: "os:ubuntu", sort: SortSetting(field: .name, descending: false), zones: "all"),
    ]

    static func images() -> [Image] {
        (1...12).map { number in
            Fixtures.image(number, name: "image-\(String(format: "%02d", 13 - number))", os: number % 3 == 0 ? "windows" : "ubuntu", size: number * 5)
        }
    }

    static func harness(initialFilter: String = "", sort: SortSetting? = nil, zoneSelection: String? = nil) -> Harness {
        var harness = Harness(images: images(), size: TerminalSize(width: 120, height: 40), initialFilter: initialFilter) { options in
            options.views = views
            options.initialSort = sort
            options.settingsFile = settingsFile
            options.zoneSelection = zoneSelection
        }
        while !harness.pending.isEmpty { harness.answerNext() }
        return harness
    }

    @Test("a sort setting reads -created and name, any case, and says which names exist otherwise")
    func sortSetting() throws {
        #expect(try SortSetting(parsing: "-created") == SortSetting(field: .createTime, descending: true))
        #expect(try SortSetting(parsing: "Name") == SortSetting(field: .name, descending: false))
        #expect(SortSetting(field: .size, descending: true).description == "-size")
        #expect(throws: SortSetting.Invalid.self) { try SortSetting(parsing: "-colour") }
        do {
            _ = try SortSetting(parsing: "flavour")
        } catch {
            #expect(error.description.contains("flavour") && error.description.contains("created"))
        }
    }

    @Test("opening with a view's filter and sort: the header shows both, the rows are filtered and sorted")
    func startsWithView() {
        let harness = Self.harness(initialFilter: "os:windows", sort: SortSetting(field: .size, descending: true))
        #expect(harness.visibleIDs == [Fixtures.id(12), Fixtures.id(9), Fixtures.id(6), Fixtures.id(3)])
        let header = harness.render().text(ofRow: 1)
        #expect(header.contains("filter os:windows") && header.contains("sort size ▼"), "\(header)")
    }

    @Test("v lists the views; Enter opens the one under the cursor: its filter and its sort")
    func chooseAndOpen() {
        var harness = Self.harness()
        harness.press(.character("v"))
        #expect(harness.state.overlay == .viewChooser(cursor: 0))
        let screen = (0..<40).map { harness.render().text(ofRow: $0) }.joined(separator: "\n")
        #expect(screen.contains("views") && screen.contains("os:windows · sort size ▼") && screen.contains("everywhere"))
        #expect(harness.render().text(ofRow: 39).contains("open"))
        harness.press(.enter)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.filter.text == "os:windows" && !harness.state.filter.isEditing)
        #expect(harness.state.catalog.order == SortOrder(column: .size, descending: true))
        #expect(harness.visibleIDs.first == Fixtures.id(12))
        #expect(harness.state.message?.text == "view windows · sorted by size ▼")
    }

    @Test("one reading of column and sort names for views, columns: and sort:: a title counts; INSTANCES is no sort")
    func oneNameReading() throws {
        #expect(ColumnChoice.named(["age", "os", "status_time", "instances"]).unknown.isEmpty)
        #expect(ColumnChoice.named(["age"]).choice.fields.contains(.createTime))
        #expect(SortOrder(settingsName: "-age") == SortOrder(column: .createTime, descending: true))
        #expect(try SortSetting(parsing: "-age") == SortSetting(field: .createTime, descending: true))
        #expect(SortOrder(settingsName: "instances") == nil)
        #expect(throws: SortSetting.Invalid.self) { try SortSetting(parsing: "instances") }
    }

    @Test("a view's columns apply when it is opened from the chooser")
    func openAppliesColumns() {
        var harness = Harness(images: Self.images(), size: TerminalSize(width: 160, height: 40)) { options in
            options.views = [BrowserView(name: "narrow", filter: "", columns: ["status", "id", "name", "platform"])]
        }
        while !harness.pending.isEmpty { harness.answerNext() }
        harness.press(.character("v"), .enter)
        #expect(harness.state.columns.fields == [.status, .id, .name, .platform])
        #expect(harness.state.geometry.columns.map(\.column) == [.status, .id, .name, .platform])
    }

    @Test("a view naming other zones than those shown applies its filter and sort and says its zones apply at start")
    func otherZones() {
        var harness = Self.harness(zoneSelection: "pek3a")
        harness.press(.character("v"), .end, .enter)
        #expect(harness.state.filter.text == "os:ubuntu")
        #expect(harness.state.catalog.order == SortOrder(column: .name, descending: false))
        #expect(harness.state.message?.kind == .warning)
        #expect(harness.state.message?.text.contains("its zones (all) apply at start: qcimages --view everywhere") == true)
        harness.press(.character("v"), .down, .enter)
        #expect(harness.state.filter.text == "size>40")
        #expect(harness.state.message?.kind == .info, "pek3a is the zone shown")
    }

    @Test("the cursor stops at the ends; Esc, q and v close the chooser and change nothing",
          arguments: [Key.escape, .character("q"), .character("v")])
    func cancel(key: Key) {
        var harness = Self.harness()
        harness.press(.character("v"), .down, .down, .down, .down)
        #expect(harness.state.overlay == .viewChooser(cursor: 2))
        harness.press(.up, .up, .up)
        #expect(harness.state.overlay == .viewChooser(cursor: 0))
        harness.press(key)
        #expect(harness.state.overlay == nil)
        #expect(harness.state.filter.text.isEmpty && harness.state.catalog.order == .serverDefault)
    }

    @Test("with no views the chooser says how to make one, and Enter opens nothing")
    func noViews() {
        var harness = Harness(images: Self.images())
        harness.press(.character("v"))
        let screen = (0..<40).map { harness.render().text(ofRow: $0) }.joined(separator: "\n")
        #expect(screen.contains(ViewChooser.emptyNote))
        harness.press(.enter)
        #expect(harness.state.overlay == nil && harness.state.filter.text.isEmpty)
    }

    @Test("V asks for a name in the footer; Enter asks to save the filter and sort under it; the answer adds it to the chooser")
    func saveAsView() {
        var harness = Self.harness()
        harness.press(.character("/"))
        harness.type("os:ubuntu")
        harness.press(.enter, .character("S"), .character("V"))
        #expect(harness.state.viewNamePrompt == LineEdit())
        #expect(harness.render().text(ofRow: 39).hasPrefix("save the filter and sort as view: "))
        harness.type("prod-ubuntu")
        harness.send(.typed("2"))
        harness.press(.backspace)
        #expect(harness.state.viewNamePrompt?.text == "prod-ubuntu")
        #expect(harness.savedViews.isEmpty)
        harness.press(.enter)
        let expected = BrowserView(name: "prod-ubuntu", filter: "os:ubuntu", sort: SortSetting(field: .createTime, descending: false))
        #expect(harness.savedViews == [expected])
        #expect(harness.state.viewNamePrompt == nil)
        #expect(harness.state.filter.text == "os:ubuntu", "typing the name did not touch the filter")
        harness.send(.viewSaved(expected, failure: nil))
        #expect(harness.state.message?.text == "saved view \"prod-ubuntu\" to ~/.config/qcimages/config.yaml")
        #expect(harness.state.views.last == expected)
        harness.send(.viewSaved(expected, failure: nil))
        #expect(harness.state.views.count == Self.views.count + 1, "saving again replaces the view of that name")
    }

    @Test("a save the settings file refused is the footer's one line; the chooser does not offer the view")
    func saveRefused() {
        var harness = Self.harness()
        harness.press(.character("v"), .character("V"))
        #expect(harness.state.overlay == nil && harness.state.viewNamePrompt != nil)
        harness.type("x")
        harness.press(.enter)
        let failure = "settings not saved to ~/.config/qcimages/config.yaml: cannot write in /home/u/.config/qcimages: read-only file system"
        harness.send(.viewSaved(harness.savedViews[0], failure: failure))
        #expect(harness.state.message == TransientMessage(text: failure, kind: .warning, until: harness.now.addingTimeInterval(Browser.startupNoticeDuration)))
        #expect(harness.state.views == Self.views)
    }

    @Test("a name that is empty or holds other characters keeps the prompt open and says why; Esc saves nothing")
    func badName() {
        var harness = Self.harness()
        harness.press(.character("V"), .enter)
        #expect(harness.state.viewNamePrompt != nil && harness.savedViews.isEmpty)
        #expect(harness.render().text(ofRow: 39).contains("type a name for the view"))
        harness.type("two words")
        harness.press(.enter)
        #expect(harness.state.viewNamePrompt?.text == "two words" && harness.savedViews.isEmpty)
        #expect(harness.render().text(ofRow: 39).contains("letters, digits"))
        harness.press(.control("w"))
        #expect(harness.state.viewNamePrompt?.text == "two ")
        harness.press(.escape)
        #expect(harness.state.viewNamePrompt == nil && harness.savedViews.isEmpty && !harness.quitRequested)
    }

    @Test("a filter with a mistake is not offered for saving: the view would be left out at the next start")
    func filterWithMistake() {
        var harness = Self.harness()
        harness.press(.character("/"))
        harness.type("size>")
        harness.press(.enter, .character("V"))
        #expect(harness.state.viewNamePrompt == nil && harness.savedViews.isEmpty)
        #expect(harness.state.message?.text.hasPrefix("not saved as a view: the filter has a mistake") == true)
    }

    @Test("without a settings file nothing is asked to be saved, and the footer says so")
    func noSettingsFile() {
        var harness = Harness(images: Self.images())
        harness.press(.character("V"))
        harness.type("x")
        harness.press(.enter)
        #expect(harness.savedViews.isEmpty)
        #expect(harness.state.message?.text == "views cannot be saved: no settings file")
    }

    @Test("the state's sort is what the remembered state writes")
    func currentSort() {
        var harness = Self.harness()
        #expect(harness.state.sort.description == "-created")
        harness.press(.function(6), .home, .down, .enter)
        #expect(harness.state.sort.description == "name")
    }
}
