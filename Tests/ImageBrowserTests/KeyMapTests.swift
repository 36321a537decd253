import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// The key map is the one description of the keys: the README's tables and the dispatch follow it.
@Suite("Key map")
struct KeyMapTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardizedFileURL

    /// The README's table whose first line is `header`, as Markdown.
    static func readmeTable(_ header: String) throws -> String {
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: header), "no table \(header) in README.md")
        return lines[start...].prefix { !$0.isEmpty }.joined(separator: "\n")
    }

    @Test("the README's key table is the key map's")
    func readmeTable() throws {
        let expected = KeyBindings.defaults.readmeTable
        #expect(try Self.readmeTable("| key | does |") == expected, "README.md's key table should read:\n\(expected)")
    }

    @Test("the README's table of action names is the key map's")
    func readmeActions() throws {
        let expected = KeyBindings.defaults.actionTable
        #expect(try Self.readmeTable("| action | default keys | in |") == expected, "README.md's action table should read:\n\(expected)")
    }

    @Test("no key means two things in one context, and every binding's key reaches its action")
    func unambiguous() {
        for context in [KeyContext.panes, .filterBar, .overlay, .sortChooser, .viewChooser, .viewNamePrompt, .setup] {
            var seen: [Key: KeyAction] = [:]
            for binding in KeyMap.bindings where binding.context == context {
                for entry in binding.keys {
                    #expect(seen[entry.key] == nil, "\(entry.key) bound twice in \(context)")
                    seen[entry.key] = entry.action
                    #expect(KeyBindings.defaults.action(for: entry.key, in: context) == entry.action)
                }
            }
        }
        #expect(KeyBindings.defaults.action(for: .control("c"), in: .filterBar) == .quit)
        #expect(KeyBindings.defaults.action(for: .control("c"), in: .overlay) == .quit)
        #expect(KeyBindings.defaults.action(for: .control("c"), in: .sortChooser) == .quit)
        #expect(KeyBindings.defaults.action(for: .control("c"), in: .viewChooser) == .quit)
        #expect(KeyBindings.defaults.action(for: .control("c"), in: .viewNamePrompt) == .quit)
    }

    @Test("every key of the README's table is in the help overlay")
    func helpListsEveryKey() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "| key | does |"), "no key table in README.md")
        let rows = lines[(start + 2)...].prefix { !$0.isEmpty }
        let labels = rows.compactMap { $0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) }
        #expect(labels.count > 10)
        let help = HelpContent.lines(width: 200, options: BrowserOptions(endpointLabel: "test", zones: ["pek3a"])).map { $0.map(\.text).joined() }
        for label in labels {
            #expect(help.contains { $0.hasPrefix("  " + label + " ") }, "\(label) is not in the help")
        }
    }

    @Test("the help and the README name the same filter fields, each one the filter language knows")
    func filterFields() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("`field:value` with ") })
        let readme = line.dropFirst("`field:value` with ".count).prefix { $0 != ";" }
            .components(separatedBy: ", ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        let help = try #require(HelpContent.filterSyntax.first { $0.example == "field:value" }).meaning
        #expect(help.components(separatedBy: " ") == readme)
        #expect(readme.contains("description"))
        for name in readme { #expect(ImageField(filterName: name)?.filterName == name, "\(name)") }
    }
}
