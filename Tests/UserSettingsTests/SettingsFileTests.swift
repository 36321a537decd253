import Foundation
import Testing
import UserSettings

@Suite("Settings file: reading")
struct SettingsFileTests {
    let location = SettingsLocation(path: "/nonexistent/qcimages/config.yaml", displayPath: "~/.config/qcimages/config.yaml")

    @Test("every section is read with its line")
    func everySection() {
        let file = SettingsFile.parse("""
            # my settings
            theme: light
            mouse: true
            refresh: 2
            sort: -created
            columns: [id, name, status]
            remember: yes
            keys:
              move_down: [j, Down, Ctrl-N]
              quit: ~
            commands:
              - key: L
                title: launch an instance
                command: qingcloud iaas run-instances -m "$QC_IMAGE_ID"
                confirm: true
              - key: W
                command: qcimages wait --until available $QC_IMAGE_IDS
                output: background
            views:
              prod-ubuntu: {filter: "os:ubuntu tag:prod", sort: "-created", zones: all}
              plain: "status:available"
            last: {sort: name, zones: "pek3a,sh1a"}
            """, location: location)
        #expect(file.problems.isEmpty)
        #expect(file.notRewritable == nil)
        let settings = file.settings
        #expect(settings.theme == Located("light", line: 2))
        #expect(settings.mouse?.value == true)
        #expect(settings.refresh?.value == 2)
        #expect(settings.sort?.value == "-created")
        #expect(settings.columns == Located(["id", "name", "status"], line: 6))
        #expect(settings.remember?.value == true)
        #expect(settings.keys == [
            KeyRebinding(action: "move_down", keys: ["j", "Down", "Ctrl-N"], line: 9),
            KeyRebinding(action: "quit", keys: [], line: 10),
        ])
        #expect(settings.commands == [
            UserCommandEntry(key: "L", title: "launch an instance", command: "qingcloud iaas run-instances -m \"$QC_IMAGE_ID\"",
                             confirm: true, output: .terminal, line: 12),
            UserCommandEntry(key: "W", title: "qcimages wait --until available $QC_IMAGE_IDS",
                             command: "qcimages wait --until available $QC_IMAGE_IDS", output: .background, line: 16),
        ])
        #expect(settings.views == [
            ViewEntry(name: "prod-ubuntu", filter: "os:ubuntu tag:prod", sort: "-created", zones: "all", line: 20),
            ViewEntry(name: "plain", filter: "status:available", line: 21),
        ])
        #expect(settings.remembered == RememberedState(sort: "name", zones: "pek3a,sh1a"))
    }

    @Test("an empty or comment-only file is the defaults")
    func emptyFile() {
        for text in ["", "# nothing yet\n", "---\n"] {
            let file = SettingsFile.parse(text, location: location)
            #expect(file.problems.isEmpty)
            #expect(file.settings == Settings())
        }
    }

    @Test("a file that is not YAML: one problem naming the file, the defaults, never rewritten")
    func notYAML() {
        let file = SettingsFile.parse("theme: [dark\nmouse: true\n", location: location)
        #expect(file.problems.count == 1)
        #expect(file.problems[0].description.hasPrefix("~/.config/qcimages/config.yaml: is not valid YAML"))
        #expect(file.problems[0].description.hasSuffix("using the defaults"))
        #expect(file.settings == Settings())
        #expect(file.notRewritable != nil)
    }

    @Test("wrong shapes are named by line and left out; the rest is kept")
    func wrongShapes() {
        let file = SettingsFile.parse("""
            theme: [dark, light]
            mouse: sometimes
            refresh: 0.5
            colums: [id]
            commands:
              - title: no key
                command: echo
              - key: X
                output: window
                command: echo hi
                colour: red
            keys: [j, k]
            """, location: location)
        let lines = file.problems.map(\.description)
        #expect(lines.contains("~/.config/qcimages/config.yaml:1: `theme` expects a single value"))
        #expect(lines.contains("~/.config/qcimages/config.yaml:2: `mouse` expects true or false"))
        #expect(lines.contains("~/.config/qcimages/config.yaml:3: `refresh` expects seconds: 0 (off) or from 1 to 86400"))
        #expect(lines.contains("~/.config/qcimages/config.yaml:4: unknown setting `colums` (did you mean columns?); ignored"))
        #expect(lines.contains("~/.config/qcimages/config.yaml:6: a command needs `key:` (the key that runs it); left out"))
        #expect(lines.contains { $0.hasPrefix("~/.config/qcimages/config.yaml:9: `output` expects terminal or background") })
        #expect(lines.contains { $0.hasPrefix("~/.config/qcimages/config.yaml:11: unknown key `colour` in a command") })
        #expect(lines.contains { $0.hasPrefix("~/.config/qcimages/config.yaml:12: `keys` expects `name: value` lines") })
        #expect(file.settings.commands.map(\.key) == ["X"])
        #expect(file.settings.commands.first?.output == .terminal)
        #expect(file.settings.theme == nil && file.settings.mouse == nil && file.settings.refresh == nil)
    }

    @Test("the top level must be key: value lines")
    func topLevelNotMapping() {
        let file = SettingsFile.parse("- theme\n- dark\n", location: location)
        #expect(file.problems.map(\.line) == [1])
        #expect(file.settings == Settings())
        #expect(file.notRewritable != nil)
    }

    @Test("the location follows XDG_CONFIG_HOME when absolute, else ~/.config")
    func locationFollowsXDG() {
        let home = UserDirectoriesFixture.home
        #expect(SettingsLocation(environment: ["XDG_CONFIG_HOME": "/etc/xdg-user/"], directories: home).path
            == "/etc/xdg-user/qcimages/config.yaml")
        let relative = SettingsLocation(environment: ["XDG_CONFIG_HOME": "config"], directories: home)
        #expect(relative.path == "/home/ann/.config/qcimages/config.yaml")
        #expect(relative.displayPath == "~/.config/qcimages/config.yaml")
        #expect(SettingsLocation(environment: [:], directories: home).directory == "/home/ann/.config/qcimages")
    }
}
