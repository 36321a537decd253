/// Makes untrusted text (image names, descriptions, tags written by other users) safe to display.
///
/// A name that carries `ESC [2J`, an OSC 52 clipboard write, a C1 CSI (U+009B) or a bidi override could
/// otherwise rewrite the user's terminal or disguise itself. Every control becomes something visible and
/// harmless; nothing else changes, so CJK and emoji are kept as they are.
public enum Sanitizer {
    /// C0 controls (U+0000-001F) and DEL become their Unicode Control Pictures (ESC -> "␛", BEL -> "␇", NUL -> "␀", CR -> "␍", LF -> "␊"); TAB becomes one space; C1 controls (U+0080-009F) and bidi controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C) become "�" (U+FFFD). Everything else is kept. Idempotent. ASCII-printable fast path returns the input unchanged without allocating.
    public static func forDisplay(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(replacement(for: scalar) ?? scalar)
        }
        return String(result)
    }

    /// Whether ``forDisplay(_:)`` would change `text`.
    public static func needsSanitizing(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte >= 0x80 { return text.unicodeScalars.contains { replacement(for: $0) != nil } }
        }
        return false
    }

    private static let space: Unicode.Scalar = " "
    private static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"
    /// U+2400 SYMBOL FOR NULL; the picture of C0 control `n` is U+2400 + n.
    private static let controlPicturesStart: UInt32 = 0x2400
    private static let symbolForDelete: Unicode.Scalar = "\u{2421}"

    /// What `scalar` is shown as, or nil when it is safe as it is.
    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09: space
        case 0x00...0x1F: Unicode.Scalar(controlPicturesStart + scalar.value)
        case 0x7F: symbolForDelete
        case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: replacementCharacter
        default: nil
        }
    }
}
