import TerminalVocabulary

/// The browser's own keys as the settings file's `commands:` must avoid them: a user command may only
/// take a key that does nothing in the list and detail panes.
public enum BrowserKeys {
    /// What `key` already does in the panes with `keys` (the defaults with the settings file's `keys:`),
    /// as the help says it; nil when the key is free. Asks the key map as it is, so a key the map gains or
    /// loses counts at once.
    public static func builtInMeaning(of key: Key, in keys: KeyBindings = .defaults) -> String? {
        if let reserved = terminalKeys[key] { return reserved }
        guard keys.action(for: key, in: .panes) != nil else { return nil }
        let binding = keys.rows.first { $0.context == .panes && $0.keys.contains { $0.key == key } }
        return binding?.help ?? "quit"
    }

    /// Keys the terminal keeps or sends as other keys: they never reach the browser as themselves.
    private static let terminalKeys: [Key: String] = [
        .control("z"): "suspend (the terminal's Ctrl-Z)",
        .control("i"): "the terminal sends it as Tab",
        .control("j"): "the terminal sends it as Enter",
        .control("m"): "the terminal sends it as Enter",
        .control("h"): "the terminal sends it as Backspace",
    ]
}
