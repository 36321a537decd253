import ImageBrowser

/// An SGR (1006) mouse report, read after `ESC [<` where curses asks for the older X10 reports
/// (tmux-256color, screen), whose columns stop at 223: `button;column;row` and `M` for a press, `m` for
/// a release.
///
/// Pure, so that every mapping is tested (and fuzzed: Tests/Fuzz/SGRMouseReport) without a terminal.
/// Only the left button's press and the wheel are events; releases, other buttons and motion are dropped.
enum SGRMouseReport {
    /// The longest body taken (`b;x;y` and the final `M` or `m`): three numbers of up to five digits.
    /// Longer is not a mouse report, and is dropped.
    static let longestBody = 18

    /// The event a report's body stands for: cells counted from 1 become cells counted from 0. The
    /// button's low bits name it (0 left), 4, 8 and 16 are Shift, Meta and Ctrl, 32 is motion, 64 the
    /// wheel (64 up, 65 down).
    static func decode(_ body: String) -> MouseEvent? {
        guard body.utf8.count <= longestBody, let final = body.last, final == "M" || final == "m" else { return nil }
        let numbers = body.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let button = Int(numbers[0]), let column = Int(numbers[1]), let row = Int(numbers[2]),
              column >= 1, row >= 1, button & 32 == 0 else { return nil }
        let kind: MouseEvent.Kind
        switch (button & 64 != 0, button & 3, final) {
        case (true, 0, "M"): kind = .wheelUp
        case (true, 1, "M"): kind = .wheelDown
        case (false, 0, "M"): kind = .press
        default: return nil
        }
        return MouseEvent(kind, column: column - 1, row: row - 1)
    }

    /// Whether `character` can be part of a body (digits and `;`) or ends it (`M`, `m`).
    static func continues(_ character: Character) -> (continues: Bool, ends: Bool) {
        switch character {
        case "0"..."9", ";": (true, false)
        case "M", "m": (true, true)
        default: (false, false)
        }
    }
}
