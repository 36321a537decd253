import Foundation
import ImageBrowser
import QingCloud
import Testing
import TerminalVocabulary
import UserSettings
@testable import qcimages

/// The settings file's `commands:` as the browser gets them: a bad key, a key the browser uses and a
/// key another command took are each one problem naming the file and the line, and the command is left out.
@Suite("User commands from the settings file")
struct UserCommandSettingsTests {
    private static let location = SettingsLocation(path: "/home/u/.config/qcimages/config.yaml", displayPath: "~/.config/qcimages/config.yaml")

    private static func checked(_ text: String, builtIn: ((Key) -> String?)? = nil) -> (commands: [UserCommand], problems: [String]) {
        let file = SettingsFile.parse(text, location: location)
        #expect(file.problems.isEmpty, "\(file.problems)")
        let result = builtIn.map { UserCommandSettings.commands(from: file.settings.commands, file: location.displayPath, builtInMeaning: $0) }
            ?? UserCommandSettings.commands(from: file.settings.commands, file: location.displayPath)
        return (result.commands, result.problems.map(\.description))
    }

    @Test("free keys become commands with their title, command, confirm and output")
    func freeKeys() {
        let result = Self.checked("""
            commands:
              - key: L
                title: launch an instance
                command: qingcloud iaas run-instances --image_id "$QC_IMAGE_ID"
                confirm: true
                output: background
              - key: Ctrl-W
                title: wait
                command: qcimages wait --until available $QC_IMAGE_IDS
            """)
        #expect(result.problems.isEmpty)
        #expect(result.commands == [
            UserCommand(key: .character("L"), title: "launch an instance",
                        command: "qingcloud iaas run-instances --image_id \"$QC_IMAGE_ID\"", confirm: true, output: .background),
            UserCommand(key: .control("w"), title: "wait", command: "qcimages wait --until available $QC_IMAGE_IDS",
                        confirm: false, output: .terminal),
        ])
    }

    @Test("a bad key name, a built-in key and a key taken twice: one line each with file and line, the command left out")
    func problems() {
        let result = Self.checked("""
            commands:
              - key: Ctrl-Q1
                command: echo bad
              - key: j
                title: down?
                command: echo clash
              - key: X
                title: first
                command: echo one
              - key: X
                title: second
                command: echo two
              - key: Ctrl-C
                command: echo quit
            """)
        #expect(result.commands.map(\.title) == ["first"])
        #expect(result.problems == [
            "~/.config/qcimages/config.yaml:2: command \"echo bad\": \"Ctrl-Q1\" is not a key name (a character such as L, Ctrl-L, F7...)",
            "~/.config/qcimages/config.yaml:4: command \"down?\": key j is the browser's own (previous / next image (or scroll the detail pane when it has focus)); choose a free key",
            "~/.config/qcimages/config.yaml:10: command \"second\": key X is already command \"first\"'s",
            "~/.config/qcimages/config.yaml:13: command \"echo quit\": key Ctrl-C is the browser's own (quit); choose a free key",
        ])
    }

    @Test("the clash check asks the key map through a function: a key it gains (a rebinding, marks) counts")
    func keyMapAsItIs() {
        let text = """
            commands:
              - key: m
                command: echo m
            """
        #expect(Self.checked(text).problems.isEmpty)
        let rebound = Self.checked(text) { $0 == .character("m") ? "mark" : nil }
        #expect(rebound.commands.isEmpty)
        #expect(rebound.problems == ["~/.config/qcimages/config.yaml:2: command \"echo m\": key m is the browser's own (mark); choose a free key"])
    }

    @Test("keys the terminal keeps (Ctrl-Z) or sends as others (Ctrl-I is Tab) are refused; every pane key is")
    func terminalKeys() {
        #expect(BrowserKeys.builtInMeaning(of: .control("z")) != nil)
        #expect(BrowserKeys.builtInMeaning(of: .control("i")) != nil)
        for key: Key in [.character("/"), .character("?"), .enter, .escape, .tab, .function(5), .character("q"), .character("c")] {
            #expect(BrowserKeys.builtInMeaning(of: key) != nil, "\(key.name)")
        }
        for key: Key in [.character("L"), .character("X"), .control("w"), .function(7)] {
            #expect(BrowserKeys.builtInMeaning(of: key) == nil, "\(key.name)")
        }
    }

    @Test("at start, the commands' problems join the file's: the footer's notice is the first, the log has all")
    func startupNotice() throws {
        let root = NSTemporaryDirectory() + "qcimages-commands-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/qcimages", withIntermediateDirectories: true)
        try """
            commands:
              - key: s
                command: echo sort
              - key: F7
                title: fine
                command: echo fine
              - key: nope
                command: echo nope
            """.write(toFile: root + "/qcimages/config.yaml", atomically: false, encoding: .utf8)
        let startup = SettingsStartup(directories: UserDirectories(), environment: ["XDG_CONFIG_HOME": root])
        #expect(startup.commands.map(\.title) == ["fine"])
        #expect(startup.problems.map(\.line) == [2, 7])
        let notice = try #require(startup.notice)
        #expect(notice.hasPrefix(root + "/qcimages/config.yaml:2: command \"echo sort\": key s is the browser's own"))
        #expect(notice.hasSuffix("(and 1 more in the log)"))
    }
}
