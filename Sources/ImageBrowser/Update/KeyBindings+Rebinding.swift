import QingCloud
import TerminalVocabulary

/// `keys:` applied to the default map. An action's keys are replaced wherever the action is (`move_down:
/// [x]` moves the list and scrolls an overlay with x), or in one context when the name says which
/// (`filter_bar.move_down: [Ctrl-N]`); no keys unbinds it. Each entry that cannot apply (an unknown action,
/// context or key, Ctrl-C, a key another action keeps) is one problem and is left out whole: its action
/// keeps its default keys.
extension KeyBindings {
    /// One entry of `keys:`, as written: `move_down` (or with a context, `filter_bar.move_down`), its key
    /// names (`j`, `Down`, `Ctrl-N`; none to unbind) and its line.
    public typealias Rebinding = (action: String, keys: [String], line: Int)

    /// Why an entry was left out: its line and one sentence.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String

        public var description: String { "\(line): \(message)" }
    }

    /// The default map with `rebindings` applied, and a problem for each entry left out.
    public static func rebound(by rebindings: [Rebinding]) -> (bindings: KeyBindings, problems: [Problem]) {
        var problems: [Problem] = []
        var accepted: [Entry] = []
        for (order, rebinding) in rebindings.enumerated() {
            switch Entry.read(rebinding, order: order, after: accepted) {
            case .success(let entry): accepted.append(entry)
            case .failure(let problem): problems.append(problem)
            }
        }
        // Leaving an entry out gives its action its default keys back, which may take a key another entry
        // relies on: check again until no key does two things.
        while true {
            let conflicts = Self.conflicts(of: accepted)
            if conflicts.isEmpty { break }
            problems += conflicts.map(\.problem)
            accepted.removeAll { entry in conflicts.contains { $0.order == entry.order } }
        }
        let bindings = KeyBindings(rows: Self.rows(with: accepted),
                                   ownOverlayMovement: Set(accepted.filter { $0.context == .overlay }.map(\.action)))
        return (bindings, problems.sorted { $0.line < $1.line })
    }

    /// An entry that reads: a known action, in the contexts it applies to, with known keys.
    struct Entry {
        let action: KeyAction
        /// The context the name gives; nil for every context the action is in.
        let context: KeyContext?
        let keys: [Key]
        let line: Int
        let name: String
        /// Its place in `keys:`: of two entries taking one key, the later is left out.
        let order: Int

        /// The keys this entry gives its action in `context`, nil when it leaves that context alone. In a
        /// context that edits text (the filter bar, the view name prompt) the text keys (printable ones, the
        /// caret's, Backspace) are not bound; an entry for every context that names only such keys leaves
        /// that context's keys as they were.
        func keys(in context: KeyContext) -> [Key]? {
            guard self.context == nil || self.context == context else { return nil }
            guard context.editsText else { return keys }
            let usable = keys.filter { !$0.editsFilterText }
            return usable.isEmpty && !keys.isEmpty ? nil : usable
        }

        static func read(_ rebinding: Rebinding, order: Int, after accepted: [Entry]) -> Result<Entry, Problem> {
            func problem(_ message: String) -> Result<Entry, Problem> {
                .failure(Problem(line: rebinding.line, message: "keys: \(rebinding.action): " + message + "; ignored"))
            }
            var actionName = Substring(rebinding.action)
            var context: KeyContext?
            if let dot = rebinding.action.firstIndex(of: ".") {
                let contextName = String(rebinding.action[..<dot])
                guard let named = KeyContext.all.first(where: { $0.name == contextName }) else {
                    let names = KeyContext.all.map(\.name)
                    let hint = SpellingSuggestion.closest(to: contextName, among: names).map { "did you mean \($0)?" }
                        ?? "one of " + names.joined(separator: ", ")
                    return problem("unknown context `\(contextName)` (\(hint))")
                }
                context = named
                actionName = rebinding.action[rebinding.action.index(after: dot)...]
            }
            guard let action = KeyBindings.knownActions.first(where: { $0.name == actionName }) else {
                let hint = SpellingSuggestion.closest(to: String(actionName), among: KeyBindings.knownActions.map(\.name))
                    .map { "did you mean \($0)?" } ?? "the README lists the actions, under Keys"
                return problem("unknown action `\(actionName)` (\(hint))")
            }
            let contexts = KeyBindings.contexts(of: action)
            if let context, !contexts.contains(context) {
                return problem("\(action.name) has no keys in \(context.name) (it is in \(contexts.map(\.name).joined(separator: ", ")))")
            }
            if let earlier = accepted.first(where: { $0.action == action && $0.context == context }) {
                return problem("given twice (also line \(earlier.line)); the first one applies")
            }
            var keys: [Key] = []
            for name in rebinding.keys {
                guard let key = Key(name: name) else {
                    return problem("unknown key `\(name)` (keys are written like j, G, Space, Ctrl-N, Down, PgDn, Enter, Esc, F5)")
                }
                if let meaning = key.terminalMeaning {
                    return problem("\(name) never reaches qcimages: \(meaning)")
                }
                if key == KeyBindings.alwaysQuits {
                    // Ctrl-C quits whatever is written; naming it for quit says nothing new.
                    guard action == .quit else { return problem("Ctrl-C always quits and cannot be bound to another action") }
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            let onlyText = context?.editsText ?? contexts.allSatisfy(\.editsText)
            if onlyText, let text = keys.first(where: \.editsFilterText) {
                let place = (context ?? contexts.first) == .viewNamePrompt ? "the view name" : "the filter bar's text"
                return problem("\(text.name) types or edits \(place) (give keys such as Ctrl-G, Enter, F3)")
            }
            return .success(Entry(action: action, context: context, keys: keys, line: rebinding.line, name: rebinding.action, order: order))
        }
    }

    /// The contexts in which `action` has keys by default.
    static func contexts(of action: KeyAction) -> [KeyContext] {
        KeyContext.all.filter { context in
            KeyMap.bindings.contains { $0.context == context && $0.keys.contains { $0.action == action } }
        }
    }

    /// The entry that sets `action`'s keys in `context`: the one naming the context, else the general one.
    private static func entry(for action: KeyAction, in context: KeyContext, among entries: [Entry]) -> Entry? {
        entries.first { $0.action == action && $0.context == context } ?? entries.first { $0.action == action && $0.context == nil }
    }

    /// The default rows with `entries` applied: an action's new keys take the place of its first default
    /// key; quit keeps Ctrl-C; a rebound row's footer names its own first key.
    static func rows(with entries: [Entry]) -> [KeyBinding] {
        var placed: Set<KeyContextAction> = []
        return KeyMap.bindings.map { binding in
            var rebound = binding
            var keys: [(key: Key, action: KeyAction)] = []
            for entry in binding.keys {
                guard let rebinding = Self.entry(for: entry.action, in: binding.context, among: entries),
                      let newKeys = rebinding.keys(in: binding.context) else {
                    keys.append(entry)
                    continue
                }
                rebound.footerKeys = nil
                guard placed.insert(KeyContextAction(context: binding.context, action: entry.action)).inserted else { continue }
                keys += newKeys.map { (key: $0, action: entry.action) }
                if entry.action == .quit { keys.append((key: alwaysQuits, action: .quit)) }
            }
            rebound.keys = keys
            return rebound
        }
    }

    /// A problem for each entry whose keys another action also has in one context (the later entry when
    /// two entries take the key, the entry when an action keeps it by default).
    static func conflicts(of entries: [Entry]) -> [(order: Int, problem: Problem)] {
        var problems: [(order: Int, problem: Problem)] = []
        var blamed: Set<Int> = []
        for context in KeyContext.all {
            var holders: [Key: (action: KeyAction, entry: Entry?)] = [:]
            for binding in rows(with: entries) where binding.context == context {
                for item in binding.keys {
                    let entry = Self.entry(for: item.action, in: context, among: entries)
                    guard let holder = holders[item.key], holder.action != item.action else {
                        holders[item.key] = (item.action, entry)
                        continue
                    }
                    let culprit = [holder.entry, entry].compactMap { $0 }.max { $0.order < $1.order }!
                    let other = culprit.order == entry?.order ? (holder.action, holder.entry) : (item.action, entry)
                    guard blamed.insert(culprit.order).inserted else { continue }
                    let owner = other.1.map { "line \($0.line)" } ?? "by default"
                    problems.append((culprit.order, Problem(
                        line: culprit.line,
                        message: "keys: \(culprit.name): \(item.key.name) already does \(other.0.name) in \(context.name) (\(owner)); ignored")))
                }
            }
        }
        return problems
    }
}

/// An action in one context, as a set member.
struct KeyContextAction: Hashable {
    let context: KeyContext
    let action: KeyAction
}

extension Key {
    /// What a terminal makes of a key it never delivers as itself (nil for the others).
    var terminalMeaning: String? {
        switch self {
        case .control("h"): "the terminal sends it as Backspace"
        case .control("i"): "the terminal sends it as Tab"
        case .control("j"), .control("m"): "the terminal sends it as Enter"
        case .control("z"): "it suspends qcimages"
        default: nil
        }
    }

    /// Whether the filter bar keeps the key for its text: a character it types (Space included), or a key
    /// that moves the caret or deletes (as ``BrowserState/handleFilterBarKey(_:now:_:)`` reads them).
    var editsFilterText: Bool {
        switch self {
        case .character, .backspace, .delete, .left, .right, .home, .end, .control("a"), .control("e"): true
        default: false
        }
    }
}
