import Foundation
import JSONEngine

/// The fields of an image, each declared once with everything that names or shows it: its JSON key
/// (also its CSV header), its title and width in the browser's list and how that column sorts, its
/// names in the filter language, its label in the detail pane, its heading in `list`'s table, and its
/// value as text and as JSON.
///
/// The decoder, `list`'s CSV, table and JSON, the filter language, the browser's list, detail pane,
/// sort order and change highlights all derive from ``declaration``, so adding a field is one entry
/// here (and a property on ``Image``). The cases are in the order CSV writes the fields (after the zone,
/// which CSV and the table put first) and the list shows its columns.
public enum ImageField: Int, Sendable, Hashable, CaseIterable {
    case id
    /// The zone the image was read from: the client's, not the API's (an image object has no zone).
    case zone
    case name, status, transitionStatus, osFamily, processorType, platform, size, visibility, provider, owner
    case recommendedType, createTime, statusTime, description, tags
    /// How many instances run from the image: not a field of DescribeImages' image object, so not in
    /// ``Image``, `list`, the filter language nor sorting. The browser asks DescribeInstances for it,
    /// as a list column shown only when chosen (F2, `columns:`).
    case instances

    /// Everything said about one field (a class, so that reading one field's declaration copies nothing).
    public final class Declaration: Sendable {
        /// The member's key in the API's image object, and the CSV header; nil for ``ImageField/zone``.
        public let jsonKey: String?
        /// The label in the browser's detail pane; nil where the pane shows the field its own way.
        public let detailLabel: String?
        /// How the filter language names and matches the field; nil when it cannot be searched.
        public let filter: Filter?
        /// The field's column in the browser's list; nil when the list has none.
        public let column: Column?
        /// The heading of the field's column in `list`'s table; nil when the table leaves it out.
        public let tableHeading: String?
        /// The value as the API writes it, as one line of text (tags: their names, `;` between them).
        public let text: @Sendable (Image) -> String
        /// The value as the API's JSON object holds it.
        public let json: @Sendable (Image) -> JSONValue
        /// Whether two versions of an image hold the same value.
        public let same: @Sendable (Image, Image) -> Bool
        /// Whether the value is the image's own, as DescribeImages sends it; false for a value another
        /// action answers (INSTANCES), which ``text`` and ``json`` do not hold (empty, null) and which
        /// `list`, pick's templates, the filter language and sorting leave out.
        public let isInImage: Bool

        init<Value: Equatable & Sendable>(
            _ value: @escaping @Sendable (Image) -> Value,
            jsonKey: String?, detailLabel: String?, filter: Filter? = nil, column: Column? = nil,
            tableHeading: String? = nil, text: @escaping @Sendable (Value) -> String,
            json: (@Sendable (Value) -> JSONValue)? = nil
        ) {
            self.jsonKey = jsonKey
            self.detailLabel = detailLabel
            self.filter = filter
            self.column = column
            self.tableHeading = tableHeading
            self.text = { text(value($0)) }
            if let json {
                self.json = { json(value($0)) }
            } else {
                self.json = { .string(text(value($0))) }
            }
            self.same = { value($0) == value($1) }
            self.isInImage = true
        }

        /// A field that is not in the image object: only a title and a column.
        init(notInImage column: Column) {
            jsonKey = nil
            detailLabel = nil
            filter = nil
            self.column = column
            tableHeading = nil
            text = { _ in "" }
            json = { _ in .null }
            same = { _, _ in true }
            isInImage = false
        }
    }

    /// How the filter language names a field and matches its values.
    public final class Filter: Sendable {
        /// What `name:value` may call the field, the usual name first; empty when only words reach it.
        public let names: [String]
        /// Whether a value must equal the field (ignoring case) rather than occur in it.
        public let matchesExactly: Bool
        /// Whether a bare word (no `name:`) looks in the field.
        public let matchesWords: Bool
        /// Other fields a `name:value` term looks in as well (`status:` finds transition statuses too).
        public let alsoMatches: [ImageField]

        init(_ names: [String], exactly: Bool, words: Bool = false, alsoMatches: [ImageField] = []) {
            self.names = names
            self.matchesExactly = exactly
            self.matchesWords = words
            self.alsoMatches = alsoMatches
        }
    }

    /// A column of the browser's list: its title, its width, when a narrow list leaves it out and how it
    /// sorts.
    public final class Column: Sendable {
        public enum Width: Sendable, Hashable {
            case cells(Int)
            /// As wide as the widest id loaded, within bounds.
            case ids
            /// As wide as the widest zone shown.
            case zones
            /// What the other columns leave.
            case rest
        }

        /// When a narrow list leaves a column out, and when it comes back as the list widens.
        public struct Dropping: Sendable, Hashable {
            /// The order the list's standard columns come back in (1 first, dropped last); nil for a column
            /// the list shows only when the user chooses it: those come back after the standard ones, in the
            /// order chosen, so that the last chosen is the first dropped.
            public let order: Int?
            /// NAME's width the column leaves beside it: it comes back only once NAME keeps this much,
            /// so that NAME never shrinks as the terminal grows.
            public let nameWidth: Int

            /// A column shown only when chosen: it comes back once NAME keeps as much as beside the last
            /// standard column (ARCH), so that NAME still never shrinks as the terminal grows.
            static let whenChosen = Dropping(order: nil, nameWidth: 36)
        }

        /// How the column orders images: a number first (status rank, size, time), then the text shown.
        public struct Sort: Sendable {
            /// The word for the column in "sorted by size" and the header's "sort size".
            public let name: String
            /// Compared first; nil when only the text counts.
            public let number: (@Sendable (Image) -> Double)?
            /// Whether the text shown is compared (false for ids, which the tie-breaker orders, and numbers).
            public let byText: Bool
            /// Whether the text is compared ignoring case.
            public let ignoringCase: Bool
            /// Sizes and times read best largest/newest first; names and states alphabetically.
            public let startsDescending: Bool

            init(_ name: String, number: (@Sendable (Image) -> Double)? = nil, byText: Bool = true,
                 ignoringCase: Bool = false, descending: Bool = false) {
                self.name = name
                self.number = number
                self.byText = byText
                self.ignoringCase = ignoringCase
                self.startsDescending = descending
            }
        }

        public let title: String
        public let width: Width
        public let alignsRight: Bool
        /// Whether the cell is drawn faint, as a secondary value.
        public let isFaint: Bool
        /// Nil for a column always shown (the ZONE column whenever several zones are).
        public let dropping: Dropping?
        public let sort: Sort
        /// Other fields the cell shows after this one, `/` between them (`public/system`).
        public let alsoShows: [ImageField]
        /// Other fields whose change highlights the cell without moving the image in the order.
        public let alsoHighlights: [ImageField]

        init(_ title: String, width: Width, alignsRight: Bool = false, faint: Bool = false, dropping: Dropping? = nil,
             sort: Sort, alsoShows: [ImageField] = [], alsoHighlights: [ImageField] = []) {
            self.title = title
            self.width = width
            self.alignsRight = alignsRight
            self.isFaint = faint
            self.dropping = dropping
            self.sort = sort
            self.alsoShows = alsoShows
            self.alsoHighlights = alsoHighlights
        }
    }

    /// The field's declaration.
    public var declaration: Declaration { Self.declarations[rawValue] }

    public var jsonKey: String? { declaration.jsonKey }
    /// The CSV header: the JSON key, `zone` for the zone (`instances` for the instance count, which no
    /// CSV of `list` holds).
    public var csvHeader: String { jsonKey ?? (self == .instances ? "instances" : "zone") }

    /// The value as the API writes it, as one line of text.
    public func text(of image: Image) -> String { declaration.text(image) }

    /// The fields of the API's image object, in CSV order.
    public static let documented = allCases.filter { $0.jsonKey != nil }
    /// The fields the list can show as columns, in the standard screen order.
    public static let columns = allCases.filter { $0.declaration.column != nil }
    /// The columns the list shows unless the user chose others (F2, `columns:`), in screen order.
    public static let standardColumns = columns.filter { field in
        field.declaration.column!.dropping.map { $0.order != nil } ?? true
    }

    /// The column a name in the settings file stands for (any case): its sort name (`created`), its title
    /// (`age`), one of its names in the filter language (`desc`) or its JSON key (`create_time`); nil when no
    /// column is named so.
    public init?(columnName: String) {
        let name = columnName.lowercased()
        guard let field = Self.columns.first(where: { field in
            let declaration = field.declaration
            return declaration.column!.sort.name == name || declaration.column!.title.lowercased() == name
                || declaration.jsonKey == name || (declaration.filter?.names.contains(name) ?? false)
        }) else { return nil }
        self = field
    }

    /// The column's name in the settings file (`columns:`, `sort:`): its sort name.
    public var columnName: String { declaration.column?.sort.name ?? csvHeader }
    /// The fields `name:value` can name, in the order the help lists them.
    public static let filterable = allCases.filter { !($0.declaration.filter?.names.isEmpty ?? true) }

    /// The field a name typed in the filter bar stands for, aliases included (any case); nil when unknown.
    public init?(filterName: String) {
        let name = filterName.lowercased()
        guard let field = Self.filterable.first(where: { $0.declaration.filter!.names.contains(name) }) else {
            return nil
        }
        self = field
    }

    /// The usual name of the field in the filter language (`arch` for the processor type).
    public var filterName: String { declaration.filter?.names.first ?? "" }

    /// The fields whose values differ between two versions of one image.
    public static func changes(from old: Image, to new: Image) -> Set<ImageField> {
        Set(allCases.filter { !$0.declaration.same(old, new) })
    }

    private static func time(_ date: Date?) -> String { date.map(APITimestamp.format) ?? "" }
    private static func timeJSON(_ date: Date?) -> JSONValue { date.map { .string(APITimestamp.format($0)) } ?? .null }

    private static let declarations: [Declaration] = allCases.map { field in
        switch field {
        case .id:
            Declaration(
                { $0.id }, jsonKey: "image_id", detailLabel: "ID",
                filter: Filter(["id"], exactly: false, words: true),
                column: Column("ID", width: .ids, sort: .init("id", byText: false)),
                tableHeading: "IMAGE_ID", text: { $0 })
        case .zone:
            Declaration(
                { $0.zone }, jsonKey: nil, detailLabel: "Zone", filter: Filter(["zone"], exactly: true),
                column: Column("ZONE", width: .zones, faint: true, sort: .init("zone")),
                tableHeading: "ZONE", text: { $0 ?? "" })
        case .name:
            Declaration(
                { $0.name }, jsonKey: "image_name", detailLabel: "Name",
                filter: Filter(["name"], exactly: false, words: true),
                column: Column("NAME", width: .rest, sort: .init("name", ignoringCase: true)),
                tableHeading: "NAME", text: { $0 })
        case .status:
            Declaration(
                { $0.status }, jsonKey: "status", detailLabel: "Status",
                filter: Filter(["status"], exactly: true, words: true, alsoMatches: [.transitionStatus]),
                column: Column("STATUS", width: .cells(12), sort: .init("status", number: { image in
                    Double(ImageStatus.documented.firstIndex(of: image.status) ?? ImageStatus.documented.count)
                }), alsoHighlights: [.transitionStatus]),
                tableHeading: "STATUS", text: \.rawValue)
        case .transitionStatus:
            Declaration(
                { $0.transitionStatus }, jsonKey: "transition_status", detailLabel: "Transition",
                filter: Filter([], exactly: true, words: true),
                column: Column("TRANSITION", width: .cells(10), dropping: .whenChosen, sort: .init("transition")),
                text: { $0?.rawValue ?? "" })
        case .osFamily:
            Declaration(
                { $0.osFamily }, jsonKey: "os_family", detailLabel: "OS family",
                filter: Filter(["os", "os_family"], exactly: true, words: true),
                column: Column("OS", width: .cells(10), dropping: .init(order: 2, nameWidth: 20),
                               sort: .init("os", ignoringCase: true)),
                tableHeading: "OS", text: { $0 })
        case .processorType:
            Declaration(
                { $0.processorType }, jsonKey: "processor_type", detailLabel: "Processor",
                filter: Filter(["arch", "processor_type", "processor"], exactly: true),
                column: Column("ARCH", width: .cells(5), faint: true, dropping: .init(order: 5, nameWidth: 36), sort: .init("arch")),
                tableHeading: "ARCH", text: \.rawValue)
        case .platform:
            Declaration(
                { $0.platform }, jsonKey: "platform", detailLabel: "Platform",
                column: Column("PLATFORM", width: .cells(8), dropping: .whenChosen, sort: .init("platform")),
                text: \.rawValue)
        case .size:
            Declaration(
                { $0.sizeGB }, jsonKey: "size", detailLabel: "Size",
                column: Column("SIZE", width: .cells(5), alignsRight: true, dropping: .init(order: 3, nameWidth: 24),
                               sort: .init("size", number: { Double($0.sizeGB) }, byText: false, descending: true)),
                tableHeading: "SIZE_GB", text: { String($0) }, json: { .int($0) })
        case .visibility:
            Declaration(
                { $0.visibility }, jsonKey: "visibility", detailLabel: "Visibility",
                filter: Filter(["visibility", "vis"], exactly: true),
                column: Column("VISIBILITY", width: .cells(14), faint: true, dropping: .init(order: 4, nameWidth: 31),
                               sort: .init("visibility"), alsoShows: [.provider]),
                tableHeading: "VISIBILITY", text: \.rawValue)
        case .provider:
            Declaration(
                { $0.provider }, jsonKey: "provider", detailLabel: "Provider",
                filter: Filter(["provider"], exactly: true),
                column: Column("PROVIDER", width: .cells(8), faint: true, dropping: .whenChosen, sort: .init("provider")),
                tableHeading: "PROVIDER", text: \.rawValue)
        case .owner:
            Declaration(
                { $0.owner }, jsonKey: "owner", detailLabel: "Owner", filter: Filter(["owner"], exactly: false),
                column: Column("OWNER", width: .cells(12), faint: true, dropping: .whenChosen, sort: .init("owner")),
                text: { $0 })
        case .recommendedType:
            Declaration(
                { $0.recommendedType }, jsonKey: "recommended_type", detailLabel: "Recommended",
                column: Column("RECOMMENDED", width: .cells(11), dropping: .whenChosen, sort: .init("recommended")),
                text: { $0 })
        case .createTime:
            Declaration(
                { $0.createTime }, jsonKey: "create_time", detailLabel: "Created",
                column: Column("AGE", width: .cells(4), alignsRight: true, dropping: .init(order: 1, nameWidth: 20),
                               sort: .init("created", number: { $0.createTime?.timeIntervalSince1970 ?? -.infinity },
                                           byText: false, descending: true)),
                tableHeading: "CREATED", text: time, json: timeJSON)
        case .statusTime:
            Declaration(
                { $0.statusTime }, jsonKey: "status_time", detailLabel: "Status time",
                column: Column("CHANGED", width: .cells(7), alignsRight: true, dropping: .whenChosen,
                               sort: .init("changed", number: { $0.statusTime?.timeIntervalSince1970 ?? -.infinity },
                                           byText: false, descending: true)),
                text: time, json: timeJSON)
        case .description:
            Declaration(
                { $0.description }, jsonKey: "description", detailLabel: nil,
                filter: Filter(["description", "desc"], exactly: false, words: true),
                column: Column("DESCRIPTION", width: .cells(30), faint: true, dropping: .whenChosen,
                               sort: .init("description", ignoringCase: true)),
                text: { $0 ?? "" }, json: { $0.map(JSONValue.string) ?? .null })
        case .tags:
            Declaration(
                { $0.tags }, jsonKey: "tags", detailLabel: nil, filter: Filter(["tag"], exactly: false, words: true),
                column: Column("TAGS", width: .cells(16), dropping: .whenChosen, sort: .init("tags", ignoringCase: true)),
                text: { $0.map(\.name).joined(separator: ";") }, json: { .array($0.map(\.apiObject)) })
        case .instances:
            Declaration(notInImage: Column(
                "INSTANCES", width: .cells(9), alignsRight: true, dropping: .whenChosen, sort: .init("instances", byText: false)))
        }
    }
}
