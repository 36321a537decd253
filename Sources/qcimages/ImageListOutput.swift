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
    /// RFC 4180 with a header row; strings unmodified, quoted where needed.
    case csv
}

/// Renders a page of images in one of the ``ImageListFormat``s.
///
/// Only the table sanitises: JSON and CSV carry the exact strings (escaped or quoted as their formats
/// require), because a script must see what the API holds.
public enum ImageListOutput {
    /// The whole output, ending with a newline (empty for `ids`/`table` without images but the header).
    public static func render(_ page: ImagePage, as format: ImageListFormat) -> String {
        switch format {
        case .table: table(page.images)
        case .json: json(page)
        case .ids: page.images.map { $0.id + "\n" }.joined()
        case .csv: csv(page.images)
        }
    }

    /// The images of several zones in one output, zone after zone in the order given: a ZONE column first
    /// in the table, a `zone` field first in CSV, a `"zone"` member in each JSON object (`total_count` is
    /// the sum). `ids` stays one id per line.
    public static func render(zones: [(zone: String, page: ImagePage)], as format: ImageListFormat) -> String {
        let images = zones.flatMap(\.page.images)
        let zoneOfEach = zones.flatMap { zone in Array(repeating: zone.zone, count: zone.page.images.count) }
        switch format {
        case .table: return table(images, zones: zoneOfEach)
        case .json:
            let objects = zip(images, zoneOfEach).map { image, zone -> JSONValue in
                guard case .object(var members) = image.raw else { return image.raw }
                members["zone"] = .string(zone)
                return .object(members)
            }
            return json(totalCount: zones.reduce(0) { $0 + $1.page.totalCount }, objects: objects)
        case .ids: return images.map { $0.id + "\n" }.joined()
        case .csv: return csv(images, zones: zoneOfEach)
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

    private static func table(_ images: [Image], zones: [String]? = nil) -> String {
        let zoneColumns = zones == nil ? 0 : 1
        let columns = (zones == nil ? [] : ["ZONE"]) + columns
        let rows = images.enumerated().map { index, image in
            ((zones.map { [$0[index]] } ?? []) + fields(image)).map(Sanitizer.forDisplay)
        }
        var widths = columns.map { DisplayWidth.of($0) }
        for row in rows {
            for (index, field) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(field)) }
        }
        widths[1 + zoneColumns] = min(widths[1 + zoneColumns], maximumNameWidth)
        let rightAligned: Set<Int> = [5 + zoneColumns]
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

    private static func json(_ page: ImagePage) -> String {
        json(totalCount: page.totalCount, objects: page.images.map(\.raw))
    }

    private static func json(totalCount: Int, objects: [JSONValue]) -> String {
        let document = JSONValue.object([
            "total_count": .int(totalCount),
            "image_set": .array(objects),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func csv(_ images: [Image], zones: [String]? = nil) -> String {
        func quoted(_ field: String) -> String {
            let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                || field.first == " " || field.last == " "
            return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        let header = ["image_id", "image_name", "status", "transition_status", "os_family", "processor_type",
                      "platform", "size", "visibility", "provider", "owner", "recommended_type", "create_time",
                      "status_time", "description", "tags"]
        var lines = [((zones == nil ? [] : ["zone"]) + header).joined(separator: ",")]
        for (index, image) in images.enumerated() {
            let row = (zones.map { [$0[index]] } ?? []) + [
                image.id, image.name, image.status.rawValue, image.transitionStatus?.rawValue ?? "", image.osFamily,
                image.processorType.rawValue, image.platform.rawValue, String(image.sizeGB), image.visibility.rawValue,
                image.provider.rawValue, image.owner, image.recommendedType,
                image.createTime.map(APITimestamp.format) ?? "", image.statusTime.map(APITimestamp.format) ?? "",
                image.description ?? "", image.tags.map(\.name).joined(separator: ";"),
            ]
            lines.append(row.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
