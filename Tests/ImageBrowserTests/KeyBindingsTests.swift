import Foundation
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// `keys:` applied to the key map: what each key does afterwards in every context, what is refused and
/// why, and what the help and the footer say.
@Suite("Key bindings")
struct KeyBindingsTests {
    /// The bindings for `entries` (`name: [keys]`, a line each from 2 on), with their problems.
    static func rebound(_ entries: [(String, [String])]) -> (bindings: KeyBindings, problems: [KeyBindings.Problem]) {
        KeyBindings.rebound(by: entries.enumerated().map { ($1.0, $1.1, $0 + 2) })
    }

    static func helpText(_ keys: KeyBindings) -> [String] {
        HelpContent.lines(width: 200, options: BrowserOptions(endpointLabel: "test", zones: ["pek3a"], keys: keys)).map { $0.map(\.text).joined() }
    }

    @Test("a rebinding replaces the action's keys in every context it is in; the filter bar keeps its arrows")
    func replaces() {
        let (keys, problems) = Self.rebound([("move_down", ["x"])])
        #expect(problems.isEmpty)
        #expect(keys.action(for: .character("x"), in: .panes) == .next)
        #expect(keys.action(for: .character("j"), in: .panes) == nil)
        #expect(keys.action(for: .down, in: .panes) == nil)
        #expect(keys.action(for: .character("x"), in: .overlay) == .next)
        #expect(keys.action(for: .down, in: .overlay) == nil)
        #expect(keys.action(for: .character("j"), in: .overlay) == nil)
        #expect(keys.action(for: .character("x"), in: .sortChooser) == .next)
        #expect(keys.action(for: .character("j"), in: .sortChooser) == nil)
        // x types itself in the filter bar, where ↓ stays; Delete deletes there.
        let (withDelete, none) = Self.rebound([("page_down", ["Delete", "Ctrl-F"])])
        #expect(none.isEmpty)
        #expect(withDelete.action(for: .delete, in: .panes) == .pageDown)
        #expect(withDelete.action(for: .delete, in: .filterBar) == nil)
        #expect(withDelete.action(for: .control("f"), in: .filterBar) == .pageDown)
        #expect(withDelete.action(for: .pageDown, in: .filterBar) == nil)
        #expect(keys.action(for: .character("x"), in: .filterBar) == nil)
        #expect(keys.action(for: .down, in: .filterBar) == .next)
        #expect(keys.action(for: .character("k"), in: .panes) == .previous)
    }

    @Test("the view name prompt keeps its typing: a general rebinding to a letter leaves it there; a prompt-only one is refused")
    func viewNamePromptTypes() {
        let (keys, problems) = Self.rebound([("close", ["x", "Esc"]), ("view_name_prompt.save_view_named", ["s"])])
        #expect(keys.action(for: .character("x"), in: .overlay) == .close)
        #expect(keys.action(for: .character("x"), in: .viewNamePrompt) == nil, "x types itself in the name")
        #expect(keys.action(for: .escape, in: .viewNamePrompt) == .close)
        #expect(problems.map(\.description) == [
            "3: keys: view_name_prompt.save_view_named: s types or edits the view name (give keys such as Ctrl-G, Enter, F3); ignored",
        ])
    }

    @Test("a context before the name rebinds the action there only")
    func qualified() {
        let (keys, problems) = Self.rebound([
            ("filter_bar.move_down", ["Ctrl-N"]), ("sort_chooser.close", ["Backspace"]), ("filter_bar.move_up", ["Ctrl-A"]),
        ])
        #expect(problems.map(\.description) == ["4: keys: filter_bar.move_up: Ctrl-A types or edits the filter bar's text (give keys such as Ctrl-G, Enter, F3); ignored"])
        #expect(keys.action(for: .up, in: .filterBar) == .previous)
        #expect(keys.action(for: .control("n"), in: .filterBar) == .next)
        #expect(keys.action(for: .down, in: .filterBar) == nil)
        #expect(keys.action(for: .down, in: .panes) == .next)
        #expect(keys.action(for: .control("n"), in: .panes) == nil)
        #expect(keys.action(for: .backspace, in: .sortChooser) == .close)
        #expect(keys.action(for: .escape, in: .sortChooser) == nil)
        #expect(keys.action(for: .escape, in: .overlay) == .close)
    }

    @Test("every context takes a rebinding: list, filter bar, overlay, sort chooser")
    func everyContext() {
        let (keys, problems) = Self.rebound([
            ("copy_id", ["C"]), ("keep_filter", ["Tab"]), ("close", ["Backspace"]), ("pick_sort", ["Space"]),
        ])
        #expect(problems.isEmpty)
        #expect(keys.action(for: .character("C"), in: .panes) == .copyID)
        #expect(keys.action(for: .character("C"), in: .overlay) == .copyID)
        #expect(keys.action(for: .tab, in: .filterBar) == .keepFilter)
        #expect(keys.action(for: .enter, in: .filterBar) == nil)
        #expect(keys.action(for: .backspace, in: .overlay) == .close)
        #expect(keys.action(for: .backspace, in: .sortChooser) == .close)
        #expect(keys.action(for: .character("q"), in: .overlay) == nil)
        #expect(keys.action(for: .character(" "), in: .sortChooser) == .pickSort)
        #expect(keys.action(for: .enter, in: .sortChooser) == nil)
    }

    @Test("no keys unbinds: the key does nothing, the help and the footer leave it out")
    func unbinds() {
        let (keys, problems) = Self.rebound([("copy_id", [])])
        #expect(problems.isEmpty)
        #expect(keys.action(for: .character("c"), in: .panes) == nil)
        #expect(keys.action(for: .character("c"), in: .overlay) == nil)
        #expect(!Self.helpText(keys).contains { $0.contains("copy the selected image ID") })
        #expect(!keys.footerHints(in: .panes).contains { $0.text == "copy id" })
        #expect(KeyBindings.defaults.footerHints(in: .panes).contains { $0.text == "copy id" })
    }

    @Test("a list movement key rebound scrolls an overlay too; the overlay's own keys follow the list's")
    func overlayFollowsTheList() {
        let (keys, problems) = Self.rebound([("half_page_down", ["Ctrl-E"]), ("overlay.half_page_up", ["Ctrl-Y"])])
        #expect(keys.action(for: .control("e"), in: .overlay) == .halfPageDown)
        #expect(keys.action(for: .control("d"), in: .overlay) == nil)
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message == "keys: overlay.half_page_up: half_page_up has no keys in overlay (it is in list); ignored")
    }

    @Test("Ctrl-C quits everywhere, also with quit unbound, and no other action takes it")
    func controlC() {
        let (keys, problems) = Self.rebound([("quit", []), ("move_down", ["Ctrl-C"])])
        #expect(problems.map(\.description) == ["3: keys: move_down: Ctrl-C always quits and cannot be bound to another action; ignored"])
        for context in KeyContext.all {
            #expect(keys.action(for: .control("c"), in: context) == .quit)
            #expect(keys.isBound(.control("c"), in: context))
        }
        #expect(keys.action(for: .character("q"), in: .panes) == nil)
        #expect(keys.action(for: .function(10), in: .panes) == nil)
        #expect(Self.helpText(keys).contains { $0.hasPrefix("  Ctrl-C ") && $0.hasSuffix("quit") })
        #expect(keys.footerHints(in: .panes).last.map { "\($0.key) \($0.text)" } == "Ctrl-C quit")
        let (named, none) = Self.rebound([("quit", ["x", "Ctrl-C"])])
        #expect(none.isEmpty)
        #expect(named.action(for: .character("x"), in: .panes) == .quit)
        #expect(Self.helpText(named).contains { $0.hasPrefix("  x Ctrl-C ") })
    }

    @Test("a key another action keeps by default is a conflict: the entry is left out, its action keeps its keys")
    func conflictWithDefault() {
        let (keys, problems) = Self.rebound([("move_down", ["k"])])
        #expect(problems.map(\.description) == ["2: keys: move_down: k already does move_up in list (by default); ignored"])
        #expect(keys.action(for: .character("j"), in: .panes) == .next)
        #expect(keys.action(for: .character("k"), in: .panes) == .previous)
    }

    @Test("keys swapped between two actions are no conflict")
    func swap() {
        let (keys, problems) = Self.rebound([("move_up", ["j"]), ("move_down", ["k"])])
        #expect(problems.isEmpty)
        #expect(keys.action(for: .character("j"), in: .panes) == .previous)
        #expect(keys.action(for: .character("k"), in: .panes) == .next)
        #expect(keys.action(for: .character("k"), in: .sortChooser) == .next)
    }

    @Test("two entries taking one key: the later one is left out, naming the earlier's line")
    func conflictBetweenEntries() {
        let (keys, problems) = Self.rebound([("refresh", ["z"]), ("pause", ["z"])])
        #expect(problems.map(\.description) == ["3: keys: pause: z already does refresh in list (line 2); ignored"])
        #expect(keys.action(for: .character("z"), in: .panes) == .refresh)
        #expect(keys.action(for: .character("p"), in: .panes) == .togglePause)
    }

    @Test("an entry left out gives its keys back, which may leave out another that took them")
    func cascade() {
        let (keys, problems) = Self.rebound([("move_up", ["y"]), ("move_down", ["k"])])
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems.first?.message.contains("y already does raw_json in list (by default)") == true)
        #expect(problems.last?.message.contains("k already does move_up in list (by default)") == true)
        #expect(keys.action(for: .character("k"), in: .panes) == .previous)
        #expect(keys.action(for: .character("j"), in: .panes) == .next)
    }

    @Test("unknown actions, contexts and keys: one problem each, with a suggestion when one is near")
    func unknownNames() {
        let (keys, problems) = Self.rebound([
            ("mvoe_down", ["x"]), ("filterbar.move_down", ["Ctrl-N"]), ("move_up", ["Ctrl-1"]), ("frobnicate", ["z"]),
            ("move_down", ["Ctrl-J"]), ("keep_filter", ["k"]), ("refresh", ["R"]), ("refresh", ["T"]),
        ])
        #expect(problems.map(\.description) == [
            "2: keys: mvoe_down: unknown action `mvoe_down` (did you mean move_down?); ignored",
            "3: keys: filterbar.move_down: unknown context `filterbar` (did you mean filter_bar?); ignored",
            "4: keys: move_up: unknown key `Ctrl-1` (keys are written like j, G, Space, Ctrl-N, Down, PgDn, Enter, Esc, F5); ignored",
            "5: keys: frobnicate: unknown action `frobnicate` (the README lists the actions, under Keys); ignored",
            "6: keys: move_down: Ctrl-J never reaches qcimages: the terminal sends it as Enter; ignored",
            "7: keys: keep_filter: k types or edits the filter bar's text (give keys such as Ctrl-G, Enter, F3); ignored",
            "9: keys: refresh: given twice (also line 8); the first one applies; ignored",
        ])
        #expect(keys.action(for: .character("x"), in: .panes) == nil)
        #expect(keys.action(for: .character("R"), in: .panes) == .refresh)
        #expect(keys.action(for: .character("T"), in: .panes) == nil)
    }

    @Test("the help and the footer name the keys as rebound")
    func helpAndFooter() {
        let (keys, problems) = Self.rebound([("move_down", ["x"]), ("help", ["H"]), ("full_screen", ["o"])])
        #expect(problems.isEmpty)
        let help = Self.helpText(keys)
        #expect(help.contains { $0.hasPrefix("  ↑ x k ") })
        #expect(help.contains { $0.hasPrefix("  H ") && $0.hasSuffix("this help") })
        #expect(!help.contains { $0.hasPrefix("  ? F1 ") })
        var harness = Harness(images: Fixtures.images(30), keys: keys)
        harness.answerAll()
        let footer = harness.render().text(ofRow: 39)
        #expect(footer.contains("H help"))
        #expect(footer.contains("o detail"))
        #expect(!footer.contains("? help"))
        harness.press(.character("H"))
        #expect(harness.state.overlay == .help(scroll: 0))
        #expect(harness.render().text(ofRow: 39).contains("↑ scroll"))
        #expect(Self.helpText(keys).contains { $0.hasPrefix("  ↑ x PgUp PgDn g G Space ") })
    }

    @Test("dispatch follows the rebinding: x moves, j no longer does and says which key shows the keys")
    func dispatch() {
        let (keys, _) = Self.rebound([("move_down", ["x"]), ("help", ["H"])])
        var harness = Harness(images: Fixtures.images(30), keys: keys)
        harness.answerAll()
        harness.press(.character("x"), .character("x"))
        #expect(harness.state.selectedIndex == 2)
        harness.press(.character("j"))
        #expect(harness.state.selectedIndex == 2)
        #expect(harness.render().text(ofRow: 39).contains("H for keys"))
        harness.press(.character("/"))
        harness.type("img-x")
        #expect(harness.state.filter.text == "img-x")
        harness.press(.backspace, .backspace)
        let before = harness.state.selectedIndex ?? 0
        harness.press(.down)
        #expect(harness.state.selectedIndex == before + 1)
    }

    @Test("isBound says which keys are taken, for keys added beside the built-in ones")
    func isBound() {
        #expect(KeyBindings.defaults.isBound(.character("j"), in: .panes))
        #expect(!KeyBindings.defaults.isBound(.character("x"), in: .panes))
        #expect(KeyBindings.defaults.actionName(for: .character("j"), in: .panes) == "move_down")
        let (keys, _) = Self.rebound([("move_down", ["x"])])
        #expect(keys.isBound(.character("x"), in: .panes))
        #expect(!keys.isBound(.character("j"), in: .panes))
        #expect(keys.isBound(.control("c"), in: .panes))
    }

    @Test("every action has its own name, and every name reads back as its action")
    func names() {
        let names = KeyBindings.knownActions.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(name) is not snake_case")
            let (_, problems) = Self.rebound([(name, [])])
            #expect(problems.isEmpty, "\(name)")
        }
    }
}
