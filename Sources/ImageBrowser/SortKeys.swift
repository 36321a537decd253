/// One sort column's values taken out of the rows into flat arrays indexed by slot.
///
/// Sorting 100,000 images then compares two numbers or two strings per step instead of copying two
/// whole ``ImageRow``s (and retaining their dozen strings) per comparison; the order is exactly that of
/// ``SortOrder/precedes(_:_:)``, which a test checks column by column.
struct SortKeys {
    /// The numeric part of the key (status rank, size, creation time); empty for text-only columns.
    private let numbers: [Double]
    /// The text part of the key, compared after the number; empty for numeric-only columns.
    private let texts: [String]
    /// The tie-breaker, which makes every order total.
    private let ids: [String]

    init(column: SortOrder.Column, rows: [ImageRow]) {
        ids = rows.map(\.id)
        switch column {
        case .id:
            numbers = []
            texts = []
        case .name:
            numbers = []
            texts = rows.map(\.nameKey)
        case .status:
            numbers = rows.map { Double($0.statusRank) }
            texts = rows.map(\.status)
        case .osFamily:
            numbers = []
            texts = rows.map(\.osKey)
        case .processorType:
            numbers = []
            texts = rows.map(\.processorType)
        case .size:
            numbers = rows.map { Double($0.sizeGB) }
            texts = []
        case .source:
            numbers = []
            texts = rows.map(\.sourceKey)
        case .created:
            numbers = rows.map(\.createdKey)
            texts = []
        }
    }

    /// Whether slot `lhs` comes before slot `rhs` in the column's ascending order.
    func ascending(_ lhs: ImageCatalog.Slot, _ rhs: ImageCatalog.Slot) -> Bool {
        let left = Int(lhs), right = Int(rhs)
        if !numbers.isEmpty, numbers[left] != numbers[right] { return numbers[left] < numbers[right] }
        if !texts.isEmpty {
            let order = SortOrder.compareBytes(texts[left], texts[right])
            if order != 0 { return order < 0 }
        }
        return SortOrder.compareBytes(ids[left], ids[right]) < 0
    }
}
