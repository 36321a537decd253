import QingCloud

/// One copy of each text and tag list that many images repeat, shared by all of them.
///
/// Names, descriptions and tag lists come from the server once per image, each in memory of its own,
/// though a catalogue repeats them a lot (the same system images in every zone, a team's description and
/// tags on each of its images). Swift keeps a string of up to 15 UTF-8 bytes inside the value, so
/// statuses, OS families, owners and tag ids already cost nothing extra; longer ones are looked up here
/// and replaced by the copy seen first with the same bytes (not merely equal as Swift compares
/// strings, which would take `é` for `e` and a combining accent), so nothing an image shows or matches
/// changes. Values are kept as long as the catalogue (a few bytes each for one no longer used).
struct SharedValues: Sendable {
    private var texts: Set<SameBytes<String>> = []
    private var tagLists: Set<SameBytes<[Tag]>> = []

    /// `image` with its longer texts and its tags replaced by the equal copies kept here.
    mutating func sharing(_ image: Image) -> Image {
        var image = image
        image.name = shared(image.name)
        image.description = image.description.map { shared($0) }
        image.osFamily = shared(image.osFamily)
        image.owner = shared(image.owner)
        image.recommendedType = shared(image.recommendedType)
        if !image.tags.isEmpty { image.tags = tagLists.insert(SameBytes(image.tags)).memberAfterInsert.value }
        return image
    }

    private mutating func shared(_ text: String) -> String {
        text.utf8.count <= 15 ? text : texts.insert(SameBytes(text)).memberAfterInsert.value
    }
}

/// A value compared and hashed by the UTF-8 bytes of its strings.
private struct SameBytes<Value: ByteComparable & Sendable>: Hashable, Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.value.sameBytes(as: rhs.value) }
    func hash(into hasher: inout Hasher) { value.hashBytes(into: &hasher) }
}

private protocol ByteComparable {
    func sameBytes(as other: Self) -> Bool
    func hashBytes(into hasher: inout Hasher)
}

extension String: ByteComparable {
    fileprivate func sameBytes(as other: String) -> Bool { utf8.elementsEqual(other.utf8) }
    fileprivate func hashBytes(into hasher: inout Hasher) {
        var text = self
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension Array: ByteComparable where Element == Tag {
    fileprivate func sameBytes(as other: [Tag]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { left, right in
            zip(left.fields, right.fields).allSatisfy { $0.sameBytes(as: $1) }
        }
    }

    fileprivate func hashBytes(into hasher: inout Hasher) {
        hasher.combine(count)
        for tag in self { tag.fields.forEach { $0.hashBytes(into: &hasher) } }
    }
}

extension Tag {
    fileprivate var fields: [String] { [id, name, key, value, color, owner] }
}
