import SeededRandom
import Testing
import TerminalVocabulary

struct SanitizerTests {
    @Test(arguments: [
        ("\u{1B}[2J", "␛[2J"),
        ("\u{1B}]52;c;SGVsbG8=\u{07}", "␛]52;c;SGVsbG8=␇"),
        ("\u{1B}]0;pwned\u{07}ubuntu", "␛]0;pwned␇ubuntu"),
        ("\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\", "␛]8;;https://evil.example␛\\click␛]8;;␛\\"),
        ("\u{1B}P+q544e\u{1B}\\", "␛P+q544e␛\\"),
        ("\u{1B}_apc\u{1B}\\", "␛_apc␛\\"),
        ("ding\u{07}", "ding␇"),
        ("safe\rEVIL", "safe␍EVIL"),
        ("two\nlines", "two␊lines"),
        ("nul\u{0}byte", "nul␀byte"),
        ("del\u{7F}", "del␡"),
        ("\u{9B}2J", "\u{FFFD}2J"),
        ("\u{9D}0;title\u{9C}", "\u{FFFD}0;title\u{FFFD}"),
        ("\u{85}next", "\u{FFFD}next"),
        ("invoice\u{202E}fdp.exe", "invoice\u{FFFD}fdp.exe"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("\u{2066}a\u{2067}b\u{2068}c\u{2069}", "\u{FFFD}a\u{FFFD}b\u{FFFD}c\u{FFFD}"),
        ("\u{200E}\u{200F}\u{061C}", "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("tab\there", "tab here"),
        ("\u{1B}\u{301}", "␛\u{301}"),
    ])
    func hostilePayloads(input: String, expected: String) {
        let shown = Sanitizer.forDisplay(input)
        #expect(shown == expected)
        #expect(Sanitizer.needsSanitizing(input))
        #expect(!Sanitizer.needsSanitizing(shown))
        #expect(Self.unsafeScalars(in: shown).isEmpty)
    }

    @Test(arguments: [
        "Ubuntu Server 22.04 LTS 64bit",
        "银河麒麟 V10 服务器版",
        "한국어 이미지 🚀 ❤️ 👨‍👩‍👧 🇨🇳",
        "e\u{301}cole Ελληνικά русский",
        "ＦＵＬＬＷＩＤＴＨ ｶﾀｶﾅ",
        "",
        "␛ already a picture, and \u{FFFD}",
        "zero\u{200B}width\u{200D}joiner\u{FE0F}",
    ])
    func safeTextIsKeptIntact(text: String) {
        #expect(!Sanitizer.needsSanitizing(text))
        #expect(Sanitizer.forDisplay(text) == text)
        #expect(Array(Sanitizer.forDisplay(text).unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test func printableASCIIIsReturnedWithoutCopying() {
        let text = String(repeating: "ubuntu-server-", count: 8)
        let shown = Sanitizer.forDisplay(text)
        let original = text.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        let returned = shown.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        #expect(original != nil)
        #expect(original == returned)
    }

    @Test func noControlSurvivesAndSanitizingIsIdempotent() {
        var generator = SplitMix64(seed: 52)
        let pieces: [Unicode.Scalar] = (0x00...0x20).compactMap { Unicode.Scalar(UInt32($0)) }
            + (0x7E...0xA0).compactMap { Unicode.Scalar(UInt32($0)) }
            + ["\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}",
               "a", "[", "银", "🚀", "\u{301}", "\u{FE0F}", "\u{200D}", "\u{2400}", "\u{FFFD}"]
        for _ in 0..<1000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                scalars.append(pieces.randomElement(using: &generator)!)
            }
            let text = String(scalars)
            let shown = Sanitizer.forDisplay(text)
            #expect(Self.unsafeScalars(in: shown).isEmpty)
            #expect(Sanitizer.forDisplay(shown) == shown)
            #expect(Sanitizer.needsSanitizing(text) == (shown.unicodeScalars.elementsEqual(text.unicodeScalars) == false))
            #expect(shown.unicodeScalars.count == text.unicodeScalars.count)
        }
    }

    @Test("to a pipe or file: each unsafe character as \\u and four hex digits, everything else kept", arguments: [
        ("\u{1B}]0;pwned\u{07}ubuntu", "\\u001B]0;pwned\\u0007ubuntu"),
        ("safe\r\nEVIL", "safe\\u000D\\u000AEVIL"),
        ("nul\u{0}del\u{7F}", "nul\\u0000del\\u007F"),
        ("\u{9B}2J \u{85}", "\\u009B2J \\u0085"),
        ("invoice\u{202E}fdp.exe \u{2066}x\u{2069}", "invoice\\u202Efdp.exe \\u2066x\\u2069"),
        ("\u{200E}\u{200F}\u{061C}", "\\u200E\\u200F\\u061C"),
        ("银河麒麟 \\ 🚀 tab\tend", "银河麒麟 \\ 🚀 tab\\u0009end"),
    ])
    func backslashEscapes(input: String, expected: String) {
        let escaped = Sanitizer.escaped(input, style: .backslashEscapes)
        #expect(escaped == expected)
        #expect(Self.unsafeScalars(in: escaped).isEmpty)
        #expect(Sanitizer.escaped(escaped, style: .backslashEscapes) == escaped)
    }

    /// The scalars that must never reach the terminal.
    private static func unsafeScalars(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x00..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }
}
