import Foundation
import SeededRandom
import Testing
@testable import QingCloud

/// The hand-written page decoder against Foundation on generated and damaged answers: the same page, or
/// the same kind of failure. The documented differences (a lone surrogate or bytes that are not UTF-8 in
/// a string become U+FFFD; numbers beyond `Double` are taken) are checked on their own below.
@Suite("ImagePageDecoder agrees with Foundation")
struct ImagePageDecoderDifferentialTests {
    @Test("generated answers: escapes, CJK, emoji, big and odd numbers, nesting, repeated and escaped keys")
    func generatedAnswers() {
        var random = TestRandom(seed: 9)
        for round in 0..<400 {
            var generator = PageGenerator(random: &random)
            let body = generator.answer()
            let expected = FoundationPageReference.outcome(body)
            let actual = FoundationPageReference.outcomeOfDecoder(body)
            #expect(actual == expected, "round \(round): \(String(decoding: body.prefix(300), as: UTF8.self))")
        }
    }

    @Test("damaged answers: cut, a byte changed, inserted or removed, give the same kind of failure")
    func damagedAnswers() {
        var random = TestRandom(seed: 11)
        var compared = 0
        for round in 0..<1500 {
            var generator = PageGenerator(random: &random)
            var body = generator.answer()
            switch random.next(4) {
            case 0: body = Array(body.prefix(random.next(body.count)))
            case 1: body[random.next(body.count)] = Self.interesting[random.next(Self.interesting.count)]
            case 2: body.insert(Self.interesting[random.next(Self.interesting.count)], at: random.next(body.count + 1))
            default: body.remove(at: random.next(body.count))
            }
            guard Self.isComparable(body) else { continue }
            compared += 1
            let expected = FoundationPageReference.outcome(body)
            let actual = FoundationPageReference.outcomeOfDecoder(body)
            #expect(actual == expected, "round \(round): \(String(decoding: body.prefix(400), as: UTF8.self))")
        }
        #expect(compared > 1000)
    }

    @Test("hostile inputs", arguments: [
        "", " ", "{", "[", "{}", "[]", "null", "\"x\"", "7", "{\"ret_code\":0", "{\"ret_code\":0,}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"img-1\"},]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"img-1\",}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[,]}", "{\"ret_code\":0,,\"total_count\":1}",
        "{\"ret_code\":1.0,\"total_count\":1e0,\"image_set\":[]}", "{\"ret_code\":0,\"total_count\":1.5,\"image_set\":[]}",
        "{\"ret_code\":0,\"total_count\":99999999999999999999,\"image_set\":[]}",
        "{\"ret_code\":\"0\",\"total_count\":1,\"image_set\":[]}", "{\"ret_code\":null,\"total_count\":1,\"image_set\":[]}",
        "{\"ret_code\":0,\"ret_code\":\"x\",\"total_count\":0,\"image_set\":[]}",
        "{\"ret\\u005fcode\":0,\"total_count\":0,\"image_set\":[]}",
        "{\"ret_code\":1200,\"message\":7}", "{\"ret_code\":1200,\"message\":\"no\",\"image_set\":[1]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[1]}", "{\"ret_code\":0,\"total_count\":1,\"image_set\":{}}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"\"}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\",\"image_id\":\"b\",\"size\":\"12\"}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\",\"size\":-0.0,\"tags\":[1,{\"tag_id\":2}]}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\",\"size\":1e16}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\",\"size\":1e19}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\\ud83d\\ude00\\u00e9\\/\\b\\f\\n\\r\\t\"}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\\U0041\"}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\\u00\"}]}",
        "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\u{1}\"}]}",
        "{\"ret_code\":0,\"total_count\":01,\"image_set\":[]}", "{\"ret_code\":-,\"total_count\":1,\"image_set\":[]}",
        "{\"ret_code\":0,\"total_count\":1.,\"image_set\":[]}", "{\"ret_code\":0,\"total_count\":1e,\"image_set\":[]}",
        "{\"ret_code\":0,\"total_count\":0,\"image_set\":[]} x", "\u{FEFF}{\"ret_code\":0,\"total_count\":0,\"image_set\":[]}",
        "{\"ret_code\":0,\"total_count\":0,\"image_set\":[],\"x\":[tru]}", "{\"ret_code\":0,\"total_count\":0,\"image_set\":[],\"x\":nul}",
        "{\"ret_code\":0,\"total_count\":0,\"image_set\":[]}\u{0C}", "[{\"ret_code\":0}]",
    ])
    func hostile(_ text: String) {
        let body = Array(text.utf8)
        #expect(FoundationPageReference.outcomeOfDecoder(body) == FoundationPageReference.outcome(body))
    }

    @Test("nesting: 512 levels are JSON, 513 are not, in every place an unknown value can be", arguments: [511, 512, 513])
    func deepNesting(depth: Int) {
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        for body in [
            nested,
            "{\"ret_code\":0,\"total_count\":0,\"image_set\":[],\"x\":\(nested.dropFirst().dropLast())}",
            "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\",\"x\":\(nested.dropFirst(3).dropLast(3))}]}",
            "{\"ret_code\":0,\"total_count\":1,\"image_set\":[{\"image_id\":\"a\",\"tags\":[{\"x\":\(nested.dropFirst(5).dropLast(5))}]}]}",
        ] {
            let bytes = Array(body.utf8)
            #expect(FoundationPageReference.outcomeOfDecoder(bytes) == FoundationPageReference.outcome(bytes), "\(depth)")
        }
    }

    @Test("a lone surrogate in a name becomes U+FFFD and the page is kept (Foundation refuses the page)")
    func loneSurrogate() throws {
        let body = Array(#"{"ret_code":0,"total_count":1,"image_set":[{"image_id":"img-1","image_name":"a\ud800b\udc00"}]}"#.utf8)
        #expect(FoundationPageReference.outcome(body) == .syntaxError)
        let page = try ResponseDecoder.imagePage(from: body)
        #expect(page.images.map(\.name) == ["a\u{FFFD}b\u{FFFD}"])
    }

    @Test("bytes that are not UTF-8 in a name become U+FFFD and the page is kept (Foundation refuses the page)")
    func invalidUTF8() throws {
        let body = Array(#"{"ret_code":0,"total_count":1,"image_set":[{"image_id":"img-1","image_name":"a"#.utf8)
            + [0xFF, 0xC3] + Array(#""}]}"#.utf8)
        #expect(FoundationPageReference.outcome(body) == .syntaxError)
        #expect(try ResponseDecoder.imagePage(from: body).images.map(\.name) == ["a\u{FFFD}\u{FFFD}"])
    }

    @Test("a number beyond Double is a number: the size is unknown (0), the page is kept (Foundation refuses it)")
    func hugeNumber() throws {
        let body = Array(#"{"ret_code":0,"total_count":1,"image_set":[{"image_id":"img-1","size":1e400,"x":-1e999}]}"#.utf8)
        guard case .page = FoundationPageReference.outcome(body) else {
            #expect(try ResponseDecoder.imagePage(from: body).images.map(\.sizeGB) == [0])
            return
        }
        Issue.record("Foundation took a number beyond Double")
    }

    @Test("each image keeps its object as a slice of the body, byte for byte")
    func rawIsASliceOfTheBody() throws {
        let object = #"{ "image_id" : "img-1", "zzz" : [1, {"a" : null}] , "size": 7 }"#
        let body = Array(("{\"ret_code\":0,\"total_count\":1,\"image_set\":[ " + object + " ]}").utf8)
        let image = try #require(try ResponseDecoder.imagePage(from: body).images.first)
        #expect(Array(image.rawJSON.bytes) == Array(object.utf8))
        #expect(image.raw["zzz"] == .array([.int(1), .object(["a": .null])]))
    }

    /// Bytes whose comparison is meaningful: the differences the decoder documents are left out.
    static func isComparable(_ body: [UInt8]) -> Bool {
        guard String(validating: body, as: UTF8.self) != nil else { return false }
        return !hasLoneSurrogate(body) && !hasHugeExponent(body)
    }

    /// A `\uD800`-`\uDBFF` escape not followed by a `\uDC00`-`\uDFFF` one, or the latter on its own.
    static func hasLoneSurrogate(_ body: [UInt8]) -> Bool {
        let text = String(decoding: body, as: UTF8.self).lowercased()
        var expectingLow = false
        var rest = text[...]
        while let range = rest.range(of: "\\u") {
            let hex = rest[range.upperBound...].prefix(4)
            let value = Int(hex, radix: 16) ?? 0
            let isHigh = (0xD800...0xDBFF).contains(value)
            let isLow = (0xDC00...0xDFFF).contains(value)
            let adjacent = rest[..<range.lowerBound].isEmpty
            if expectingLow && !(isLow && adjacent) { return true }
            if isLow && !expectingLow { return true }
            expectingLow = isHigh
            rest = rest[range.upperBound...].dropFirst(hex.count)
        }
        return expectingLow
    }

    /// An exponent of three digits or more: Foundation refuses numbers beyond `Double`.
    static func hasHugeExponent(_ body: [UInt8]) -> Bool {
        let text = String(decoding: body, as: UTF8.self)
        return text.firstMatch(of: /[0-9][eE][+-]?[0-9]{3}/) != nil
    }

    static let interesting = Array("{}[],:\"\\ -+.0123456789eEtrufalsn\u{1}".utf8) + [0x00, 0x7F, 0xC3, 0xA9]
}

/// A seeded source of numbers for generated inputs (SplitMix64).
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is 0).
    mutating func next(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(nextUInt64() % UInt64(bound))
    }

    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
}

/// Writes DescribeImages answers the way servers and proxies might: any key order, spacing, escapes
/// for any character, unknown members with nested values, numbers in every JSON form.
struct PageGenerator {
    var random: TestRandom

    init(random: inout TestRandom) {
        self.random = TestRandom(seed: random.nextUInt64())
    }

    mutating func answer() -> [UInt8] {
        var members: [String] = []
        if !random.chance(3) { members.append(key("ret_code") + (random.chance(5) ? "1200" : "0")) }
        if !random.chance(3) { members.append(key("total_count") + number(integral: true)) }
        if random.chance(20) { members.append(key("message") + string()) }
        if random.chance(30) { members.append(key("action") + "\"DescribeImagesResponse\"") }
        if !random.chance(3) {
            let images = (0..<random.next(6)).map { _ in image() }
            members.append(key("image_set") + "[" + space() + images.joined(separator: "," + space()) + "]")
        }
        if random.chance(5), let first = members.first { members.append(first) }
        members.shuffle(using: &random)
        return Array(("{" + space() + members.joined(separator: "," + space()) + space() + "}" + space()).utf8)
    }

    private mutating func image() -> String {
        var members = [key("image_id") + (random.chance(3) ? "\"\"" : string(minimumLength: 1))]
        for name in ["image_name", "description", "os_family", "owner", "recommended_type", "platform", "status",
                     "transition_status", "processor_type", "visibility", "provider"] where !random.chance(15) {
            members.append(key(name) + (random.chance(10) ? anyValue(depth: 0) : string()))
        }
        if !random.chance(15) { members.append(key("size") + (random.chance(20) ? anyValue(depth: 0) : number(integral: random.chance(70)))) }
        for name in ["create_time", "status_time"] where !random.chance(15) {
            members.append(key(name) + (random.chance(70) ? "\"2024-0\(1 + random.next(9))-1\(random.next(10))T0\(random.next(10)):00:00Z\"" : string()))
        }
        if !random.chance(20) {
            let tags = (0..<random.next(3)).map { _ in
                random.chance(10) ? anyValue(depth: 0)
                    : "{" + ["tag_id", "tag_name", "tag_key", "tag_value", "color", "owner"].map { key($0) + string() }.joined(separator: ",") + "}"
            }
            members.append(key("tags") + "[" + tags.joined(separator: ",") + "]")
        }
        for _ in 0..<random.next(3) { members.append(string() + space() + ":" + space() + anyValue(depth: 0)) }
        if random.chance(5), let first = members.first { members.append(first) }
        members.shuffle(using: &random)
        return "{" + members.joined(separator: "," + space()) + "}"
    }

    private mutating func key(_ name: String) -> String {
        let written = random.chance(3) ? name.replacingOccurrences(of: "_", with: "\\u005f") : name
        return "\"" + written + "\"" + space() + ":" + space()
    }

    private mutating func space() -> String {
        ["", "", "", " ", "\n  ", "\t", "\r\n"][random.next(7)]
    }

    private mutating func anyValue(depth: Int) -> String {
        switch random.next(depth > 4 ? 5 : 7) {
        case 0: return string()
        case 1: return number(integral: random.chance(50))
        case 2: return ["true", "false", "null"][random.next(3)]
        case 3, 4: return "null"
        case 5: return "[" + (0..<random.next(4)).map { _ in anyValue(depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<random.next(4)).map { _ in string() + ":" + anyValue(depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    private mutating func number(integral: Bool) -> String {
        if integral {
            switch random.next(5) {
            case 0: return String(random.next(1000))
            case 1: return "-" + String(random.next(100))
            case 2: return String(Int.max - random.next(3))
            case 3: return "123456789012345678901234567890"
            default: return random.chance(50) ? "\(random.next(9) + 1)e\(random.next(20))" : "\(random.next(100)).0"
            }
        }
        let mantissa = "\(random.chance(30) ? "-" : "")\(random.next(1000)).\(random.next(1000))"
        return random.chance(50) ? mantissa : mantissa + ["e", "E", "e+", "e-"][random.next(4)] + String(random.next(30))
    }

    private mutating func string(minimumLength: Int = 0) -> String {
        let pieces = ["a", "Z", "9", " ", "-", "_", "银河", "麒麟", "é", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b",
                      "\\f", "\\r", "\\u001b", "\\u009b", "\\u202e", "\\u00e9", "\\ud83d\\ude00", "\u{7F}", "\u{202E}", "'"]
        let count = max(minimumLength, random.next(8))
        return "\"" + (0..<count).map { _ in pieces[random.next(pieces.count)] }.joined() + "\""
    }
}

extension Array {
    /// Fisher-Yates with a seeded source.
    mutating func shuffle(using random: inout TestRandom) {
        guard count > 1 else { return }
        for index in stride(from: count - 1, to: 0, by: -1) {
            swapAt(index, random.next(index + 1))
        }
    }
}
