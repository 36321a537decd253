import Foundation
import QingCloud
import TerminalVocabulary

/// An image's JSON exactly as the server sent it, pretty-printed with sorted keys and made safe to show.
enum RawJSON {
    static func lines(of value: JSONValue) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            return ["(cannot print this image's JSON)"]
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.forDisplay(String($0)) }
    }

    /// Keys in one colour, the rest plain: `"image_id" : "img-1"` -> key span, rest span.
    static func highlighted(_ line: String) -> StyledLine {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == "\"", let colon = trimmed.range(of: "\" : ") else { return [Span(line)] }
        let indent = String(line.prefix(line.count - trimmed.count))
        let key = String(trimmed[..<colon.lowerBound]) + "\""
        return [Span(indent), Span(key, Theme.label), Span(" : " + trimmed[colon.upperBound...])]
    }
}
