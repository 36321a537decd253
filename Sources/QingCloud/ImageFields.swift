/// The members of one `image_set` element as ``ImagePageDecoder`` collects them, before they become an ``Image``.
///
/// A missing, `null` or non-string string member is nil here and `""` in the image, as the API client has
/// always read them; `description` alone stays optional. Of a repeated key the first counts, as with
/// Foundation's `JSONDecoder`.
struct ImageFields {
    /// The members ``Image`` keeps; any other key is skipped.
    enum Field: Int, CaseIterable {
        case id, name, description, size, processorType, platform, osFamily, visibility, provider, owner
        case recommendedType, status, transitionStatus, createTime, statusTime, tags

        static let keys = KeyTable<Field>([
            ("image_id", .id), ("image_name", .name), ("description", .description), ("size", .size),
            ("processor_type", .processorType), ("platform", .platform), ("os_family", .osFamily),
            ("visibility", .visibility), ("provider", .provider), ("owner", .owner),
            ("recommended_type", .recommendedType), ("status", .status), ("transition_status", .transitionStatus),
            ("create_time", .createTime), ("status_time", .statusTime), ("tags", .tags),
        ])
    }

    var id: String?
    var name: String?
    var description: String?
    var size: Int?
    var processorType: String?
    var platform: String?
    var osFamily: String?
    var visibility: String?
    var provider: String?
    var owner: String?
    var recommendedType: String?
    var status: String?
    var transitionStatus: String?
    var createTime: String?
    var statusTime: String?
    var tags: [Tag] = []
    /// The members read so far, one bit per `Field` raw value.
    private var seen: UInt32 = 0

    /// Whether `field` comes for the first time (and marks it seen).
    mutating func firstTime(_ field: Field) -> Bool {
        let bit: UInt32 = 1 << UInt32(field.rawValue)
        defer { seen |= bit }
        return seen & bit == 0
    }

    /// Sets a string member (`size` and `tags` have their own readers).
    mutating func set(_ field: Field, _ value: String?) {
        switch field {
        case .id: id = value
        case .name: name = value
        case .description: description = value
        case .processorType: processorType = value
        case .platform: platform = value
        case .osFamily: osFamily = value
        case .visibility: visibility = value
        case .provider: provider = value
        case .owner: owner = value
        case .recommendedType: recommendedType = value
        case .status: status = value
        case .transitionStatus: transitionStatus = value
        case .createTime: createTime = value
        case .statusTime: statusTime = value
        case .size, .tags: break
        }
    }

    func image(id: String, raw: JSONText) -> Image {
        let transition = transitionStatus ?? ""
        return Image(
            id: id,
            name: name ?? "",
            description: description,
            sizeGB: size ?? 0,
            processorType: ProcessorType(apiValue: processorType ?? ""),
            platform: Platform(apiValue: platform ?? ""),
            osFamily: osFamily ?? "",
            visibility: Visibility(apiValue: visibility ?? ""),
            provider: Provider(apiValue: provider ?? ""),
            owner: owner ?? "",
            recommendedType: recommendedType ?? "",
            status: ImageStatus(apiValue: status ?? ""),
            transitionStatus: transition.isEmpty ? nil : TransitionStatus(apiValue: transition),
            createTime: APITimestamp.parse(createTime ?? ""),
            statusTime: APITimestamp.parse(statusTime ?? ""),
            tags: tags,
            rawJSON: raw
        )
    }
}

/// The members of the answer's top-level object that ``ImagePageDecoder`` reads.
enum TopLevelField: CaseIterable {
    case imageSet, totalCount, returnCode, message

    static let keys = KeyTable<TopLevelField>([
        ("image_set", .imageSet), ("total_count", .totalCount), ("ret_code", .returnCode), ("message", .message),
    ])
}

/// The members of a tag object that ``Tag`` keeps.
enum TagField: Int, CaseIterable {
    case id, name, key, value, color, owner

    static let keys = KeyTable<TagField>([
        ("tag_id", .id), ("tag_name", .name), ("tag_key", .key), ("tag_value", .value), ("color", .color),
        ("owner", .owner),
    ])
}

/// Object keys and what they name, found by length and then bytes, with no allocation per key.
struct KeyTable<Field: Sendable>: Sendable {
    private let byLength: [[(key: [UInt8], field: Field)]]

    init(_ pairs: [(String, Field)]) {
        var byLength = Array(repeating: [(key: [UInt8], field: Field)](), count: 1 + pairs.map(\.0.utf8.count).max()!)
        for (key, field) in pairs { byLength[key.utf8.count].append((Array(key.utf8), field)) }
        self.byLength = byLength
    }

    /// What a key names, whether written with escapes or not.
    func field(_ token: JSONScanner.StringToken, in scanner: JSONScanner) -> Field? {
        if token.hasEscapes { return field(named: Array(scanner.text(token).utf8)) }
        let count = token.range.count
        guard count < byLength.count else { return nil }
        for candidate in byLength[count] where scanner.equals(token, candidate.key) { return candidate.field }
        return nil
    }

    private func field(named bytes: [UInt8]) -> Field? {
        guard bytes.count < byLength.count else { return nil }
        return byLength[bytes.count].first { $0.key == bytes }?.field
    }
}
