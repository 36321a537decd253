/// One sort column's keys taken out of the rows into flat arrays indexed by slot.
///
/// Sorting 100,000 images then compares two keys per step instead of copying two whole ``ImageRow``s
/// (and retaining their dozen strings) per comparison; the order is that of
/// ``SortOrder/precedes(_:_:)``, built from the same ``ImageColumn/key(of:)``.
struct SortKeys {
    private let keys: [SortOrder.SortKey]
    /// The tie-breaker, which makes every order total.
    private let ids: [String]

    init(column: ImageColumn, rows: [ImageRow]) {
        keys = rows.map(column.key(of:))
        ids = rows.map(\.id)
    }

    /// Whether slot `lhs` comes before slot `rhs` in the column's ascending order.
    func ascending(_ lhs: ImageCatalog.Slot, _ rhs: ImageCatalog.Slot) -> Bool {
        let left = Int(lhs), right = Int(rhs)
        return SortOrder.ascending(keys[left], ids[left], before: keys[right], ids[right])
    }
}
