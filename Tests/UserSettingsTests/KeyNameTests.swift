import Testing
import TerminalVocabulary

@Suite("Key names")
struct KeyNameTests {
    @Test("names as a settings file writes them", arguments: [
        ("j", Key.character("j")), ("G", .character("G")), ("Space", .character(" ")), ("space", .character(" ")),
        ("Ctrl-N", .control("n")), ("C-n", .control("n")), ("^N", .control("n")), ("ctrl+x", .control("x")),
        ("Down", .down), ("↓", .down), ("PgDn", .pageDown), ("PageUp", .pageUp), ("F5", .function(5)),
        ("Enter", .enter), ("Return", .enter), ("Esc", .escape), ("Shift-Tab", .backTab), ("Del", .delete),
    ])
    func parses(name: String, key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test("what is not a key", arguments: ["", "Ctrl-", "Ctrl-1", "F13", "F0", "Downn", "jj", "\t", "\u{7F}"])
    func rejects(name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test("every key's name reads back as the key")
    func roundTrip() {
        let keys: [Key] = [.character("x"), .character(" "), .control("f"), .up, .down, .left, .right, .pageUp, .pageDown,
                           .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete, .function(10)]
        for key in keys { #expect(Key(name: key.name) == key) }
    }
}
