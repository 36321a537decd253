import CNcurses
import ImageBrowser

/// Turns a mouse report into a browser ``MouseEvent``: curses' own (`getmouse`'s button state and
/// cell), or an SGR (1006) report read after `ESC [<` where curses asks for the older X10 reports
/// (tmux-256color, screen), which stop at column 223.
///
/// Pure, so that every mapping is tested without a terminal. Only the left button's press and the
/// wheel are events; releases, other buttons and motion are dropped.
enum MouseDecoder {
    /// The longest SGR report body taken (`b;x;y` and the final `M` or `m`): three numbers of up to five
    /// digits. Longer is not a mouse report, and is dropped.
    static let longestSGRBody = 18

    /// A `getmouse` report: `buttons` is its `bstate`, `column` and `row` its `x` and `y`.
    static func decode(buttons: mmask_t, column: Int32, row: Int32) -> MouseEvent? {
        let kind: MouseEvent.Kind
        if buttons & qc_button4_pressed() != 0 {
            kind = .wheelUp
        } else if buttons & qc_button5_pressed() != 0 {
            kind = .wheelDown
        } else if buttons & (qc_button1_pressed() | qc_button1_clicked()) != 0 {
            kind = .press
        } else {
            return nil
        }
        guard column >= 0, row >= 0 else { return nil }
        return MouseEvent(kind, column: Int(column), row: Int(row))
    }

    /// An SGR report's body after `ESC [<`: `button;column;row` (1-based cells) and `M` for a press, `m`
    /// for a release. The button's low bits name it (0 left), 4, 8 and 16 are Shift, Meta and Ctrl, 32 is
    /// motion, 64 the wheel (64 up, 65 down).
    static func decodeSGR(_ body: String) -> MouseEvent? {
        guard body.utf8.count <= longestSGRBody, let final = body.last, final == "M" || final == "m" else { return nil }
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

    /// Whether `character` can be part of an SGR report's body (digits and `;`) or ends it (`M`, `m`).
    static func continuesSGR(_ character: Character) -> (continues: Bool, ends: Bool) {
        switch character {
        case "0"..."9", ";": (true, false)
        case "M", "m": (true, true)
        default: (false, false)
        }
    }
}
