import JSONEngine
/// The members of one `image_set` element as ``ImagePageDecoder`` collects them, before they become an ``Image``.
///
/// A missing, `null` or non-string string member is nil here and `""` in the image, as the API client has
/// always read them; `description` alone stays optional. Of a repeated key the first counts, as with
/// Foundation's `JSONDecoder`.
struct ImageFields {
    /// The members ``Image`` keeps, by their ``ImageField/jsonKey``; any other key is skipped.
    static let keys = KeyTable<ImageField>(ImageField.documented.map { ($0.jsonKey!, $0) })

    /// The string members read, by ``ImageField`` raw value (`size` and `tags` have their own).
    private var strings = [String?](repeating: nil, count: ImageField.allCases.count)
    var size: Int?
    var tags: [Tag] = []
    /// The members read so far, one bit per ``ImageField`` raw value.
    private var seen: UInt32 = 0

    /// Whether `field` comes for the first time (and marks it seen).
    mutating func firstTime(_ field: ImageField) -> Bool {
        let bit: UInt32 = 1 << UInt32(field.rawValue)
        defer { seen |= bit }
        return seen & bit == 0
    }

    /// A string member: nil when missing, `null` or not a string.
    subscript(field: ImageField) -> String? {
        get { strings[field.rawValue] }
        set { strings[field.rawValue] = newValue }
    }

    func image(id: String, raw: JSONText) -> Image {
        func text(_ field: ImageField) -> String { self[field] ?? "" }
        let transition = text(.transitionStatus)
        return Image(
            id: id,
            name: text(.name),
            description: self[.description],
            sizeGB: size ?? 0,
            processorType: ProcessorType(apiValue: text(.processorType)),
            platform: Platform(apiValue: text(.platform)),
            osFamily: text(.osFamily),
            visibility: Visibility(apiValue: text(.visibility)),
            provider: Provider(apiValue: text(.provider)),
            owner: text(.owner),
            recommendedType: text(.recommendedType),
            status: ImageStatus(apiValue: text(.status)),
            transitionStatus: transition.isEmpty ? nil : TransitionStatus(apiValue: transition),
            createTime: APITimestamp.parse(text(.createTime)),
            statusTime: APITimestamp.parse(text(.statusTime)),
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
