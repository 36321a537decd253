import Foundation
import QingCloud
import Testing
import UserSettings

enum UserDirectoriesFixture {
    static let home = UserDirectories(home: "/home/ann")
}

/// A settings location in a fresh temporary directory, removed by ``remove()``.
struct TemporarySettings {
    let root: String
    let location: SettingsLocation

    init() {
        var template = Array((NSTemporaryDirectory() + "qcimages-settings-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        root = String(cString: made!)
        let path = root + "/config/qcimages/config.yaml"
        location = SettingsLocation(path: path, displayPath: path)
    }

    func write(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true)
        try text.write(toFile: location.path, atomically: false, encoding: .utf8)
    }

    func read() throws -> String { try String(contentsOfFile: location.path, encoding: .utf8) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite("Settings file: saving")
struct SettingsSavingTests {
    @Test("a missing file and directory are made, readable back")
    func newFile() throws {
        let temporary = TemporarySettings()
        defer { temporary.remove() }
        let written = try SettingsFile.saving([.theme("light"), .columns(["id", "name"]), .mouse(true)], at: temporary.location)
        #expect(written.settings.theme?.value == "light")
        #expect(try temporary.read() == "theme: light\ncolumns: [id, name]\nmouse: true\n")
        var status = stat()
        #expect(stat(temporary.location.path, &status) == 0 && status.st_mode & 0o777 == 0o644)
    }

    @Test("comments, unknown-to-the-change sections and key order stay; a changed section is replaced in place")
    func keepsTheRest() throws {
        let temporary = TemporarySettings()
        defer { temporary.remove() }
        try temporary.write("""
            # qcimages settings, by hand
            theme: dark   # the terminal is dark

            columns:
              # the ones I need
              - id
              - name
            # my commands
            commands:
              - key: L
                command: echo "$QC_IMAGE_ID"

            """)
        _ = try SettingsFile.saving([.columns(["id", "status", "name"]), .refresh(3)], at: temporary.location)
        #expect(try temporary.read() == """
            # qcimages settings, by hand
            theme: dark   # the terminal is dark

            # the ones I need
            columns: [id, status, name]
            # my commands
            commands:
              - key: L
                command: echo "$QC_IMAGE_ID"
            refresh: 3

            """)
    }

    @Test("a view is added or replaced by name; the others stay")
    func views() throws {
        let temporary = TemporarySettings()
        defer { temporary.remove() }
        try temporary.write("views:\n  old: \"status:available\"\n")
        _ = try SettingsFile.saving([.view(ViewEntry(name: "prod", filter: "os:ubuntu tag:\"prod line\"", sort: "-created", line: 0))],
                                    at: temporary.location)
        let again = SettingsFile.load(temporary.location)
        #expect(again.problems.isEmpty)
        #expect(again.settings.views.map(\.name) == ["old", "prod"])
        #expect(again.settings.views[1].filter == "os:ubuntu tag:\"prod line\"")
        _ = try SettingsFile.saving([.view(ViewEntry(name: "old", filter: "os:centos", line: 0))], at: temporary.location)
        #expect(SettingsFile.load(temporary.location).settings.views.map(\.filter) == ["os:centos", "os:ubuntu tag:\"prod line\""])
    }

    @Test("a file that is not YAML, or a section with a problem, is never rewritten")
    func refuses() throws {
        let temporary = TemporarySettings()
        defer { temporary.remove() }
        try temporary.write("theme: [dark\n")
        #expect(throws: SettingsSaveError.self) { try SettingsFile.saving([.mouse(true)], at: temporary.location) }
        #expect(try temporary.read() == "theme: [dark\n")

        try temporary.write("views:\n  prod: {filter: x, colour: red}\n")
        let error = #expect(throws: SettingsSaveError.self) {
            try SettingsFile.saving([.view(ViewEntry(name: "new", filter: "y", line: 0))], at: temporary.location)
        }
        #expect(error?.description.contains("line 2") == true)
        #expect(try temporary.read() == "views:\n  prod: {filter: x, colour: red}\n")

        for text in ["{theme: dark}\n", "theme: dark\r\nmouse: true\r\n", "~\n", "{a: 1,\nb: 2}\n"] {
            try temporary.write(text)
            #expect(throws: SettingsSaveError.self) { try SettingsFile.saving([.mouse(true)], at: temporary.location) }
            #expect(try temporary.read() == text)
        }
    }

    @Test("a directory that cannot be written: one line, the file unchanged")
    func readOnlyDirectory() throws {
        guard getuid() != 0 else { return }
        let temporary = TemporarySettings()
        defer {
            chmod(temporary.location.directory, 0o755)
            temporary.remove()
        }
        try temporary.write("theme: dark\n")
        chmod(temporary.location.directory, 0o555)
        let error = #expect(throws: SettingsSaveError.self) { try SettingsFile.saving([.theme("light")], at: temporary.location) }
        #expect(error?.description.contains("permission denied") == true)
        #expect(try temporary.read() == "theme: dark\n")
    }

    @Test("an edit made on disk since it was read is kept")
    func rereads() throws {
        let temporary = TemporarySettings()
        defer { temporary.remove() }
        try temporary.write("theme: dark\n")
        _ = SettingsFile.load(temporary.location)
        try temporary.write("theme: dark\nmouse: true\n")
        _ = try SettingsFile.saving([.theme("mono")], at: temporary.location)
        #expect(try temporary.read() == "theme: mono\nmouse: true\n")
    }
}
