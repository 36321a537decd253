import Foundation
import ImageBrowser
import Testing
import UserSettings
@testable import qcimages

/// The settings file's views and remembered state as qcimages starts with them: each view's meaning
/// checked (a bad one is one line naming the file and line, and left out), `--view` found by name, a
/// view saved and the last sort and zones remembered in the file.
@Suite("Views and remembered state in the settings file")
struct ViewSettingsTests {
    static let display = "~/.config/qcimages/config.yaml"

    static func startup(_ text: String, at location: SettingsLocation = SettingsLocation(path: "/nonexistent/config.yaml", displayPath: display)) -> SettingsStartup {
        SettingsStartup(file: SettingsFile.parse(text, location: location))
    }

    /// A settings location in a new directory of its own, removed by `body`'s end.
    static func withFile<Result>(_ text: String?, _ body: (SettingsLocation) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qcimages-views-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = SettingsLocation(path: directory.path + "/qcimages/config.yaml", displayPath: "~/.config/qcimages/config.yaml")
        if let text {
            try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true)
            try text.write(toFile: location.path, atomically: false, encoding: .utf8)
        }
        return try body(location)
    }

    static let file = """
        # my views
        views:
          prod-ubuntu: {filter: "os:ubuntu tag:prod", sort: "-created", zones: all, columns: [id, name, os_family, AGE, tags]}
          broken-filter: {filter: "status:sleeping"}
          broken-sort: {filter: "os:centos", sort: "-colour"}
          broken-zones: {filter: "", zones: [all, pek3a]}
          broken-columns: {filter: "", columns: [id, flavour]}
          plain: "size>50"
        """

    @Test("a view with a filter, sort, zones or column that means nothing is one line naming file and line, and left out")
    func validation() {
        let startup = Self.startup(Self.file)
        #expect(startup.views.views.map(\.name) == ["prod-ubuntu", "plain"])
        let prod = startup.views.views[0]
        #expect(prod.sort == SortSetting(field: .createTime, descending: true))
        #expect(prod.zones == "all" && prod.columns == ["id", "name", "os_family", "AGE", "tags"])
        let problems = startup.problems.map(\.description)
        #expect(problems.count == 4)
        #expect(problems[0].hasPrefix(Self.display + ":4: the view broken-filter: filter \"status:sleeping\": "))
        #expect(problems[1].hasPrefix(Self.display + ":5: the view broken-sort: unknown sort \"-colour\""))
        #expect(problems[2].hasPrefix(Self.display + ":6: the view broken-zones: zones: "))
        #expect(problems[3].hasPrefix(Self.display + ":7: the view broken-columns: unknown column \"flavour\""))
        #expect(problems.allSatisfy { $0.hasSuffix("; left out") && !$0.contains("\n") })
        #expect(startup.notice == problems[0] + " (and 3 more in the log)")
    }

    @Test("--view finds a view by name; an unknown name is one line with the known names, a left-out one says why")
    func lookup() throws {
        let views = Self.startup(Self.file).views
        #expect(try views.view(named: "plain", file: Self.display).filter == "size>50")
        #expect(throws: Failure.self) { try views.view(named: "prod", file: Self.display) }
        do {
            _ = try views.view(named: "prod", file: Self.display)
        } catch {
            #expect(error.description == "--view prod: no such view in \(Self.display) (known: prod-ubuntu, plain)")
        }
        do {
            _ = try views.view(named: "broken-sort", file: Self.display)
        } catch {
            #expect(error.description.hasPrefix("--view broken-sort: \(Self.display):5: the view broken-sort: unknown sort"))
        }
        do {
            _ = try Self.startup("").views.view(named: "x", file: Self.display)
        } catch {
            #expect(error.description == "--view x: no such view in \(Self.display) (it holds no view)")
        }
    }

    @Test("zones: -z wins over the view's, the view's over the remembered ones; sort: the view's over the remembered one")
    func precedence() throws {
        let remembering = Self.startup(Self.file + "\nremember: true\nlast: {sort: name, zones: sh1a}\n")
        let view = try remembering.views.view(named: "prod-ubuntu", file: Self.display)
        let plain = try remembering.views.view(named: "plain", file: Self.display)
        #expect(remembering.start(view: view, commandLineZones: "pek3a").zones == "pek3a")
        #expect(remembering.start(view: view, commandLineZones: nil).zones == "all")
        #expect(remembering.start(view: view, commandLineZones: nil).sort == SortSetting(field: .createTime, descending: true))
        #expect(remembering.start(view: plain, commandLineZones: nil).zones == "sh1a")
        #expect(remembering.start(view: nil, commandLineZones: nil).sort == SortSetting(field: .name, descending: false))
        let forgetting = Self.startup(Self.file + "\nlast: {sort: name, zones: sh1a}\n")
        #expect(forgetting.start(view: nil, commandLineZones: nil).zones == nil)
        #expect(forgetting.start(view: nil, commandLineZones: nil).sort == nil)
    }

    @Test("a remembered sort or zone set that means nothing is one line and ignored")
    func badRemembered() {
        let startup = Self.startup("remember: true\nlast: {sort: -weight, zones: pek/3a}\n")
        #expect(startup.views.rememberedSort == nil && startup.views.rememberedZones == nil)
        #expect(startup.problems.map(\.description).count == 2)
        #expect(startup.problems[0].description.hasPrefix(Self.display + ": last: unknown sort \"-weight\""))
    }

    @Test("saving a view writes it into views: and keeps the hand-written comments; a file that is not YAML is refused in one line")
    func save() throws {
        try Self.withFile("# by hand\ntheme: dark  # dark terminal\nviews:\n  plain: \"size>50\"\n") { location in
            let startup = SettingsStartup(file: SettingsFile.load(location))
            let view = BrowserView(name: "mine", filter: "os:ubuntu \"a b\"", sort: SortSetting(field: .size, descending: true))
            #expect(startup.save(view) == nil)
            let text = try String(contentsOfFile: location.path, encoding: .utf8)
            #expect(text.hasPrefix("# by hand\ntheme: dark  # dark terminal\n"))
            let reread = SettingsStartup(file: SettingsFile.load(location))
            #expect(reread.views.views.map(\.name) == ["plain", "mine"])
            #expect(reread.views.views[1] == view)
        }
        try Self.withFile("views: [unclosed\n") { location in
            let failure = SettingsStartup(file: SettingsFile.load(location)).save(BrowserView(name: "x", filter: ""))
            #expect(failure?.hasPrefix("settings not saved to ~/.config/qcimages/config.yaml: ") == true)
            #expect(failure?.contains("\n") == false)
            let text = try String(contentsOfFile: location.path, encoding: .utf8)
            #expect(text == "views: [unclosed\n")
        }
    }

    @Test("remember: true writes the last sort and zones to last:, only when they changed; without it nothing is written")
    func remember() throws {
        let sort = SortSetting(field: .name, descending: false)
        try Self.withFile("# mine\nremember: true\n") { location in
            let startup = SettingsStartup(file: SettingsFile.load(location))
            #expect(startup.remember(sort: sort, zones: "pek3a,sh1a") == nil)
            let reread = SettingsStartup(file: SettingsFile.load(location))
            #expect(reread.settings.remembered == RememberedState(sort: "name", zones: "pek3a,sh1a"))
            #expect(reread.start(view: nil, commandLineZones: nil).sort == sort)
            #expect(reread.start(view: nil, commandLineZones: nil).zones == "pek3a,sh1a")
            let written = try String(contentsOfFile: location.path, encoding: .utf8)
            #expect(written.hasPrefix("# mine\nremember: true\n"))
            // The same again writes nothing: the file is not replaced (an atomic write would bring a new inode).
            let inode = try #require(FileManager.default.attributesOfItem(atPath: location.path)[.systemFileNumber] as? Int)
            #expect(reread.remember(sort: sort, zones: "pek3a,sh1a") == nil)
            #expect(try FileManager.default.attributesOfItem(atPath: location.path)[.systemFileNumber] as? Int == inode)
            #expect(reread.remember(sort: SortSetting(field: .name, descending: true), zones: "pek3a,sh1a") == nil)
            #expect(try FileManager.default.attributesOfItem(atPath: location.path)[.systemFileNumber] as? Int != inode)
        }
        try Self.withFile("remember: false\n") { location in
            #expect(SettingsStartup(file: SettingsFile.load(location)).remember(sort: sort, zones: nil) == nil)
            let text = try String(contentsOfFile: location.path, encoding: .utf8)
            #expect(text == "remember: false\n")
        }
    }

    @Test("a remembered state that cannot be written is one line (its directory cannot be made), never a crash")
    func rememberUnwritable() throws {
        try Self.withFile("not a directory\n") { location in
            // The settings file's directory would have to be made below a file.
            let blocked = SettingsLocation(path: location.path + "/qcimages/config.yaml", displayPath: Self.display)
            let startup = SettingsStartup(file: SettingsFile.parse("remember: true\n", location: blocked))
            let failure = startup.remember(sort: SortSetting(field: .size, descending: true), zones: nil)
            #expect(failure?.hasPrefix("settings not saved to \(Self.display): cannot make the directory ") == true, "\(failure ?? "")")
            #expect(failure?.contains("\n") == false)
        }
    }
}
