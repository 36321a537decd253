import QingCloud
import TerminalVocabulary

/// The `?` overlay: every binding of the session's ``KeyBindings`` by section, then the filter syntax and
/// the mouse; in `qcimages pick`, the keys that end the session (Enter, Esc, q) and the marks as pick has them.
enum HelpContent {
    /// The filter language at a glance (not keys, so not in the key map).
    static let filterSyntax: [(example: String, meaning: String)] = [
        ("word", "id, name, description, os, status or tag name contains it (any case)"),
        ("field:value", ImageField.filterable.map(\.filterName).joined(separator: " ")),
        ("!term  a|b", "not term / a or b"),
        ("size>50  size<=1T", "size in GB, or with a unit: 50G, 1T"),
        ("\"two words\"", "a phrase"),
    ]

    /// What the mouse does when `--mouse` turns it on (see ``BrowserState/handleMouse(_:now:_:)``).
    static let mouse: [(example: String, meaning: String)] = [
        ("wheel", "move in the list; over the detail pane or an overlay, scroll it"),
        ("click", "a row: select it; a column title: sort by it, again: reverse; the detail pane: focus it"),
        ("click a zone", "in the header (several zones): only that zone (zone: in the filter); again: every zone"),
        ("click in F6", "sort by that column; a click outside an overlay closes it"),
        ("Shift-drag", "select text with the terminal as without --mouse (most terminals)"),
    ]

    /// A user command's row: its key, its title and how it runs.
    private static func commandRow(_ command: UserCommand) -> (left: String, right: String) {
        let how = command.output == .terminal ? "in the terminal" : "in the background"
        return (command.key.name, command.displayTitle + " (\(how)\(command.confirm ? ", asks first" : ""))")
    }

    /// The help at a width: keys in a column, their meaning wrapped beside them; the user's own commands
    /// (the settings file's `commands:`) in a section of their own after the browser's keys.
    static func lines(width: Int, options: BrowserOptions) -> [StyledLine] {
        var sections = options.keys.sections.map { section in
            (title: section.title, rows: section.bindings.map { (left: $0.label, right: help(of: $0, options: options)) })
        }
        if !options.commands.isEmpty {
            sections.append((title: "Your commands", rows: options.commands.map(commandRow)))
        }
        sections.append((title: "Filter syntax", rows: filterSyntax.map { (left: $0.example, right: $0.meaning) }))
        sections.append((title: "Mouse (with --mouse)", rows: mouse.map { (left: $0.example, right: $0.meaning) }))
        let leftWidth = sections.flatMap(\.rows).map { DisplayWidth.of($0.left) }.max() ?? 0
        let indent = String(repeating: " ", count: leftWidth + 4)
        var lines: [StyledLine] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append([]) }
            lines.append([Span(section.title, Theme.label)])
            for row in section.rows {
                let right = TextFormat.wrap(row.right, width: max(10, width - leftWidth - 4))
                lines.append([Span("  " + DisplayWidth.fit(row.left, width: leftWidth) + "  ", Theme.strong),
                              Span(right.first ?? "")])
                lines += right.dropFirst().map { [Span(indent + $0)] }
            }
        }
        return lines
    }

    /// What a binding's help says in this session: pick's Enter chooses, its Esc and q cancel, and its
    /// marks are off without `--multi`.
    static func help(of binding: KeyBinding, options: BrowserOptions) -> String {
        guard options.picking else { return binding.help }
        switch binding.keys[0].action {
        case .toggleFullScreen where binding.context == .panes:
            return options.allowsMarks
                ? "choose: print the marked images (the selected one when none is marked) and exit 0"
                : "choose: print the selected image and exit 0"
        case .back where binding.context == .panes:
            return "leave full screen or the detail pane; in the list, cancel: print nothing and exit 1"
        case .quit:
            return "cancel: print nothing and exit 1 (Ctrl-C exits 130)"
        case .toggleMark, .markMatches, .clearMarks:
            return options.allowsMarks ? binding.help : "off: marks need qcimages pick --multi"
        default:
            return binding.help
        }
    }
}
