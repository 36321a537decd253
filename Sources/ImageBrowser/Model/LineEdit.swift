import TerminalVocabulary

/// One line of text being typed, with its caret: what the filter bar and the view name prompt edit,
/// with the same keys (characters, Backspace, Delete, ← →, Home End, Ctrl-A Ctrl-E, Ctrl-U, Ctrl-W).
struct LineEdit: Sendable, Hashable {
    var text = ""
    /// The caret, in characters.
    var caret = 0

    /// `text` inserted at the caret, the caret after it.
    func inserting(_ inserted: String) -> LineEdit {
        var characters = Array(text)
        let caret = min(max(0, self.caret), characters.count)
        let added = Array(inserted)
        characters.insert(contentsOf: added, at: caret)
        return LineEdit(text: String(characters), caret: caret + added.count)
    }

    /// The line after a command of the key map (`clearFilterText`, `deleteWord`); nil for another action.
    func applying(_ action: KeyAction) -> LineEdit? {
        var characters = Array(text)
        let caret = min(max(0, self.caret), characters.count)
        switch action {
        case .clearFilterText:
            return LineEdit()
        case .deleteWord:
            var start = caret
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<caret)
            return LineEdit(text: String(characters), caret: start)
        default:
            return nil
        }
    }

    /// The line after an editing key; nil when the key does not edit a line.
    func applying(_ key: Key) -> LineEdit? {
        var characters = Array(text)
        let caret = min(max(0, self.caret), characters.count)
        switch key {
        case .character(let character):
            return inserting(String(character))
        case .backspace:
            guard caret > 0 else { return self }
            characters.remove(at: caret - 1)
            return LineEdit(text: String(characters), caret: caret - 1)
        case .delete:
            guard caret < characters.count else { return self }
            characters.remove(at: caret)
            return LineEdit(text: String(characters), caret: caret)
        case .left:
            return LineEdit(text: text, caret: max(0, caret - 1))
        case .right:
            return LineEdit(text: text, caret: min(characters.count, caret + 1))
        case .home, .control("a"):
            return LineEdit(text: text, caret: 0)
        case .end, .control("e"):
            return LineEdit(text: text, caret: characters.count)
        default:
            return nil
        }
    }
}
