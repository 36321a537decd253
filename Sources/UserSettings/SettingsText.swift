import Foundation
import Yams

/// The settings file's text rewritten section by section: a changed top-level section is replaced by its
/// new value (written by Yams), every other line (comments, blank lines, sections qcimages did not change,
/// keys it does not know) stays byte for byte. Comment lines inside a replaced section are kept, above it.
enum SettingsText {
    /// Why a file parsed as `root` cannot be rewritten line by line; nil when it can.
    static func whyNotRewritable(_ root: Node?, text: String) -> String? {
        // YAML also breaks lines at CR, NEL, LS and PS; the rewrite counts lines at LF only.
        if text.unicodeScalars.contains(where: { ["\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }) {
            return "it has line breaks other than LF (CR LF?)"
        }
        guard let root, root.null == nil else {
            let empty = text.components(separatedBy: "\n").allSatisfy { isBlankOrComment($0) || $0 == "---" }
            return empty ? nil : "it holds a single empty value"
        }
        guard let mapping = root.mapping else { return "its top level is not `key: value` lines" }
        if mapping.style == .flow { return "its top level is written in braces ({...})" }
        for (key, _) in mapping where key.mark?.column != 1 {
            return "a top-level key is not at the start of its line"
        }
        // Every line that starts at the margin must start a top-level key: the sections are then whole lines.
        let keyLines = Set(mapping.compactMap { $0.key.mark?.line })
        for (index, line) in text.components(separatedBy: "\n").enumerated()
        where !keyLines.contains(index + 1) && !isBlankOrComment(line) && line != "---" {
            guard let first = line.first, first == " " || first == "\t" else {
                return "line \(index + 1) starts at the margin but is not a `key:` line"
            }
        }
        return nil
    }

    /// `text` with `section` set to `value`: its lines replaced, or appended at the end when the section is
    /// not in the text yet.
    static func replacing(section: String, with value: Node, in text: String) throws -> String {
        var lines = text.isEmpty ? [] : text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let written = try Yams.serialize(node: Node([(Node(section), value)]), width: -1, allowUnicode: true)
        var replacement = written.components(separatedBy: "\n")
        if replacement.last == "" { replacement.removeLast() }

        let starts = try topLevelStarts(in: text)
        guard let start = starts.first(where: { $0.key == section })?.line else {
            return (lines + replacement).joined(separator: "\n") + "\n"
        }
        let following = starts.map(\.line).filter { $0 > start }.min() ?? lines.count + 1
        // The section runs to the next top-level key; trailing empty and comment lines belong to what follows
        // (lines of spaces and tabs alone go with the section: after a new value a tab there may not parse).
        var end = following - 1
        while end > start, lines[end - 1].isEmpty || isComment(lines[end - 1]) { end -= 1 }
        let inner = lines[start..<end].filter { isComment($0) }
        let kept = inner.map { $0.drop(while: { $0 == " " || $0 == "\t" }) }.map(String.init)
        lines.replaceSubrange((start - 1)..<end, with: kept + replacement)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The line (from 1) of each top-level key of `text`.
    private static func topLevelStarts(in text: String) throws -> [(key: String, line: Int)] {
        guard let root = try Yams.compose(yaml: text), let mapping = root.mapping else { return [] }
        return mapping.compactMap { key, _ in
            guard let name = key.scalar?.string, let line = key.mark?.line else { return nil }
            return (name, line)
        }
    }

    private static func isComment(_ line: String) -> Bool {
        line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#")
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" } || isComment(line)
    }
}
