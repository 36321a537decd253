import QingCloud

/// One image's searchable fields, lowercased once, for matching a single image against many filters.
///
/// A ``FilterIndex`` holding just this image: the catalogue keeps one index for all its images instead,
/// which is what makes filtering 100,000 of them at every keystroke fast. Equal for images whose
/// searchable fields are equal ignoring case.
public struct FilterIndexEntry: Sendable, Hashable {
    let index: FilterIndex

    public init(_ image: Image) {
        var index = FilterIndex()
        index.append(image)
        self.index = index
    }

    public static func == (lhs: FilterIndexEntry, rhs: FilterIndexEntry) -> Bool {
        lhs.index.sizes == rhs.index.sizes && lhs.index.values == rhs.index.values
            && lhs.index.table.bytes == rhs.index.table.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index.sizes)
        hasher.combine(index.table.bytes)
    }
}
