import TerminalVocabulary

/// One thing read from curses input, before it becomes a browser event.
enum InputEvent: Sendable, Equatable {
    case key(Key)
    /// The terminal changed size (curses' `KEY_RESIZE`); the new size is read from curses.
    case resize
    /// A mouse report (curses' `KEY_MOUSE`); the details are read with `getmouse`.
    case mouse
    /// `ESC [<`: an SGR (1006) mouse report that curses does not decode itself (see ``SGRMouseReport``);
    /// the rest of it (`0;12;8M`) follows as characters.
    case sgrMouse
    /// `ESC [200~`: a bracketed paste starts; what follows is text, not keys.
    case pasteStart
    /// `ESC [201~`: the bracketed paste ends.
    case pasteEnd
}
