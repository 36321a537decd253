import QingCloud
import TerminalVocabulary

/// The `?` overlay: every binding of ``KeyMap`` by section, then the filter syntax.
enum HelpContent {
    /// The filter language at a glance (not keys, so not in the key map).
    static let filterSyntax: [(example: String, meaning: String)] = [
        ("word", "id, name, description, os, status or tag name contains it (any case)"),
        ("field:value", ImageField.filterable.map(\.filterName).joined(separator: " ")),
        ("!term  a|b", "not term / a or b"),
        ("size>50  size<=1T", "size in GB, or with a unit: 50G, 1T"),
        ("\"two words\"", "a phrase"),
    ]

    /// A user command's row: its key, its title and how it runs.
    private static func commandRow(_ command: UserCommand) -> (left: String, right: String) {
        let how = command.output == .terminal ? "in the terminal" : "in the background"
        return (KeyMap.name(of: command.key), command.displayTitle + " (\(how)\(command.confirm ? ", asks first" : ""))")
    }

    /// The help at a width: keys in a column, their meaning wrapped beside them; the user's own
    /// `commands` (the settings file's `commands:`) in a section of their own after the browser's keys.
    static func lines(width: Int, commands: [UserCommand] = []) -> [StyledLine] {
        var sections = KeyMap.sections.map { section in
            (title: section.title, rows: section.bindings.map { (left: $0.label, right: $0.help) })
        }
        if !commands.isEmpty {
            sections.append((title: "Your commands", rows: commands.map(commandRow)))
        }
        sections.append((title: "Filter syntax", rows: filterSyntax.map { (left: $0.example, right: $0.meaning) }))
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
}
