import CNcurses
import ImageBrowser

/// Turns curses' own mouse report (`getmouse`'s button state and cell) into a browser ``MouseEvent``;
/// ``SGRMouseReport`` reads the reports curses does not decode.
///
/// Pure, so that every mapping is tested without a terminal. Only the left button's press and the
/// wheel are events; releases and other buttons are dropped.
enum MouseDecoder {
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
}
