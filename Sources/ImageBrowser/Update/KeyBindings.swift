import TerminalVocabulary

/// The keys of one session, as a value: ``KeyMap``'s table with the user's `keys:` rebindings applied
/// (``rebound(by:)``). Dispatch, the help overlay and the footer hints read it from ``BrowserOptions/keys``,
/// so a rebinding shows wherever the key does; the README's tables come from ``defaults``.
///
/// Ctrl-C quits in every context, whatever the rebindings: it is not one of the keys a rebinding can take.
public struct KeyBindings: Sendable {
    /// The table's rows, their keys as rebound; a row whose keys were all unbound is left out.
    let rows: [KeyBinding]
    /// What each key does, by context: the rows' keys, and in an overlay also the list's movement keys
    /// that it does not bind itself (j, k, Ctrl-F, ... scroll it too).
    private let actions: [KeyContext: [Key: KeyAction]]

    /// The keys as qcimages ships them.
    public static let defaults = KeyBindings(rows: KeyMap.bindings)

    /// The key that quits everywhere and that no rebinding takes.
    static let alwaysQuits = Key.control("c")

    /// `rows` as they are; in an overlay, the list's movement keys for the actions not in `ownOverlayMovement`.
    init(rows: [KeyBinding], ownOverlayMovement: Set<KeyAction> = []) {
        self.rows = rows.filter { !$0.keys.isEmpty }
        var actions: [KeyContext: [Key: KeyAction]] = [:]
        for binding in rows {
            for entry in binding.keys { actions[binding.context, default: [:]][entry.key] = entry.action }
        }
        for (key, action) in actions[.panes] ?? [:] where action.isMovement && !ownOverlayMovement.contains(action) {
            actions[.overlay, default: [:]][key] = actions[.overlay]?[key] ?? action
        }
        self.actions = actions
    }

    /// What `key` does in `context`; Ctrl-C quits everywhere.
    func action(for key: Key, in context: KeyContext) -> KeyAction? {
        if key == Self.alwaysQuits { return .quit }
        return actions[context]?[key]
    }

    /// Whether `key` does something built in within `context` (Ctrl-C always does), for keys added beside the
    /// built-in ones (user commands) to stay clear of them. In the filter bar a printable key that is not
    /// bound types itself.
    public func isBound(_ key: Key, in context: KeyContext) -> Bool {
        action(for: key, in: context) != nil
    }

    /// The name (as `keys:` writes it) of the action `key` has in `context`, for a message saying what a
    /// key is already taken by; nil when the key is free.
    public func actionName(for key: Key, in context: KeyContext) -> String? {
        action(for: key, in: context)?.name
    }

    /// The first key of `action` in `context`, as the help writes it; nil when it has none.
    func keyName(for action: KeyAction, in context: KeyContext = .panes) -> String? {
        for binding in rows where binding.context == context {
            if let entry = binding.keys.first(where: { $0.action == action }) { return entry.key.name }
        }
        return nil
    }

    /// The bindings of the help overlay, section by section in the map's order.
    var sections: [(title: String, bindings: [KeyBinding])] {
        var sections: [(title: String, bindings: [KeyBinding])] = []
        for binding in rows {
            if let index = sections.firstIndex(where: { $0.title == binding.section }) {
                sections[index].bindings.append(binding)
            } else {
                sections.append((binding.section, [binding]))
            }
        }
        return sections
    }

    /// The footer hints of `context` in their order: the binding's first key and its text.
    func footerHints(in context: KeyContext) -> [(binding: KeyBinding, key: String, text: String)] {
        let shown = rows.filter { $0.context == context && $0.footer != nil }.sorted { $0.footer!.rank < $1.footer!.rank }
        return shown.map { binding in
            (binding, binding.footerKeys ?? Self.footerName(of: binding.keys[0].key), binding.footer!.text)
        }
    }

    /// The README's key table, as Markdown.
    var readmeTable: String {
        let rows = rows.filter { $0.context == .panes }.compactMap { binding in
            binding.summary.map { "| \(binding.label) | \($0) |" }
        }
        return (["| key | does |", "|---|---|"] + rows).joined(separator: "\n")
    }

    /// The README's table of the actions `keys:` names: each action's keys and the contexts it is in.
    var actionTable: String {
        var order: [KeyAction] = []
        var keys: [KeyAction: [String]] = [:]
        var contexts: [KeyAction: [KeyContext]] = [:]
        for binding in rows {
            for entry in binding.keys {
                if keys[entry.action] == nil { order.append(entry.action) }
                if !(keys[entry.action] ?? []).contains(entry.key.name) { keys[entry.action, default: []].append(entry.key.name) }
                if !(contexts[entry.action] ?? []).contains(binding.context) { contexts[entry.action, default: []].append(binding.context) }
            }
        }
        let lines = order.map { action in
            let places = KeyContext.all.filter { contexts[action]?.contains($0) == true }.map(\.name)
            return "| `\(action.name)` | \(keys[action]!.joined(separator: " ")) | \(places.joined(separator: ", ")) |"
        }
        return (["| action | default keys | in |", "|---|---|---|"] + lines).joined(separator: "\n")
    }

    /// A key's name in the footer, where room is short.
    static func footerName(of key: Key) -> String {
        key == .enter ? "⏎" : key.name
    }

    /// The actions the table knows, in its order.
    static let knownActions: [KeyAction] = {
        var seen: [KeyAction] = []
        for binding in KeyMap.bindings {
            for entry in binding.keys where !seen.contains(entry.action) { seen.append(entry.action) }
        }
        return seen
    }()
}
