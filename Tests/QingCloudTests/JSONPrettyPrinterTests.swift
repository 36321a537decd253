import Foundation
import JSONEngine
import SeededRandom
import Testing
@testable import QingCloud

@Suite("JSONPrettyPrinter lays out JSON text as JSONEncoder does")
struct JSONPrettyPrinterTests {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The encoder's layout of the value the text holds, at the top level or one level deep (inside an
    /// array, without the array's own first and last lines).
    static func encoderLayout(_ text: JSONText, level: Int) throws -> [UInt8] {
        guard level == 1 else { return Array(try encoder().encode(text.value)) }
        return Array(Array(try encoder().encode(JSONValue.array([text.value]))).dropFirst(4).dropLast(2))
    }

    /// Strings with everything the encoder escapes or keeps: quotes, backslashes, slashes, C0 controls,
    /// DEL, C1 and bidi controls, CJK, emoji, combining marks, empty.
    static let strings = [
        "", "plain", "with \"quotes\" and \\ backslash", "a/b", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}",
        "\u{7F}\u{85}\u{9B}", "\u{202E}rtl\u{2066}", "银河麒麟 V10", "😀", "e\u{301}", "\u{E9}", "tab\there",
    ]

    static func randomValue(_ random: inout SeededRandom, depth: Int) -> JSONValue {
        switch random.next(depth > 3 ? 5 : 8) {
        case 0: return .null
        case 1: return .bool(random.next(2) == 0)
        case 2: return .int(Int(truncatingIfNeeded: random.raw()) >> Int(random.next(60)))
        case 3, 4: return .string(strings[random.next(strings.count)] + strings[random.next(strings.count)])
        case 5: return .array((0..<random.next(4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<random.next(5) {
                members[["image_id", "a", "b_c", "tags", "Z", "z9", "size", "a_", "aa"][random.next(9)]] =
                    randomValue(&random, depth: depth + 1)
            }
            return .object(members)
        }
    }

    @Test("400 random values, written compactly, come out exactly as the encoder lays them out, at two levels")
    func randomValues() throws {
        var random = SeededRandom(seed: 9)
        var laidOut = 0
        for _ in 0..<400 {
            let text = JSONText(Self.randomValue(&random, depth: 0))
            for level in [0, 1] {
                let layout = try #require(JSONPrettyPrinter.layout(text, level: level), "\(text)")
                #expect(layout == (try Self.encoderLayout(text, level: level)), "\(text)")
                laidOut += 1
            }
        }
        #expect(laidOut == 800)
    }

    @Test("texts written as servers may write them lay out as the encoder lays out their values", arguments: [
        #"{"b":1,"a":[],"c":{},"d":[[],{}]}"#,
        "{ \"spaced\" :\t[ 1 , 2 ]\n, \"e\" : \"\\u00e9\\/\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u007f\\u202e\" }",
        #"{"k":"first","k":"second","j":1}"#,
        #"{"whole":7.0,"exp":7e2,"negzero":-0,"big":9223372036854775807,"small":-9223372036854775808}"#,
        ##"{"surrogates":"\ud83d\ude00","lone":"\ud800x","tags":[{"tag_id":"tag-1","color":"#fff"}]}"##,
        #"{"\u0061b":1,"ab2":2,"a_b":3,"aB":4,"a":5}"#,
        "[]", "{}", "\"text\"", "12", "null", "true", #"{"trailing":[1,2,],}"#,
        "{\"bad utf8\":\"\u{FF}\"}",
    ])
    func serverTexts(_ json: String) throws {
        let bytes = json == "{\"bad utf8\":\"\u{FF}\"}" ? Array("{\"bad utf8\":\"".utf8) + [0xFF] + Array("\"}".utf8) : Array(json.utf8)
        let text = JSONText(bytes: bytes[...])
        for level in [0, 1] {
            let layout = try #require(JSONPrettyPrinter.layout(text, level: level))
            #expect(String(decoding: layout, as: UTF8.self) == String(decoding: try Self.encoderLayout(text, level: level), as: UTF8.self))
        }
    }

    @Test("left to the encoder: fractions, non-ASCII keys, deep nesting and text that is not JSON", arguments: [
        #"{"size":1.5}"#, #"{"size":1e400}"#, #"{"é":1}"#, #"{"a":"#, "nope", "",
        String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
    ])
    func leftToTheEncoder(_ json: String) {
        #expect(JSONPrettyPrinter.layout(JSONText(bytes: Array(json.utf8)[...]), level: 1) == nil)
    }
}

/// A small seeded generator (SplitMix64), so that every run draws the same values.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func raw() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func next(_ bound: Int) -> Int { Int(raw() % UInt64(bound)) }
}
