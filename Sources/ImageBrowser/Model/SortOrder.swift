import Foundation
import QingCloud
import TerminalVocabulary

/// The column the list is sorted by and in which direction.
///
/// The default, newest created first, is the order the server returns. Every order is total (ties are
/// broken by image id) so that merging pages and reversing give stable, predictable rows.
public struct SortOrder: Sendable, Hashable {
    /// A row's place in one column: a number compared first (status rank, size, creation time), then
    /// a text compared by UTF-8 bytes.
    struct SortKey: Sendable {
        var number: Double = 0
        var text = ""
    }

    /// One of ``ImageField/columns``.
    public var column: ImageField
    public var descending: Bool

    public init(column: ImageField, descending: Bool) {
        self.column = column
        self.descending = descending
    }

    public static let serverDefault = SortOrder(column: .createTime, descending: true)

    /// The order a settings file, a view or the remembered state names (`-created`: a column's name, `-` in
    /// front for descending, `+` or nothing for ascending); nil when the name is no column the list sorts by
    /// (INSTANCES is not the image's data, so not a sort).
    public init?(settingsName: String) {
        let descending = settingsName.hasPrefix("-")
        let name = descending || settingsName.hasPrefix("+") ? String(settingsName.dropFirst()) : settingsName
        guard let column = ImageField(columnName: name), column.declaration.isInImage else { return nil }
        self.init(column: column, descending: descending)
    }

    /// The order as the settings file writes it (`-created`).
    public var settingsName: String { (descending ? "-" : "") + column.columnName }

    /// The next (or previous) of `shown` after this order's column in screen order, in its natural
    /// direction (`s`, `>`, `<`): the columns on screen (ZONE only when several zones are shown), so
    /// that a hidden column is never sorted by unseen. The first (or last) shown after (or before) the
    /// column's standard place when the column is not on screen.
    func moved(by step: Int, among shown: [ImageField]) -> SortOrder {
        let all = ImageField.columns
        let visible = shown.isEmpty ? all : shown
        let here = all.firstIndex(of: column) ?? 0
        let next: ImageField
        if let index = visible.firstIndex(of: column) {
            next = visible[(index + step + visible.count) % visible.count]
        } else if step > 0 {
            next = visible.first { (all.firstIndex(of: $0) ?? 0) > here } ?? visible[0]
        } else {
            next = visible.last { (all.firstIndex(of: $0) ?? 0) < here } ?? visible[visible.count - 1]
        }
        return SortOrder(column: next, descending: next.startsDescending)
    }

    /// The same column, the other way round (`S`).
    var reversed: SortOrder { SortOrder(column: column, descending: !descending) }

    /// Ascending order of two keys of a column, ties broken by id so that it is total.
    static func ascending(_ lhs: SortKey, _ lhsID: String, before rhs: SortKey, _ rhsID: String) -> Bool {
        if lhs.number != rhs.number { return lhs.number < rhs.number }
        let text = compareBytes(lhs.text, rhs.text)
        return text == 0 ? compareBytes(lhsID, rhsID) < 0 : text < 0
    }

    /// UTF-8 byte order, negative, zero or positive: one memcmp for native strings, the same on every
    /// machine, and no Unicode normalisation (which `==` on two CJK names would do).
    static func compareBytes(_ a: String, _ b: String) -> Int {
        let fast = a.utf8.withContiguousStorageIfAvailable { first in
            b.utf8.withContiguousStorageIfAvailable { second -> Int in
                let common = min(first.count, second.count)
                if common > 0, let x = first.baseAddress, let y = second.baseAddress {
                    let order = memcmp(x, y, common)
                    if order != 0 { return Int(order) }
                }
                return first.count - second.count
            }
        }
        if let order = fast ?? nil { return order }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// Whether a change of these fields can move an image in this order (an image's id and zone never
    /// change: they are its key).
    func isAffected(by fields: Set<ImageField>) -> Bool {
        !fields.isDisjoint(with: [column] + column.column.alsoShows)
    }
}

/// How the list's columns sort (``ImageField/Column/Sort``).
extension ImageField {
    /// The word for the column in "sorted by size" and the header's "sort size".
    var sortName: String { column.sort.name }

    /// Sizes and times read best largest/newest first; names and states alphabetically.
    var startsDescending: Bool { column.sort.startsDescending }

    /// What an image is ordered by in this column, before the tie-breaker: the number, then the text
    /// as the list shows it (sanitised, and ignoring case where the column says so).
    func key(of image: Image) -> SortOrder.SortKey {
        let column = self.column
        let sort = column.sort
        var key = SortOrder.SortKey(number: sort.number?(image) ?? 0)
        if sort.byText {
            key.text = Sanitizer.forDisplay(text(of: image))
            for other in column.alsoShows { key.text += "/" + Sanitizer.forDisplay(other.text(of: image)) }
            if sort.ignoringCase { key.text = key.text.lowercased() }
        }
        return key
    }
}
