import Foundation

/// The column the list is sorted by and in which direction.
///
/// The default, newest created first, is the order the server returns. Every order is total (ties are
/// broken by image id) so that merging pages and reversing give stable, predictable rows.
struct SortOrder: Sendable, Hashable {
    enum Column: Sendable, Hashable, CaseIterable {
        case id, name, status, osFamily, processorType, size, source, created

        /// The word shown in the header ("sort: size").
        var title: String {
            switch self {
            case .id: "id"
            case .name: "name"
            case .status: "status"
            case .osFamily: "os"
            case .processorType: "arch"
            case .size: "size"
            case .source: "visibility"
            case .created: "created"
            }
        }

        /// Sizes and times read best largest/newest first; names and states alphabetically.
        var startsDescending: Bool { self == .created || self == .size }
    }

    var column: Column
    var descending: Bool

    static let serverDefault = SortOrder(column: .created, descending: true)

    /// The next column in screen order, in its natural direction (`s`).
    var nextColumn: SortOrder {
        let all = Column.allCases
        let next = all[(all.firstIndex(of: column)! + 1) % all.count]
        return SortOrder(column: next, descending: next.startsDescending)
    }

    /// The same column, the other way round (`S`).
    var reversed: SortOrder { SortOrder(column: column, descending: !descending) }

    /// Whether `lhs` comes before `rhs`.
    func precedes(_ lhs: ImageRow, _ rhs: ImageRow) -> Bool {
        descending ? ascendingOrder(rhs, lhs) : ascendingOrder(lhs, rhs)
    }

    /// Ascending order of the column, ties broken by id so that it is total.
    private func ascendingOrder(_ lhs: ImageRow, _ rhs: ImageRow) -> Bool {
        func byID() -> Bool { Self.compareBytes(lhs.id, rhs.id) < 0 }
        func text(_ a: String, _ b: String) -> Bool {
            let order = Self.compareBytes(a, b)
            return order == 0 ? byID() : order < 0
        }
        switch column {
        case .id: return byID()
        case .name: return text(lhs.nameKey, rhs.nameKey)
        case .status: return lhs.statusRank == rhs.statusRank ? text(lhs.status, rhs.status) : lhs.statusRank < rhs.statusRank
        case .osFamily: return text(lhs.osKey, rhs.osKey)
        case .processorType: return text(lhs.processorType, rhs.processorType)
        case .size: return lhs.sizeGB == rhs.sizeGB ? byID() : lhs.sizeGB < rhs.sizeGB
        case .source: return text(lhs.sourceKey, rhs.sourceKey)
        case .created: return lhs.createdKey == rhs.createdKey ? byID() : lhs.createdKey < rhs.createdKey
        }
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

    /// Whether a change of these fields can move an image in this order.
    func isAffected(by fields: Set<ImageField>) -> Bool {
        switch column {
        case .id: false
        case .name: fields.contains(.name)
        case .status: fields.contains(.status)
        case .osFamily: fields.contains(.osFamily)
        case .processorType: fields.contains(.processorType)
        case .size: fields.contains(.size)
        case .source: fields.contains(.visibility) || fields.contains(.provider)
        case .created: fields.contains(.createTime)
        }
    }
}
