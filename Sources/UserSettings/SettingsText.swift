import Foundation
import Yams

/// The settings file's text rewritten section by section: a changed top-level section is replaced by its
/// new value (written by Yams), every other line (comments, blank lines, sections qcimages did not change,
/// keys it does not know) stays byte for byte. Comment lines inside a replaced section are kept, above it.
enum SettingsText {
    /// Why a file parsed as `root` cannot be rewritten line by line; nil when it can.
    static func whyNotRewritable(_ root: Node) -> String? {
        guard root.null == nil else { return nil }
        guard let mapping = root.mapping else { return "its top level is not `key: value` lines" }
        if mapping.style == .flow { return "its top level is written in braces ({...})" }
        for (key, _) in mapping where key.mark?.column != 1 {
            return "a top-level key is not at the start of its line"
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
        // The section runs to the next top-level key; trailing blank and comment lines belong to what follows.
        var end = following - 1
        while end > start, isBlankOrComment(lines[end - 1]) { end -= 1 }
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
