/// A key press as the browser understands it, decoded by the terminal layer from curses input.
public enum Key: Sendable, Hashable {
    /// A printable character (any script; never a control character).
    case character(Character)
    /// Ctrl plus a letter, lowercase: `.control("f")` is Ctrl-F.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
}
