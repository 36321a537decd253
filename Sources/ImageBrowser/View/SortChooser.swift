import QingCloud
import TerminalVocabulary

/// The F6 "Sort by" chooser, as in htop: every column the list can be sorted by, those on screen first
/// in screen order, then those this width leaves out (marked so); a cursor on one, Enter sorts by it.
enum SortChooser {
    /// One line of the chooser.
    struct Choice: Sendable, Hashable {
        let column: ImageField
        /// Whether the list shows the column at this width.
        let isShown: Bool
    }

    static let hiddenNote = "not shown at this width"

    /// The widest title among `choices`.
    static func titleWidth(_ choices: [Choice]) -> Int {
        choices.map { DisplayWidth.of($0.column.title) }.max() ?? 0
    }

    /// The text's width: a title, its sort mark, and the note.
    static func contentWidth(_ choices: [Choice]) -> Int {
        titleWidth(choices) + 4 + DisplayWidth.of(hiddenNote)
    }

    /// The columns of `shown` in order, then the other chosen ones but ZONE (which a single zone does not
    /// show).
    static func choices(shown: [ImageField], chosen: [ImageField]) -> [Choice] {
        shown.map { Choice(column: $0, isShown: true) }
            + chosen.filter { !shown.contains($0) && $0 != .zone }.map { Choice(column: $0, isShown: false) }
    }

    /// The chooser's lines: the cursor's line as the selection bar, the current order's column with its
    /// mark (as on the column title).
    static func lines(of choices: [Choice], cursor: ImageField, order: SortOrder, width: Int) -> [StyledLine] {
        let titleWidth = titleWidth(choices)
        return choices.map { choice in
            let mark = choice.column == order.column ? (order.descending ? "▼" : "▲") : ""
            let title = DisplayWidth.fit(choice.column.title + mark, width: titleWidth + 2)
            let note = choice.isShown ? "" : hiddenNote
            let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(title) - 2 - DisplayWidth.of(note)))
            if choice.column == cursor {
                return [Span(title + "  " + note + padding, Theme.selectionBar(focused: true))]
            }
            let titleStyle = choice.column == order.column ? Theme.sortedColumnTitle : CellStyle.plain
            return [Span(title, titleStyle), Span("  "), Span(note + padding, Theme.faint)]
        }
    }

    /// A box just big enough for `choices`, centred below the header.
    static func box(size: TerminalSize, choices: [Choice]) -> OverlayBox {
        OverlayBox(size: size, contentWidth: contentWidth(choices), contentHeight: choices.count)
    }
}
