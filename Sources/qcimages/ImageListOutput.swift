import Foundation
import QingCloud
import TerminalVocabulary

/// The output formats of `qcimages list`: the browser's data for scripts and pipes.
public enum ImageListFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people: widths measured in terminal cells, untrusted text made visible.
    case table
    /// The API's shape, `{"total_count":N,"image_set":[...]}`, every object as the server sent it.
    case json
    /// One image id per line.
    case ids
    /// RFC 4180 with a header row and LF line ends; strings quoted where needed, cells a spreadsheet
    /// would read as a formula made inert.
    case csv
}

/// Renders a page of images in one of the ``ImageListFormat``s.
///
/// No control or bidi character from the server leaves raw (see ``Sanitizer``): the table shows them as
/// visible symbols; `ids` and `csv` write them in `style` (symbols on a terminal, `\u001B`-style escapes
/// to a pipe or file) and keep every other character; JSON keeps the exact strings, with those characters
/// as JSON `\u` escapes.
public enum ImageListOutput {
    /// The whole output, ending with a newline (empty for `ids`/`table` without images but the header).
    public static func render(_ page: ImagePage, as format: ImageListFormat,
                              style: Sanitizer.Style = .backslashEscapes) -> String {
        if format == .table { return table(page.images) }
        return start(format) + part(page.images, as: format, first: true, style: style)
            + end(format, totalCount: page.totalCount, empty: page.images.isEmpty)
    }

    /// What comes before the first images of a streamed output (the CSV header, JSON's opening).
    public static func start(_ format: ImageListFormat) -> String {
        switch format {
        case .table, .ids: ""
        case .json: "{\n  \"image_set\" : ["
        case .csv: csvHeader.joined(separator: ",") + "\n"
        }
    }

    /// The next images of a streamed output, in order (`first` for the first non-empty part). Not for
    /// `table`, whose widths depend on every row. `ids` and `csv` write unsafe characters in `style`.
    public static func part(_ images: [Image], as format: ImageListFormat, first: Bool,
                            style: Sanitizer.Style = .backslashEscapes) -> String {
        switch format {
        case .table: table(images)
        case .json: jsonElements(images, first: first)
        case .ids: images.map { Sanitizer.escaped($0.id, style: style) + "\n" }.joined()
        case .csv: images.map { csvRow($0, style: style) + "\n" }.joined()
        }
    }

    /// What ends a streamed output (`empty` when no part had images): for JSON the latest total, as
    /// `total_count`, laid out as `JSONEncoder` lays out the whole document.
    public static func end(_ format: ImageListFormat, totalCount: Int, empty: Bool) -> String {
        switch format {
        case .table, .ids, .csv: ""
        case .json: (empty ? "\n" : "") + "\n  ],\n  \"total_count\" : \(totalCount)\n}\n"
        }
    }

    private static let columns = ["IMAGE_ID", "NAME", "STATUS", "OS", "ARCH", "SIZE_GB", "VISIBILITY", "PROVIDER", "CREATED"]
    private static let maximumNameWidth = 48

    private static func fields(_ image: Image) -> [String] {
        let status = image.status.rawValue + (image.transitionStatus.map { " (\($0.rawValue))" } ?? "")
        return [
            image.id, image.name, status, image.osFamily, image.processorType.rawValue, String(image.sizeGB),
            image.visibility.rawValue, image.provider.rawValue,
            image.createTime.map(APITimestamp.format) ?? "",
        ]
    }

    private static func table(_ images: [Image]) -> String {
        let rows = images.map { fields($0).map(Sanitizer.forDisplay) }
        var widths = columns.map { DisplayWidth.of($0) }
        for row in rows {
            for (index, field) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(field)) }
        }
        widths[1] = min(widths[1], maximumNameWidth)
        let rightAligned: Set<Int> = [5]
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                if isLast {
                    parts.append(cell)
                } else {
                    parts.append(DisplayWidth.fit(cell, width: widths[index], alignRight: rightAligned.contains(index)))
                }
            }
            return parts.joined(separator: "  ") + "\n"
        }
        return line(columns) + rows.map(line).joined()
    }

    /// Elements of `image_set` pretty-printed as `JSONEncoder` does with sorted keys, indented to sit
    /// inside the document, each object exactly as the server sent it.
    private static func jsonElements(_ images: [Image], first: Bool) -> String {
        guard !images.isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(JSONValue.array(images.map(\.raw)))) ?? Data("[]".utf8)
        // The encoder escapes C0 controls inside strings (a raw line feed is only ever the layout's);
        // DEL, C1 and bidi controls can sit only inside strings, where `\u` escapes of them are valid JSON
        // for the same strings.
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let elements = lines.dropFirst().dropLast()
            .map { "  " + Sanitizer.escaped(String($0), style: .backslashEscapes) }.joined(separator: "\n")
        return (first ? "\n" : ",\n") + elements
    }

    private static let csvHeader = [
        "image_id", "image_name", "status", "transition_status", "os_family", "processor_type", "platform", "size",
        "visibility", "provider", "owner", "recommended_type", "create_time", "status_time", "description", "tags",
    ]

    /// The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
    private static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One CSV cell: a cell a spreadsheet would evaluate gets a leading `'` and quotes (as OWASP
    /// describes), unsafe characters are written in `style`, and quotes are added where RFC 4180 needs them.
    static func csvCell(_ raw: String, style: Sanitizer.Style) -> String {
        let isFormula = raw.unicodeScalars.first.map(formulaTriggers.contains) ?? false
        let field = Sanitizer.escaped(isFormula ? "'" + raw : raw, style: style)
        let needsQuotes = isFormula || field.contains { $0 == "," || $0 == "\"" }
            || field.first == " " || field.last == " "
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    private static func csvRow(_ image: Image, style: Sanitizer.Style) -> String {
        let row = [
            image.id, image.name, image.status.rawValue, image.transitionStatus?.rawValue ?? "", image.osFamily,
            image.processorType.rawValue, image.platform.rawValue, String(image.sizeGB), image.visibility.rawValue,
            image.provider.rawValue, image.owner, image.recommendedType,
            image.createTime.map(APITimestamp.format) ?? "", image.statusTime.map(APITimestamp.format) ?? "",
            image.description ?? "", image.tags.map(\.name).joined(separator: ";"),
        ]
        return row.map { csvCell($0, style: style) }.joined(separator: ",")
    }
}
