import Testing
import TerminalVocabulary
import UserSettings
@testable import qcimages

/// The settings file as the browser starts with it: `keys:` applied, its problems beside the file's.
@Suite("Settings at start")
struct SettingsStartupTests {
    static let location = SettingsLocation(path: "/home/u/.config/qcimages/config.yaml", displayPath: "~/.config/qcimages/config.yaml")

    @Test("keys: rebinds, and an entry that cannot apply is one problem naming the file and the line")
    func keys() {
        let file = SettingsFile.parse("mouse: false\nkeys:\n  move_down: [x]\n  mvoe_up: [k]\n", location: Self.location)
        let startup = SettingsStartup(file: file)
        #expect(startup.keys.isBound(.character("x"), in: .panes))
        #expect(!startup.keys.isBound(.character("j"), in: .panes))
        #expect(startup.problems.map(\.description) == [
            "~/.config/qcimages/config.yaml:4: keys: mvoe_up: unknown action `mvoe_up` (did you mean move_up?); ignored",
        ])
        #expect(startup.notice == startup.problems.first?.description)
    }

    @Test("no keys: the default keys, no problem")
    func defaults() {
        let startup = SettingsStartup(file: SettingsFile.parse("mouse: true\n", location: Self.location))
        #expect(startup.problems.isEmpty)
        #expect(startup.notice == nil)
        #expect(startup.keys.isBound(.character("j"), in: .panes))
    }
}
