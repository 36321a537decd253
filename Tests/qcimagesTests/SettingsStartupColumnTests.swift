import Foundation
import ImageBrowser
import QingCloud
import Testing
import UserSettings
@testable import qcimages

/// The settings file's `columns:`, `sort:` and `theme:` as the browser starts with them, each unknown name
/// one line naming the file and the line; the setup screen's changes written back.
@Suite("Settings at start: columns, sort, theme")
struct SettingsStartupColumnTests {
    static let location = SettingsLocation(path: "/home/ann/.config/qcimages/config.yaml",
                                           displayPath: "~/.config/qcimages/config.yaml")

    static func startup(_ text: String) -> SettingsStartup {
        SettingsStartup(file: SettingsFile.parse(text, location: location))
    }

    @Test("no file: the standard columns, newest first, the dark theme, no problem")
    func defaults() {
        let startup = Self.startup("")
        #expect(startup.columns == .standard)
        #expect(startup.sort == .serverDefault)
        #expect(startup.theme == nil)
        #expect(startup.problems.isEmpty && startup.notice == nil)
    }

    @Test("known names are taken in order; an unknown column is one line naming the file and line, left out")
    func columns() {
        let startup = Self.startup("theme: light\ncolumns: [id, name, platform, bogus, desc, plaform]\nsort: -changed\n")
        #expect(startup.columns.fields == [.id, .name, .platform, .description])
        #expect(startup.sort == SortOrder(column: .statusTime, descending: true))
        #expect(startup.theme == .light)
        #expect(startup.problems.map(\.description) == [
            "~/.config/qcimages/config.yaml:2: unknown column \"bogus\" (F2 lists the columns); left out",
            "~/.config/qcimages/config.yaml:2: unknown column \"plaform\" (did you mean platform?); left out",
        ])
        #expect(startup.notice == startup.problems[0].description + " (and 1 more in the log)")
    }

    @Test("an unknown sort or theme is one line each; the defaults hold")
    func unknownSortAndTheme() {
        let startup = Self.startup("sort: -bogus\ntheme: drak\n")
        #expect(startup.sort == .serverDefault)
        #expect(startup.theme == nil)
        #expect(startup.problems.count == 2)
        #expect(startup.problems[0].description == "~/.config/qcimages/config.yaml:1: unknown sort \"-bogus\" (F2 lists the columns; - in front for descending); sorting by -created")
        #expect(startup.problems[1].description.hasPrefix("~/.config/qcimages/config.yaml:2: unknown theme \"drak\" (dark, light, mono, auto)"))
        #expect(startup.notice?.hasSuffix("(and 1 more in the log)") == true)
    }

    @Test("the setup screen's changes are written to the file and read back at the next start")
    func saveAndReadBack() throws {
        let temporary = TemporarySettingsDirectory()
        defer { temporary.remove() }
        try "# mine\nrefresh: 5\n".write(toFile: temporary.location.path, atomically: false, encoding: .utf8)
        let columns = ColumnChoice(ColumnChoice.standard.fields + [.platform])
        let outcome = SettingsStartup.save(
            [.theme("mono"), .mouse(true), .refresh(nil), .sort(SortOrder(column: .name, descending: false)), .columns(columns)],
            at: temporary.location)
        #expect(outcome == .saved(file: temporary.location.displayPath))
        let text = try String(contentsOfFile: temporary.location.path, encoding: .utf8)
        #expect(text.hasPrefix("# mine\n"))
        #expect(text.contains("columns: [id, zone, name, status, os, arch, size, visibility, created, platform]"))
        let again = SettingsStartup(file: SettingsFile.load(temporary.location))
        #expect(again.columns == columns)
        #expect(again.sort == SortOrder(column: .name, descending: false))
        #expect(again.theme == .mono)
        #expect(again.settings.mouse?.value == true)
        #expect(again.settings.refresh?.value == 0)
    }

    @Test("columns are not written over a columns: naming an unknown one (it would be lost); one line says so")
    func unknownColumnKept() throws {
        let temporary = TemporarySettingsDirectory()
        defer { temporary.remove() }
        let text = "# mine\ncolumns: [id, name, flavour]\n"
        try text.write(toFile: temporary.location.path, atomically: false, encoding: .utf8)
        let outcome = SettingsStartup.save([.columns(ColumnChoice([.id, .name, .owner]))], at: temporary.location)
        #expect(outcome == .notSaved("settings not saved to \(temporary.location.displayPath): line 2 of `columns` names \"flavour\", no column here; fix it by hand first"))
        #expect(try String(contentsOfFile: temporary.location.path, encoding: .utf8) == text)
        #expect(SettingsStartup.save([.mouse(true)], at: temporary.location) == .saved(file: temporary.location.displayPath))
    }

    @Test("a file that cannot be rewritten: one line saying why, nothing written")
    func notSaved() throws {
        let temporary = TemporarySettingsDirectory()
        defer { temporary.remove() }
        try "columns: [id, name\n".write(toFile: temporary.location.path, atomically: false, encoding: .utf8)
        let outcome = SettingsStartup.save([.mouse(true)], at: temporary.location)
        guard case .notSaved(let reason) = outcome else {
            Issue.record("saved a file that is not YAML")
            return
        }
        #expect(reason.hasPrefix("settings not saved to \(temporary.location.displayPath): "))
        #expect(!reason.contains("\n"))
        #expect(try String(contentsOfFile: temporary.location.path, encoding: .utf8) == "columns: [id, name\n")
    }
}

/// A settings file's location in a fresh temporary directory (made), removed by ``remove()``.
struct TemporarySettingsDirectory {
    let root: String
    let location: SettingsLocation

    init() {
        var template = Array((NSTemporaryDirectory() + "qcimages-startup-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        root = String(cString: made!)
        location = SettingsLocation(path: root + "/config.yaml", displayPath: root + "/config.yaml")
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
