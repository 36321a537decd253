import ImageBrowser
import TerminalVocabulary
import UserSettings

/// The settings file's `commands:` made into the browser's ``UserCommand``s: each key must be a key
/// name, free in the browser's panes and not taken by an earlier command. An entry that fails is left
/// out and is one ``SettingsProblem`` naming the file and its line.
enum UserCommandSettings {
    /// The commands of `entries` (read from `file`, as messages name it) whose keys are free, and a
    /// problem for each of the others. `builtInMeaning` says what a key does in the browser already, nil
    /// when it is free (``BrowserKeys/builtInMeaning(of:)``: the key map as it is at run time).
    static func commands(
        from entries: [UserCommandEntry], file: String, keys: KeyBindings
    ) -> (commands: [UserCommand], problems: [SettingsProblem]) {
        commands(from: entries, file: file) { BrowserKeys.builtInMeaning(of: $0, in: keys) }
    }

    /// As ``commands(from:file:keys:)``, with what each key already does given by `builtInMeaning`.
    static func commands(
        from entries: [UserCommandEntry], file: String, builtInMeaning: (Key) -> String? = { BrowserKeys.builtInMeaning(of: $0) }
    ) -> (commands: [UserCommand], problems: [SettingsProblem]) {
        var commands: [UserCommand] = []
        var problems: [SettingsProblem] = []
        var taken: [Key: String] = [:]
        for entry in entries {
            let title = entry.title.debugDescription
            func problem(_ message: String) {
                problems.append(SettingsProblem(file: file, line: entry.line, message: "command \(title): " + message))
            }
            guard let key = Key(name: entry.key) else {
                problem("\(entry.key.debugDescription) is not a key name (a character such as L, Ctrl-L, F7...)")
                continue
            }
            if let meaning = builtInMeaning(key) {
                problem("key \(key.name) is the browser's own (\(meaning)); choose a free key")
                continue
            }
            if let other = taken[key] {
                problem("key \(key.name) is already command \(other)'s")
                continue
            }
            taken[key] = title
            commands.append(UserCommand(key: key, title: entry.title, command: entry.command, confirm: entry.confirm,
                                        output: entry.output == .terminal ? .terminal : .background))
        }
        return (commands, problems)
    }
}
