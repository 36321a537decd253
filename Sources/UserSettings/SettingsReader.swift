import QingCloud
import Yams

/// Reads the settings file's YAML tree section by section, checking each value's shape and noting a
/// ``SettingsProblem`` (with its line) for each that is wrong; what is wrong is left out.
struct SettingsReader {
    let file: String
    private(set) var problems: [SettingsProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func problem(_ node: Node?, _ message: String) {
        problems.append(SettingsProblem(file: file, line: node?.mark?.line, message: message))
    }

    mutating func settings(from root: Node?) -> Settings {
        var settings = Settings()
        guard let root, root.null == nil else { return settings }
        guard let mapping = root.mapping else {
            problem(root, "expected `key: value` lines at the top level (theme:, columns:, keys:, commands:, views: ...); using the defaults")
            return settings
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                problem(keyNode, "a key must be a word")
                continue
            }
            let line = keyNode.mark?.line ?? 0
            switch key {
            case "theme": settings.theme = word(value, key: key).map { Located($0, line: line) }
            case "sort": settings.sort = word(value, key: key).map { Located($0, line: line) }
            case "mouse": settings.mouse = flag(value, key: key).map { Located($0, line: line) }
            case "remember": settings.remember = flag(value, key: key).map { Located($0, line: line) }
            case "refresh": settings.refresh = refresh(value).map { Located($0, line: line) }
            case "columns": settings.columns = words(value, key: key).map { Located($0, line: line) }
            case "keys": settings.keys = keys(value)
            case "commands": settings.commands = commands(value)
            case "views": settings.views = views(value)
            case "last": settings.remembered = remembered(value)
            default:
                let hint = SpellingSuggestion.closest(to: key, among: Settings.sectionNames).map { "did you mean \($0)?" }
                    ?? "known: " + Settings.sectionNames.joined(separator: ", ")
                problem(keyNode, "unknown setting `\(key)` (\(hint)); ignored")
            }
        }
        return settings
    }

    // MARK: Values

    /// A single value, as text.
    private mutating func word(_ node: Node, key: String) -> String? {
        guard node.null == nil, let text = node.scalar?.string else {
            problem(node, "`\(key)` expects a single value")
            return nil
        }
        return text
    }

    private mutating func flag(_ node: Node, key: String) -> Bool? {
        guard node.scalar != nil, let value = node.bool else {
            problem(node, "`\(key)` expects true or false")
            return nil
        }
        return value
    }

    private mutating func refresh(_ node: Node) -> Double? {
        guard node.scalar != nil, let seconds = node.float, seconds == 0 || (1...86_400).contains(seconds) else {
            problem(node, "`refresh` expects seconds: 0 (off) or from 1 to 86400")
            return nil
        }
        return seconds
    }

    /// A list of values: a YAML list, or one line with the values separated by commas or spaces.
    private mutating func words(_ node: Node, key: String) -> [String]? {
        if let sequence = node.sequence {
            var values: [String] = []
            for item in sequence {
                guard let text = item.scalar?.string else {
                    problem(item, "`\(key)` expects a list of single values")
                    return nil
                }
                values.append(text)
            }
            return values
        }
        if node.null != nil { return [] }
        guard let text = node.scalar?.string else {
            problem(node, "`\(key)` expects a list ([a, b]) or values separated by commas")
            return nil
        }
        return text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }

    /// The mapping of `node`, or nil (with a problem) when it is another thing; an empty value is an empty mapping.
    private mutating func entries(_ node: Node, key: String, example: String) -> Node.Mapping? {
        if node.null != nil { return Node.Mapping([]) }
        guard let mapping = node.mapping else {
            problem(node, "`\(key)` expects `name: value` lines, e.g. \(example)")
            return nil
        }
        return mapping
    }

    /// Checks that `mapping` holds only `known` keys; an unknown one is a problem naming it.
    private mutating func checkKeys(_ mapping: Node.Mapping, known: [String], in section: String) {
        for (keyNode, _) in mapping {
            let key = keyNode.scalar?.string ?? "?"
            if !known.contains(key) {
                let hint = SpellingSuggestion.closest(to: key, among: known).map { "did you mean \($0)?" }
                    ?? "known: " + known.joined(separator: ", ")
                problem(keyNode, "unknown key `\(key)` in \(section) (\(hint)); ignored")
            }
        }
    }

    // MARK: Sections

    private mutating func keys(_ node: Node) -> [KeyRebinding] {
        guard let mapping = entries(node, key: "keys", example: "`move_down: [j, Down]`") else { return [] }
        var rebindings: [KeyRebinding] = []
        for (actionNode, value) in mapping {
            guard let action = actionNode.scalar?.string else { continue }
            guard let keys = words(value, key: "keys: \(action)") else { continue }
            rebindings.append(KeyRebinding(action: action, keys: keys, line: actionNode.mark?.line ?? 0))
        }
        return rebindings
    }

    private mutating func commands(_ node: Node) -> [UserCommandEntry] {
        if node.null != nil { return [] }
        guard let sequence = node.sequence else {
            problem(node, "`commands` expects a list of entries, each `- key: ...` with title, command, confirm and output")
            return []
        }
        let known = ["key", "title", "command", "confirm", "output"]
        var commands: [UserCommandEntry] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                problem(item, "a command expects `key:`, `title:`, `command:` (and `confirm:`, `output:`)")
                continue
            }
            checkKeys(mapping, known: known, in: "a command")
            let line = item.mark?.line ?? 0
            guard let keyNode = mapping["key"], let key = word(keyNode, key: "key"), !key.isEmpty else {
                problem(item, "a command needs `key:` (the key that runs it); left out")
                continue
            }
            guard let commandNode = mapping["command"], let command = word(commandNode, key: "command"),
                  !command.trimmingCharacters(in: .whitespaces).isEmpty else {
                problem(item, "the command on key \(key) needs `command:` (a shell command); left out")
                continue
            }
            let title = mapping["title"].flatMap { word($0, key: "title") } ?? command
            let confirm = mapping["confirm"].flatMap { flag($0, key: "confirm") } ?? false
            var output = UserCommandEntry.Output.terminal
            if let outputNode = mapping["output"], let text = word(outputNode, key: "output") {
                if let value = UserCommandEntry.Output(rawValue: text) {
                    output = value
                } else {
                    problem(outputNode, "`output` expects terminal or background, not \(text.debugDescription); terminal used")
                }
            }
            commands.append(UserCommandEntry(key: key, title: title, command: command, confirm: confirm, output: output, line: line))
        }
        return commands
    }

    private mutating func views(_ node: Node) -> [ViewEntry] {
        guard let mapping = entries(node, key: "views", example: "`prod: {filter: \"os:ubuntu\", sort: -created}`") else { return [] }
        let known = ["filter", "sort", "zones", "columns"]
        var views: [ViewEntry] = []
        for (nameNode, value) in mapping {
            guard let name = nameNode.scalar?.string, !name.isEmpty else {
                problem(nameNode, "a view's name must be a word")
                continue
            }
            let line = nameNode.mark?.line ?? 0
            if let filter = value.scalar?.string {
                views.append(ViewEntry(name: name, filter: filter, line: line))
                continue
            }
            guard let fields = value.mapping else {
                problem(value, "the view \(name) expects a filter, or `{filter: ..., sort: ..., zones: ..., columns: [...]}`")
                continue
            }
            checkKeys(fields, known: known, in: "the view \(name)")
            views.append(ViewEntry(
                name: name,
                filter: fields["filter"].flatMap { word($0, key: "filter") } ?? "",
                sort: fields["sort"].flatMap { word($0, key: "sort") },
                zones: fields["zones"].flatMap { words($0, key: "zones")?.joined(separator: ",") },
                columns: fields["columns"].flatMap { words($0, key: "columns") },
                line: line
            ))
        }
        return views
    }

    private mutating func remembered(_ node: Node) -> RememberedState? {
        guard let mapping = entries(node, key: "last", example: "`{sort: -created, zones: all}`") else { return nil }
        checkKeys(mapping, known: ["sort", "zones"], in: "last")
        return RememberedState(
            sort: mapping["sort"].flatMap { word($0, key: "sort") },
            zones: mapping["zones"].flatMap { words($0, key: "zones")?.joined(separator: ",") }
        )
    }
}
