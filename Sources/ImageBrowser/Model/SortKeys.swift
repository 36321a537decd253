import QingCloud

/// One sort column's keys for every slot, in flat arrays indexed by slot, kept up to date as images
/// arrive and change.
///
/// Sorting and merging 100,000 images then compare two keys per step, and only the keys of the column
/// sorted by are kept (built again when the column changes), not a display row per image.
struct SortKeys: Sendable {
    let column: ImageField
    private var keys: [SortOrder.SortKey] = []
    /// The tie-breaker, which makes every order total: the id, then the zone (the same id can live in
    /// several zones).
    private var ties: [String] = []

    init(column: ImageField, images: some Sequence<Image>) {
        self.column = column
        for image in images { append(image) }
    }

    /// Adds the keys of the image in the next slot.
    mutating func append(_ image: Image) {
        keys.append(column.key(of: image))
        ties.append(Self.tie(image))
    }

    /// Replaces the keys of the image in `slot`.
    mutating func replace(_ slot: ImageCatalog.Slot, with image: Image) {
        keys[Int(slot)] = column.key(of: image)
        ties[Int(slot)] = Self.tie(image)
    }

    /// Whether slot `lhs` comes before slot `rhs` in the column's ascending order.
    func ascending(_ lhs: ImageCatalog.Slot, _ rhs: ImageCatalog.Slot) -> Bool {
        let left = Int(lhs), right = Int(rhs)
        return SortOrder.ascending(keys[left], ties[left], before: keys[right], ties[right])
    }

    private static func tie(_ image: Image) -> String {
        image.zone.map { image.id + "\u{0}" + $0 } ?? image.id
    }
}
