import SeededRandom
import Testing
@testable import TerminalVocabulary

struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0),
        ("hello", 5),
        ("银河麒麟", 8),
        ("한국어", 6),
        ("ＡＢ", 4),
        ("日本語テキスト", 14),
        ("ab银c", 5),
        ("\u{3000}", 2),
        ("e\u{301}", 1),
        ("\u{301}", 0),
        ("a\u{200B}b", 2),
        ("a\u{200D}b", 2),
        ("\u{1100}\u{1161}\u{11A8}", 2),
        ("ｶﾀｶﾅ", 4),
        ("Ελληνικά", 8),
        ("\u{1B}", 1),
        ("\u{00AD}", 1),
    ])
    func textWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test(arguments: [
        ("🚀", 2), ("😀", 2), ("🙏", 2), ("🌏", 2), ("🤖", 2), ("🦀", 2), ("🧪", 2),
        ("❤️", 2), ("❤", 1), ("1️⃣", 2), ("👨‍👩‍👧", 2), ("👍🏽", 2), ("🇨🇳", 2), ("☺", 1), ("a\u{FE0F}", 1),
    ])
    func emojiWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(Character(text)) == width)
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func substringsAreMeasuredLikeStrings() {
        let text = "name: 银河麒麟 server"
        #expect(DisplayWidth.of(text.dropFirst(6)) == DisplayWidth.of(String(text.dropFirst(6))))
        #expect(DisplayWidth.of(text.prefix(4)) == 4)
    }

    @Test(arguments: [
        ("hello", 10, "hello"),
        ("hello", 5, "hello"),
        ("hello world", 8, "hello w…"),
        ("hello", 1, "…"),
        ("hello", 0, ""),
        ("hello", -3, ""),
        ("银河麒麟", 8, "银河麒麟"),
        ("银河麒麟", 7, "银河麒…"),
        ("银河麒麟", 6, "银河…"),
        ("银河麒麟", 5, "银河…"),
        ("银河麒麟", 2, "…"),
        ("银河麒麟", 1, "…"),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
        ("ab🚀cd", 3, "ab…"),
        ("ab🚀cd", 4, "ab…"),
        ("ab🚀cd", 5, "ab🚀…"),
    ])
    func truncate(text: String, width: Int, expected: String) {
        let cut = DisplayWidth.truncate(text, toWidth: width)
        #expect(cut == expected)
        #expect(DisplayWidth.of(cut) <= max(width, 0))
    }

    @Test func truncateWithOtherEllipsis() {
        #expect(DisplayWidth.truncate("hello world", toWidth: 8, ellipsis: "...") == "hello...")
        #expect(DisplayWidth.truncate("hello world", toWidth: 2, ellipsis: "...") == "he")
        #expect(DisplayWidth.truncate("银河麒麟", toWidth: 3, ellipsis: "...") == "...")
        #expect(DisplayWidth.truncate("银河麒麟", toWidth: 3, ellipsis: "....") == "银")
        #expect(DisplayWidth.truncate("hello world", toWidth: 5, ellipsis: "") == "hello")
    }

    @Test func fitPadsToExactWidth() {
        #expect(DisplayWidth.fit("ab", width: 5) == "ab   ")
        #expect(DisplayWidth.fit("ab", width: 5, alignRight: true) == "   ab")
        #expect(DisplayWidth.fit("银河", width: 5) == "银河 ")
        #expect(DisplayWidth.fit("银河麒麟", width: 4) == "银… ")
        #expect(DisplayWidth.fit("银河麒麟", width: 4, alignRight: true) == " 银…")
        #expect(DisplayWidth.fit("hello", width: 0).isEmpty)
        #expect(DisplayWidth.fit("", width: 3) == "   ")
    }

    @Test func fitAlwaysGivesTheRequestedWidth() {
        var generator = SplitMix64(seed: 7)
        let pieces = ["a", "Z", " ", "银", "麒", "🚀", "e\u{301}", "\u{200B}", "❤️", "ｶ", "…", "한"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            let width = Int.random(in: 0...15, using: &generator)
            #expect(DisplayWidth.of(DisplayWidth.fit(text, width: width)) == width, "\(text) in \(width)")
            #expect(DisplayWidth.of(DisplayWidth.truncate(text, toWidth: width)) <= width)
        }
    }

    @Test func asciiFastPathAgreesWithPerCharacterCount() {
        let text = "Ubuntu Server 22.04 LTS (64bit) ~!@#$%^&*()_+"
        #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        #expect(DisplayWidth.of("a\r\nb") == "a\r\nb".reduce(0) { $0 + DisplayWidth.of($1) })
    }

    @Test func tablesAreSortedAndDisjoint() {
        for table in [DisplayWidthTables.zeroWidth, DisplayWidthTables.wide] {
            for (previous, next) in zip(table, table.dropFirst()) {
                #expect(previous.upperBound + 1 < next.lowerBound)
            }
        }
    }

    /// The zero-width table is the standard library's own Mn, Me and Cf, with the documented exceptions.
    @Test func zeroWidthTableMatchesGeneralCategories() {
        let oneCellFormatCharacters: Set<UInt32> = [0xAD, 0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F,
                                                     0x890, 0x891, 0x8E2, 0x110BD, 0x110CD]
        var mismatches: [UInt32] = []
        for value in UInt32(0x20)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), value >= 0xA0 else { continue }
            let category = scalar.properties.generalCategory
            let isHangulVowelOrFinal = (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value)
            let expectedZero = isHangulVowelOrFinal
                || ([.nonspacingMark, .enclosingMark, .format].contains(category) && !oneCellFormatCharacters.contains(value))
            if expectedZero != (DisplayWidth.scalarWidth(scalar) == 0) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { String($0, radix: 16) })")
    }
}
