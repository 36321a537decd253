/// Makes untrusted text (image names, descriptions, tags, ids, the server's error messages) safe to
/// write anywhere: the screen, a pipe, a file, stderr, the log or the clipboard.
///
/// A name that carries `ESC [2J`, an OSC 52 clipboard write, a C1 CSI (U+009B) or a bidi override could
/// otherwise rewrite the user's terminal, a tmux buffer, a later `cat` or `grep` of the output, or
/// disguise itself. One classifier (``isUnsafe(_:)``) decides what may not leave the program raw: C0
/// controls, DEL, C1 controls and the bidi controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C).
/// Each sink then writes those characters in one of two visible forms; nothing else changes, so CJK and
/// emoji are kept as they are.
public enum Sanitizer {
    /// How an unsafe character is written.
    public enum Style: Sendable, Hashable {
        /// For people at a terminal: the Unicode Control Picture of a C0 control or DEL (ESC -> "␛",
        /// LF -> "␊"), one space for TAB, "�" (U+FFFD) for C1 and bidi controls. Same length in scalars.
        case visibleSymbols
        /// For pipes and files: `\u` and four hex digits (ESC -> `\u001B`, U+202E -> `\u202E`), which
        /// survive any tool that reads text and say exactly which character was there.
        case backslashEscapes
    }

    /// `text` with every unsafe character written in `style`. ASCII-printable text is returned unchanged
    /// without allocating. Idempotent for both styles (the replacements are safe characters).
    public static func escaped(_ text: String, style: Style) -> String {
        guard needsSanitizing(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                result.append(scalar)
                continue
            }
            switch style {
            case .visibleSymbols:
                result.append(symbol(for: scalar))
            case .backslashEscapes:
                result.append(contentsOf: backslashEscape(for: scalar).unicodeScalars)
            }
        }
        return String(result)
    }

    /// C0 controls (U+0000-001F) and DEL become their Unicode Control Pictures (ESC -> "␛", BEL -> "␇", NUL -> "␀", CR -> "␍", LF -> "␊"); TAB becomes one space; C1 controls (U+0080-009F) and bidi controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C) become "�" (U+FFFD). Everything else is kept. Idempotent. ASCII-printable fast path returns the input unchanged without allocating.
    public static func forDisplay(_ text: String) -> String {
        escaped(text, style: .visibleSymbols)
    }

    /// Whether ``escaped(_:style:)`` would change `text`.
    public static func needsSanitizing(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte >= 0x80 { return text.unicodeScalars.contains(where: isUnsafe) }
        }
        return false
    }

    /// Whether `scalar` may not leave the program raw: a C0 or C1 control, DEL, or a bidi control.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static let space: Unicode.Scalar = " "
    private static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"
    /// U+2400 SYMBOL FOR NULL; the picture of C0 control `n` is U+2400 + n.
    private static let controlPicturesStart: UInt32 = 0x2400
    private static let symbolForDelete: Unicode.Scalar = "\u{2421}"

    /// What an unsafe `scalar` is shown as on a terminal.
    private static func symbol(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: space
        case 0x00...0x1F: Unicode.Scalar(controlPicturesStart + scalar.value) ?? replacementCharacter
        case 0x7F: symbolForDelete
        default: replacementCharacter
        }
    }

    /// `\u` and the scalar's value in four upper-case hex digits (every unsafe scalar is below U+10000).
    private static func backslashEscape(for scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
