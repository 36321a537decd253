import Foundation

// libFuzzer entry point for the DescribeImages page decoder (Sources/QingCloud/API/ImagePageDecoder.swift and
// JSONScanner.swift), compiled together with them by run.sh. Every input is decoded as a page and as a
// JSON value; both must finish without a crash, and whether the bytes are JSON must agree with Foundation's
// JSONSerialization except where the decoder documents that it differs (a lone surrogate escape or bytes
// that are not UTF-8 inside a string, a number beyond Double, UTF-16/32 text). Wherever JSONPrettyPrinter
// lays the bytes out itself, its layout must be JSONEncoder's, byte for byte, at the top level and one
// level deep (as `list -o json` prints each object).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    _ = try? ImagePageDecoder.decode(bytes)
    checkLayout(JSONText(bytes: bytes[...]))
    let ours = (try? JSONValue(parsing: bytes[...])) != nil
    if documentedDifference(bytes) { return 0 }
    let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    if ours != foundation {
        fatalError("JSONScanner says \(ours ? "JSON" : "not JSON"), Foundation says the opposite")
    }
    return 0
}

private func checkLayout(_ text: JSONText) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    if let layout = JSONPrettyPrinter.layout(text, level: 0) {
        let expected = (try? encoder.encode(text.value)).map(Array.init)
        if layout != expected { fatalError("the level-0 layout differs from JSONEncoder's") }
    }
    if let layout = JSONPrettyPrinter.layout(text, level: 1) {
        let encoded = (try? encoder.encode(JSONValue.array([text.value]))).map(Array.init) ?? []
        let expected = Array(encoded.dropFirst(4).dropLast(2))
        if layout != expected { fatalError("the level-1 layout differs from JSONEncoder's") }
    }
}

private func documentedDifference(_ bytes: [UInt8]) -> Bool {
    if bytes.prefix(4).contains(0) { return true }
    guard String(validating: bytes, as: UTF8.self) != nil else { return true }
    let text = String(decoding: bytes, as: UTF8.self).lowercased()
    if text.contains("\\ud") { return true }
    return hasHugeNumber(bytes)
}

/// An exponent of three digits or more, or 300 digits in a row: Foundation refuses what overflows `Double`.
private func hasHugeNumber(_ bytes: [UInt8]) -> Bool {
    var digits = 0
    for (index, byte) in bytes.enumerated() {
        if byte >= 0x30 && byte <= 0x39 {
            digits += 1
            if digits >= 300 { return true }
            continue
        }
        digits = 0
        guard byte == 0x65 || byte == 0x45, index > 0, bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39 else { continue }
        var next = index + 1
        if next < bytes.count && (bytes[next] == 0x2B || bytes[next] == 0x2D) { next += 1 }
        var exponentDigits = 0
        while next < bytes.count && bytes[next] >= 0x30 && bytes[next] <= 0x39 {
            exponentDigits += 1
            next += 1
        }
        if exponentDigits >= 3 { return true }
    }
    return false
}
