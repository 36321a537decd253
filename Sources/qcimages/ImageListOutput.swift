import CursesTerminal
import Foundation
import JSONEngine
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
    /// The table fits `width` columns when given (see ``table(_:zones:width:)``).
    public static func render(_ page: ImagePage, as format: ImageListFormat,
                              style: Sanitizer.Style = .backslashEscapes,
                              width: Int? = TerminalColumns.ofStandardOutput()) -> String {
        if format == .table { return table(page.images, width: width) }
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

    /// The images of several zones in one output, zone after zone in the order given: a ZONE column first
    /// in the table, a `zone` field first in CSV, a `"zone"` member in each JSON object (`total_count` is
    /// the sum). `ids` stays one id per line. `ids` and `csv` write unsafe characters in `style`.
    /// The table fits `width` columns when given.
    public static func render(zones: [(zone: String, page: ImagePage)], as format: ImageListFormat,
                              style: Sanitizer.Style = .backslashEscapes,
                              width: Int? = TerminalColumns.ofStandardOutput()) -> String {
        if format == .table {
            return table(zones.flatMap(\.page.images),
                         zones: zones.flatMap { zone in Array(repeating: zone.zone, count: zone.page.images.count) },
                         width: width)
        }
        var output = start(zoned: format)
        var first = true
        for zone in zones where !zone.page.images.isEmpty {
            output += part(zone.page.images, zone: zone.zone, as: format, first: first, style: style)
            first = false
        }
        return output + end(format, totalCount: zones.reduce(0) { $0 + $1.page.totalCount }, empty: first)
    }

    /// What comes before the first images of a streamed output of several zones: the CSV header with
    /// `zone` first, JSON's opening.
    public static func start(zoned format: ImageListFormat) -> String {
        format == .csv ? ([ImageField.zone.csvHeader] + csvHeader).joined(separator: ",") + "\n" : start(format)
    }

    /// The next images of `zone` in a streamed output of several zones (`first` for the first non-empty
    /// part of the whole output): a ZONE column, a `zone` field or member; `ids` stays bare.
    public static func part(_ images: [Image], zone: String, as format: ImageListFormat, first: Bool,
                            style: Sanitizer.Style = .backslashEscapes) -> String {
        switch format {
        case .table: table(images, zones: Array(repeating: zone, count: images.count))
        case .json:
            jsonElements(images.map { image -> JSONValue in
                guard case .object(var members) = image.raw else { return image.raw }
                members["zone"] = .string(zone)
                return .object(members)
            }, first: first)
        case .ids: part(images, as: .ids, first: first, style: style)
        case .csv: images.map { csvRow($0, zone: zone, style: style) + "\n" }.joined()
        }
    }

    /// The table's fields (``ImageField/Declaration/tableHeading``), the zone left to ``table(_:zones:)``.
    private static let tableFields = ImageField.allCases.filter { $0.declaration.tableHeading != nil && $0 != .zone }
    private static let maximumNameWidth = 48
    /// Where a table must fit a terminal: NAME narrows to this first, then columns go (see
    /// ``droppedFirst``), then NAME narrows down to ``narrowestName``.
    private static let narrowName = 24
    private static let narrowestName = 8
    /// The columns a table to a terminal leaves out, first to last, where it is too wide (as the browser
    /// drops its columns): IMAGE_ID, NAME, STATUS and ZONE stay.
    private static let droppedFirst: [ImageField] = [.provider, .visibility, .processorType, .createTime, .osFamily, .size]

    /// A field as the table shows it: the status with its transition in brackets, the others as text.
    private static func tableText(_ field: ImageField, of image: Image) -> String {
        guard field == .status, let transition = image.transitionStatus else { return field.text(of: image) }
        return image.status.rawValue + " (\(transition.rawValue))"
    }

    /// Aligned columns; with `width` (a terminal's), NAME narrows and columns go until lines fit it.
    private static func table(_ images: [Image], zones: [String]? = nil, width: Int? = nil) -> String {
        var fields = (zones == nil ? [] : [ImageField.zone]) + tableFields
        var rows = images.enumerated().map { index, image in
            fields.map { $0 == .zone ? zones![index] : tableText($0, of: image) }.map(Sanitizer.forDisplay)
        }
        var widths = fields.map { DisplayWidth.of($0.declaration.tableHeading!) }
        for row in rows {
            for (index, field) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(field)) }
        }
        let name = fields.firstIndex(of: .name)!
        widths[name] = min(widths[name], maximumNameWidth)
        if let width {
            func lineWidth() -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) }
            widths[name] = max(min(widths[name], narrowName), min(widths[name], widths[name] - (lineWidth() - width)))
            for dropped in droppedFirst where lineWidth() > width {
                guard let index = fields.firstIndex(of: dropped) else { continue }
                fields.remove(at: index)
                widths.remove(at: index)
                for row in rows.indices { rows[row].remove(at: index) }
            }
            let name = fields.firstIndex(of: .name)!
            if lineWidth() > width { widths[name] = max(narrowestName, widths[name] - (lineWidth() - width)) }
        }
        let rightAligned = Set(fields.indices.filter { fields[$0].declaration.column?.alignsRight == true })
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                if isLast && !rightAligned.contains(index) {
                    parts.append(cell)
                } else {
                    parts.append(DisplayWidth.fit(cell, width: widths[index], alignRight: rightAligned.contains(index)))
                }
            }
            return parts.joined(separator: "  ") + "\n"
        }
        return line(fields.map { $0.declaration.tableHeading! }) + rows.map(line).joined()
    }

    /// Elements of `image_set` pretty-printed as `JSONEncoder` does with sorted keys, indented to sit
    /// inside the document, each object exactly as the server sent it: laid out from its bytes by
    /// ``JSONPrettyPrinter``, or (where that leaves it to the encoder) through the encoder.
    private static func jsonElements(_ images: [Image], first: Bool) -> String {
        guard !images.isEmpty else { return "" }
        var text = first ? "\n" : ",\n"
        for (index, image) in images.enumerated() {
            if index > 0 { text += ",\n" }
            if let layout = JSONPrettyPrinter.layout(image.rawJSON, level: 1) {
                text += documentLines(layout)
            } else {
                text += jsonElements([image.raw], first: true).dropFirst()
            }
        }
        return text
    }

    /// An element laid out one level deep, indented as the lines of ``jsonElements(_:first:)-([JSONValue],_)``
    /// are: four spaces before its first line, two more at the start of each further line, and the
    /// characters ``Sanitizer`` escapes (only inside strings; the layout's line feeds are the only C0
    /// controls) as `\u` escapes.
    private static func documentLines(_ layout: [UInt8]) -> String {
        var bytes: [UInt8] = Array("    ".utf8)
        bytes.reserveCapacity(layout.count + layout.count / 8)
        var plain = true
        for byte in layout {
            bytes.append(byte)
            if byte == 0x0A { bytes.append(contentsOf: [0x20, 0x20]) }
            if byte >= 0x7F { plain = false }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if plain { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Sanitizer.escaped(String($0), style: .backslashEscapes) }.joined(separator: "\n")
    }

    /// Elements of `image_set` pretty-printed as `JSONEncoder` does with sorted keys, indented to sit
    /// inside the document.
    private static func jsonElements(_ objects: [JSONValue], first: Bool) -> String {
        guard !objects.isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(JSONValue.array(objects))) ?? Data("[]".utf8)
        // The encoder escapes C0 controls inside strings (a raw line feed is only ever the layout's);
        // DEL, C1 and bidi controls can sit only inside strings, where `\u` escapes of them are valid JSON
        // for the same strings.
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let elements = lines.dropFirst().dropLast()
            .map { "  " + Sanitizer.escaped(String($0), style: .backslashEscapes) }.joined(separator: "\n")
        return (first ? "\n" : ",\n") + elements
    }

    private static let csvHeader = ImageField.documented.map(\.csvHeader)

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

    /// One CSV row, with the image's `zone` first when there is one.
    private static func csvRow(_ image: Image, zone: String? = nil, style: Sanitizer.Style) -> String {
        let row = (zone.map { [$0] } ?? []) + ImageField.documented.map { $0.text(of: image) }
        return row.map { csvCell($0, style: style) }.joined(separator: ",")
    }
}
