import Foundation
import Yams

/// What is wrong with a config file's YAML, in one short line that never quotes the file.
///
/// Yams' own messages end with the offending line (a snippet of the file), which may be the line holding
/// `qy_secret_access_key`, and for a deeply nested file run to hundreds of kilobytes. This message is
/// built from the parser's problem, its context and the position only; as a second guard, anything that
/// looks like the secret's value is then replaced by `<redacted>`.
public struct YAMLProblem: CustomStringConvertible, Sendable {
    public let description: String

    public init(_ error: any Error, in contents: String) {
        let text: String
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            text = "line \(mark.line), column \(mark.column): \(problem)\(while_)"
        case .reader(let problem, let offset, _, _):
            text = problem + (offset.map { " at character \($0 + 1)" } ?? "")
        case .duplicatedKeysInMapping(let duplicates, let context):
            text = "line \(context.mark.line): duplicate key " + duplicates.sorted().joined(separator: ", ")
        case .dataCouldNotBeDecoded:
            text = "not UTF-8 text"
        case .memory:
            text = "out of memory"
        default:
            text = "not valid YAML"
        }
        description = Self.redactingSecrets(Self.short(text), in: contents)
    }

    /// At most 200 characters, on one line.
    private static func short(_ text: String) -> String {
        let line = String(text.map { $0.isNewline ? " " : $0 })
        return line.count > 200 ? String(line.prefix(199)) + "…" : line
    }

    /// `text` with every value written after `qy_secret_access_key` in `contents` (as written, and
    /// without quotes) replaced by `<redacted>`.
    static func redactingSecrets(_ text: String, in contents: String) -> String {
        var candidates: Set<String> = []
        for line in contents.split(whereSeparator: \.isNewline) where line.contains("qy_secret_access_key") {
            guard let key = line.range(of: "qy_secret_access_key") else { continue }
            var value = line[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == ":" || $0 == "=" }
            while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
            for candidate in [value, value.trimmingQuotes] {
                candidates.insert(String(candidate))
                // The parser may quote a part of the value (up to a second colon, a quote or a space).
                for part in candidate.split(whereSeparator: { ": '\"\t#,{}[]".contains($0) }) {
                    candidates.insert(String(part))
                }
            }
        }
        var redacted = text
        for candidate in candidates.sorted(by: { $0.count > $1.count }) where candidate.count >= 4 {
            // The standard library's replacing, not Foundation's: that one traps on some text (found
            // by Tests/Fuzz/ConfigReader).
            redacted = redacted.replacing(candidate, with: "<redacted>")
        }
        return redacted
    }
}

private extension Substring {
    var trimmingQuotes: Substring {
        var value = self
        while let first = value.first, first == "'" || first == "\"" { value = value.dropFirst() }
        while let last = value.last, last == "'" || last == "\"" { value = value.dropLast() }
        return value
    }
}
