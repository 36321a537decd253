/// Key names as people write them in a settings file and as the help, the footer and the README show them.
extension Key {
    /// The key's name as the help and the README write it: `j`, `Space`, `Ctrl-N`, `↓`, `PgDn`, `F5`.
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-" + String(character).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let number): "F\(number)"
        }
    }

    /// The key a settings file names: one printable character (`j`, `G`, `/`), a control key (`Ctrl-N`,
    /// `C-n`, `^N`), a function key (`F1` to `F12`), or a named key, case-insensitively: `Up` `Down`
    /// `Left` `Right` (or the arrows), `PgUp`/`PageUp`, `PgDn`/`PageDown`, `Home`, `End`, `Enter`/`Return`,
    /// `Esc`/`Escape`, `Tab`, `Shift-Tab`/`BackTab`, `Backspace`, `Delete`/`Del`, `Space`. Nil otherwise.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            guard !character.isNewline, !(character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) else { return nil }
            switch character {
            case "↑": self = .up
            case "↓": self = .down
            case "←": self = .left
            case "→": self = .right
            default: self = .character(character)
            }
            return
        }
        let lowered = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            self = .control(letter)
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        guard let key = Self.namedKeys[lowered] else { return nil }
        self = key
    }

    private static let namedKeys: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace,
        "delete": .delete, "del": .delete, "space": .character(" "),
    ]
}
