#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A cursor over UTF-8 bytes that reads JSON exactly as RFC 8259 defines it, without building a tree.
///
/// It exists so that a DescribeImages page is read in one typed pass (QingCloud's `ImagePageDecoder`): values
/// the caller does not need are validated and skipped, strings are decoded only when asked for. Failures
/// carry the byte offset; running out of bytes is reported as truncation. Two departures from a strict
/// reader, both so that one bad string does not lose a whole page: a lone surrogate escape (`\ud800`) and
/// bytes that are not UTF-8 become U+FFFD when a string is decoded. Like Foundation's reader it skips a
/// UTF-8 byte order mark, accepts one comma before a closing bracket and nests at most 512 deep; unlike
/// it, it reads only UTF-8 (the API sends nothing else) and takes any number, however large.
public struct JSONScanner {
    /// Why the bytes are not JSON, and where.
    public struct Failure: Error, Equatable {
        public var reason: String
        public var offset: Int

        public static let truncatedReason = "the JSON ends early (truncated)"
        public static let invalidReason = "not valid JSON"

        public init(reason: String, offset: Int) {
            self.reason = reason
            self.offset = offset
        }
    }

    /// A string's contents (between the quotes) and whether it holds escapes.
    public struct StringToken {
        public var range: Range<Int>
        public var hasEscapes: Bool
    }

    /// A number's text and whether it is a plain integer (no fraction, no exponent).
    public struct NumberToken {
        public var range: Range<Int>
        public var isInteger: Bool
    }

    /// The deepest nesting of arrays and objects accepted, as Foundation's reader.
    public static let maximumDepth = 512

    public let bytes: UnsafeBufferPointer<UInt8>
    public private(set) var position = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    public func truncated() -> Failure { Failure(reason: Failure.truncatedReason, offset: bytes.count) }
    public func invalid() -> Failure { Failure(reason: Failure.invalidReason, offset: position) }

    /// Skips spaces, tabs and line breaks; returns the next byte, nil at the end.
    public mutating func peek() -> UInt8? {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                position += 1
            } else {
                return byte
            }
        }
        return nil
    }

    /// The next byte, which must be `byte`.
    public mutating func expect(_ byte: UInt8) throws(Failure) {
        guard let next = peek() else { throw truncated() }
        guard next == byte else { throw invalid() }
        position += 1
    }

    /// After an element or member: true for `,` (another follows), false for `close`. As Foundation's
    /// reader, one comma before `close` is accepted.
    public mutating func continues(closing close: UInt8) throws(Failure) -> Bool {
        guard let next = peek() else { throw truncated() }
        if next == close {
            position += 1
            return false
        }
        guard next == 0x2C else { throw invalid() }
        position += 1
        guard let following = peek() else { throw truncated() }
        if following == close {
            position += 1
            return false
        }
        return true
    }

    /// Opens an object or array whose first byte is next; true when it is empty (and already closed).
    public mutating func open(_ opening: UInt8, closing: UInt8) throws(Failure) -> Bool {
        try expect(opening)
        guard let next = peek() else { throw truncated() }
        if next == closing {
            position += 1
            return true
        }
        return false
    }

    /// Reads an object key and the colon after it.
    public mutating func key() throws(Failure) -> StringToken {
        guard let next = peek() else { throw truncated() }
        guard next == 0x22 else { throw invalid() }
        let token = try string()
        try expect(0x3A)
        return token
    }

    /// Reads a string whose opening quote is next.
    public mutating func string() throws(Failure) -> StringToken {
        position += 1
        let start = position
        var hasEscapes = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                position += 1
                return StringToken(range: start..<position - 1, hasEscapes: hasEscapes)
            }
            if byte == 0x5C {
                hasEscapes = true
                position += 1
                guard position < bytes.count else { throw truncated() }
                switch bytes[position] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                    position += 1
                case 0x75:
                    for _ in 0..<4 {
                        position += 1
                        guard position < bytes.count else { throw truncated() }
                        guard Self.hexValue(bytes[position]) != nil else { throw invalid() }
                    }
                    position += 1
                default:
                    throw invalid()
                }
            } else if byte < 0x20 {
                throw invalid()
            } else {
                position += 1
            }
        }
        throw truncated()
    }

    /// Reads a number whose first byte (`-` or a digit) is next.
    public mutating func number() throws(Failure) -> NumberToken {
        let start = position
        var isInteger = true
        if bytes[position] == 0x2D { position += 1 }
        guard position < bytes.count else { throw truncated() }
        if bytes[position] == 0x30 {
            position += 1
        } else if Self.isDigit(bytes[position]) {
            while position < bytes.count && Self.isDigit(bytes[position]) { position += 1 }
        } else {
            throw invalid()
        }
        if position < bytes.count && bytes[position] == 0x2E {
            isInteger = false
            position += 1
            try digits()
        }
        if position < bytes.count && (bytes[position] == 0x65 || bytes[position] == 0x45) {
            isInteger = false
            position += 1
            if position < bytes.count && (bytes[position] == 0x2B || bytes[position] == 0x2D) { position += 1 }
            try digits()
        }
        return NumberToken(range: start..<position, isInteger: isInteger)
    }

    private mutating func digits() throws(Failure) {
        guard position < bytes.count else { throw truncated() }
        guard Self.isDigit(bytes[position]) else { throw invalid() }
        while position < bytes.count && Self.isDigit(bytes[position]) { position += 1 }
    }

    /// Reads `true`, `false` or `null`, whose first byte is next.
    public mutating func literal(_ text: StaticString) throws(Failure) {
        let count = text.utf8CodeUnitCount
        let expected = text.utf8Start
        for index in 0..<count {
            guard position < bytes.count else { throw truncated() }
            guard bytes[position] == expected[index] else { throw invalid() }
            position += 1
        }
    }

    /// Reads and discards any value, checking its syntax.
    public mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard let next = peek() else { throw truncated() }
        switch next {
        case 0x22:
            _ = try string()
        case 0x7B:
            guard depth < Self.maximumDepth else { throw invalid() }
            if try open(0x7B, closing: 0x7D) { return }
            repeat {
                _ = try key()
                try skipValue(depth: depth + 1)
            } while try continues(closing: 0x7D)
        case 0x5B:
            guard depth < Self.maximumDepth else { throw invalid() }
            if try open(0x5B, closing: 0x5D) { return }
            repeat {
                try skipValue(depth: depth + 1)
            } while try continues(closing: 0x5D)
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x2D, 0x30...0x39: _ = try number()
        default: throw invalid()
        }
    }

    /// After the top-level value: only whitespace may follow.
    public mutating func end() throws(Failure) {
        if peek() != nil { throw invalid() }
    }

    // MARK: - Reading tokens

    /// Whether a string's raw bytes (no escapes) equal `text`.
    public func equals(_ token: StringToken, _ text: [UInt8]) -> Bool {
        guard !token.hasEscapes, token.range.count == text.count else { return false }
        return text.withUnsafeBufferPointer { expected in
            memcmp(bytes.baseAddress! + token.range.lowerBound, expected.baseAddress!, text.count) == 0
        }
    }

    /// The decoded text of a string.
    public func text(_ token: StringToken) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[token.range])
        guard token.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == 0x5C else {
                decoded.append(byte)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case 0x62: decoded.append(0x08)
            case 0x66: decoded.append(0x0C)
            case 0x6E: decoded.append(0x0A)
            case 0x72: decoded.append(0x0D)
            case 0x74: decoded.append(0x09)
            case 0x75:
                var scalar = Self.hex4(raw, at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar), index + 6 <= raw.count, raw[index] == 0x5C, raw[index + 1] == 0x75 {
                    let low = Self.hex4(raw, at: index + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                Self.appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &decoded)
            default: decoded.append(escape)
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The value of an integer token, nil when it does not fit in `Int`.
    public func integer(_ token: NumberToken) -> Int? {
        var index = token.range.lowerBound
        let negative = bytes[index] == 0x2D
        if negative { index += 1 }
        var value = 0
        while index < token.range.upperBound {
            let digit = Int(bytes[index] &- 0x30)
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// The value of any number token as a `Double` (infinite when out of range).
    public func double(_ token: NumberToken) -> Double {
        Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)) ?? .nan
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    private static func hex4(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (hexValue(raw[index + offset]) ?? 0) }
        return value
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(scalar) { bytes.append($0) }
    }
}
