import CNcurses

/// Turns what `get_wch` returned into a key, a resize or a mouse report.
///
/// Pure (curses' key codes are constants), so every mapping is tested without a terminal.
enum KeyDecoder {
    /// The key codes given (with `define_key`) to the bracketed paste's start and end sequences.
    static let pasteStartCode = KEY_MAX + 1
    static let pasteEndCode = KEY_MAX + 2
    /// The key code given to `ESC [<`, the start of an SGR mouse report, where curses does not decode those.
    static let sgrMouseCode = KEY_MAX + 3

    /// Decodes one `get_wch` result: `status` is `OK` for a character and `KEY_CODE_YES` for a key code.
    /// Returns nil for input the browser has no use for (other control characters, unknown key codes).
    static func decode(status: Int32, code: UInt32) -> InputEvent? {
        if status == KEY_CODE_YES {
            return decodeKeyCode(Int32(bitPattern: code))
        }
        if status == OK {
            return decodeCharacter(code)
        }
        return nil
    }

    private static func decodeCharacter(_ code: UInt32) -> InputEvent? {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(code) + UInt8(ascii: "a") - 1))
            return .key(.control(letter))
        case 0..<32, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case pasteStartCode: return .pasteStart
        case pasteEndCode: return .pasteEnd
        case sgrMouseCode: return .sgrMouse
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_HOME, KEY_A1, KEY_FIND: return .key(.home)
        case KEY_END, KEY_C1, KEY_SELECT: return .key(.end)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case qc_key_f(1)...qc_key_f(63): return .key(.function(Int(code - qc_key_f(0))))
        default: return nil
        }
    }
}
