import QingCloud

/// The searchable fields of many images, lowercased once, laid out for filtering them all at every
/// keystroke.
///
/// Each image is a row of numbers: one per ``FilterColumn``, naming its lowercased value in a shared
/// ``FilterValueTable``, plus its size. A filter term reads those rows front to back, in image order,
/// with no allocation, retain or pointer chase per image: exactly matched fields compare numbers, and a
/// substring term first finds the needle in the table's distinct values (once for all images), then asks
/// each image whether one of its values was hit. Images are numbered from 0 in the order they are added
/// (the catalogue's slots).
public struct FilterIndex: Sendable {
    private(set) var table = FilterValueTable()
    /// Each image's value numbers, ``FilterColumn/count`` per image, in column order.
    private(set) var values: [UInt32] = []
    private(set) var sizes: [Int32] = []

    public init() {}

    /// How many images were added.
    public var count: Int { sizes.count }

    /// Adds an image as number ``count``.
    public mutating func append(_ image: Image) {
        sizes.append(Int32(clamping: image.sizeGB))
        values.append(contentsOf: repeatElement(0, count: FilterColumn.count))
        store(image, at: count - 1)
    }

    /// Replaces image number `position`.
    public mutating func replace(_ position: Int, with image: Image) {
        for column in FilterColumn.allCases { table.release(values[position * FilterColumn.count + column.rawValue]) }
        sizes[position] = Int32(clamping: image.sizeGB)
        store(image, at: position)
        if table.needsCompacting {
            let renumbered = table.compact()
            for index in values.indices { values[index] = renumbered[Int(values[index])] }
        }
    }

    /// The numbers among `numbers` (in their order) whose images pass `filter`; the terms of `known`,
    /// which every one of them is known to pass, are not checked again.
    ///
    /// The images are checked in index order, which reads the index front to back, rather than in the
    /// order of `numbers` (usually a sort order), which would jump around it.
    public func numbers(_ numbers: [Int32], passing filter: ImageFilter, knownToPass known: ImageFilter = .empty) -> [Int32] {
        let knownTerms = Set(known.terms)
        let program = known.isEmpty ? filter.program : FilterProgram(filter.terms.filter { !knownTerms.contains($0) })
        guard !program.isEmpty else { return numbers }
        var candidates = FilterBitSet(count: count)
        candidates.withWords { words in
            for number in numbers { words[Int(number) >> 6] |= 1 << UInt64(number & 63) }
        }
        program.narrow(&candidates, in: self)
        return candidates.withMembership { kept in
            Array(unsafeUninitializedCapacity: candidates.count) { matching, count in
                for number in numbers where kept.contains(Int(number)) {
                    matching[count] = number
                    count += 1
                }
            }
        }
    }

    private mutating func store(_ image: Image, at position: Int) {
        var value: [UInt8] = []
        for column in FilterColumn.allCases {
            value.removeAll(keepingCapacity: true)
            column.appendLowercasedValue(of: image, to: &value)
            values[position * FilterColumn.count + column.rawValue] = table.retain(value)
        }
    }
}

/// A searchable value of an image, one of each image's numbers in a ``FilterIndex``: the text of a field
/// the filter language searches (``ImageField/Filter``), or its tags' ids.
struct FilterColumn: Sendable, Hashable {
    let rawValue: Int

    /// The fields with a column, in ``ImageField`` order; the tags' ids come after them.
    private static let fields = ImageField.allCases.filter { $0.declaration.filter != nil }
    /// Each field's column number, by ``ImageField`` raw value (-1 for a field not searched).
    private static let numbers: [Int] = ImageField.allCases.map { fields.firstIndex(of: $0) ?? -1 }

    static let count = fields.count + 1
    static let allCases = (0..<count).map(FilterColumn.init(rawValue:))
    /// The ids of the image's tags (`tag:` finds a tag by its id too).
    static let tagIDs = FilterColumn(rawValue: fields.count)

    /// Where a bare word may match.
    static let freeText = fields.filter { $0.declaration.filter!.matchesWords }.map(FilterColumn.init)

    /// The column of a searched field.
    init(_ field: ImageField) { rawValue = Self.numbers[field.rawValue] }
    private init(rawValue: Int) { self.rawValue = rawValue }

    /// Where a `field:value` term looks: the field, those it also matches, and for tags their ids.
    static func columns(for field: ImageField) -> [FilterColumn] {
        let filter = field.declaration.filter
        return ([field] + (filter?.alsoMatches ?? [])).map(FilterColumn.init) + (field == .tags ? [.tagIDs] : [])
    }

    /// Appends the column's value in `image`, lowercased; the parts of a value made of several fields
    /// each end with ``FilterValueTable/separator`` (each tag's name, key and value; each tag id).
    func appendLowercasedValue(of image: Image, to value: inout [UInt8]) {
        func appendPart(_ field: String) {
            Self.appendLowercased(field, to: &value)
            value.append(FilterValueTable.separator)
        }
        if self == .tagIDs {
            image.tags.forEach { appendPart($0.id) }
            return
        }
        let field = Self.fields[rawValue]
        guard field == .tags else { return Self.appendLowercased(field.text(of: image), to: &value) }
        for tag in image.tags {
            appendPart(tag.name)
            appendPart(tag.key)
            appendPart(tag.value)
        }
    }

    /// Appends `field` lowercased: ASCII byte by byte, anything else the way `String.lowercased()` does
    /// (so that `É` finds `é` and CJK stays as it is), like the needles.
    private static func appendLowercased(_ field: String, to value: inout [UInt8]) {
        guard field.utf8.allSatisfy({ $0 < 0x80 }) else {
            value.append(contentsOf: field.lowercased().utf8)
            return
        }
        for byte in field.utf8 {
            value.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
        }
    }
}
