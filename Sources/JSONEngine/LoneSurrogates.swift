/// Finds `\uD800`-`\uDFFF` escapes in JSON that are not a high surrogate followed by a low one, as a
/// server (or a proxy cutting UTF-16) can write them, and writes `\uFFFD` in their place.
public enum LoneSurrogates {
    /// `body` with every lone surrogate escape replaced by `\uFFFD`; nil when there is none.
    public static func replaced(in body: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        while index < body.count {
            guard body[index] == UInt8(ascii: "\\"), index + 1 < body.count else {
                index += 1
                continue
            }
            guard body[index + 1] == UInt8(ascii: "u"), let unit = hexUnit(body, at: index + 2) else {
                index += 2
                continue
            }
            if (0xD800...0xDBFF).contains(unit), body.count > index + 7, body[index + 6] == UInt8(ascii: "\\"),
               body[index + 7] == UInt8(ascii: "u"), let low = hexUnit(body, at: index + 8), (0xDC00...0xDFFF).contains(low) {
                index += 12
                continue
            }
            if (0xD800...0xDFFF).contains(unit) {
                output.append(contentsOf: body[copied..<index])
                output.append(contentsOf: Array("\\uFFFD".utf8))
                copied = index + 6
            }
            index += 6
        }
        guard copied > 0 else { return nil }
        output.append(contentsOf: body[copied...])
        return output
    }

    /// The four hex digits at `start` as a number; nil when they are not four hex digits.
    private static func hexUnit(_ bytes: [UInt8], at start: Int) -> UInt16? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for byte in bytes[start..<start + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
