import Foundation
import JSONEngine
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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.forDisplay(String($0)) }
        return joiningEmptyContainers(lines)
    }

    /// `[`, a blank line, `]` (how Foundation pretty-prints an empty array or object) as `[]`.
    static func joiningEmptyContainers(_ lines: [String]) -> [String] {
        var joined: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            var next = index + 1
            if let open = line.last, let close = ["[": "]", "{": "}"][open] {
                while next < lines.count, lines[next].allSatisfy(\.isWhitespace) { next += 1 }
                let end = next < lines.count ? lines[next].drop { $0 == " " } : ""
                if end == close || end == close + "," {
                    joined.append(line + end)
                    index = next + 1
                    continue
                }
            }
            joined.append(line)
            index += 1
        }
        return joined
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
