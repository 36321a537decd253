import Foundation
import QingCloud
import Testing
import TerminalVocabulary
@testable import ImageBrowser

@Suite("Sorting by precomputed keys")
struct SortKeysTests {
    /// Images with many ties in every column (a few names, sizes, ages, statuses) and some missing
    /// creation times, so that the tie-breaker and the edges are exercised.
    static let images: [Image] = (0..<600).map { number in
        let statuses: [ImageStatus] = [.available, .pending, .deprecated, .deleted, .other("frozen")]
        var image = Fixtures.image(
            (number * 7_919) % 600 + 1,
            name: ["web", "Web", "db", "数据库", "", "web "][number % 6],
            status: statuses[number % statuses.count],
            os: ["ubuntu", "CentOS", "windows", "kylin"][number % 4],
            size: [20, 50, 100][number % 3],
            visibility: number % 2 == 0 ? .private : .public,
            provider: number % 3 == 0 ? .system : .self,
            ageInHours: Double(number % 9)
        )
        if number % 11 == 0 { image.createTime = nil }
        if number % 5 == 0 { image.zone = ["pek3a", "sh1a"][number % 2] }
        return image
    }

    /// The order the list promises, from what its rows show: the column's rank or number first, then its
    /// text (names and OS families ignoring case) by UTF-8 bytes, then the id and zone.
    static func shownOrder(_ column: ImageField, _ left: Image, _ right: Image) -> Bool {
        func shown(_ image: Image) -> (Double, String) {
            let row = ImageRow(image)
            switch column {
            case .id: return (0, "")
            case .zone: return (0, row[.zone])
            case .name: return (0, row[.name].lowercased())
            case .status: return (Double(ImageStatus.documented.firstIndex(of: image.status) ?? 6), row[.status])
            case .osFamily: return (0, row[.osFamily].lowercased())
            case .processorType: return (0, row[.processorType])
            case .size: return (Double(row.sizeGB), "")
            case .visibility: return (0, row[.visibility] + "/" + row[.provider])
            case .createTime: return (row.createTime?.timeIntervalSince1970 ?? -.infinity, "")
            case .transitionStatus, .platform, .provider, .owner, .recommendedType: return (0, row[column])
            case .statusTime: return (row.statusTime?.timeIntervalSince1970 ?? -.infinity, "")
            case .description: return (0, Sanitizer.forDisplay(image.description ?? "").lowercased())
            case .tags: return (0, row.tags.map(\.name).joined(separator: ";").lowercased())
            case .instances: return (0, "")
            }
        }
        let (leftNumber, leftText) = shown(left), (rightNumber, rightText) = shown(right)
        if leftNumber != rightNumber { return leftNumber < rightNumber }
        if leftText != rightText { return Array(leftText.utf8).lexicographicallyPrecedes(Array(rightText.utf8)) }
        let leftTie = Array(left.id.utf8) + [0] + Array((left.zone ?? "").utf8)
        let rightTie = Array(right.id.utf8) + [0] + Array((right.zone ?? "").utf8)
        return leftTie.lexicographicallyPrecedes(rightTie)
    }

    @Test("every column in both directions orders by what the rows show, ties by id and zone",
          arguments: ImageField.columns)
    func sameOrderAsTheRows(column: ImageField) {
        let slots = Array(ImageCatalog.Slot(0)..<ImageCatalog.Slot(Self.images.count)).reversed()
        let keys = SortKeys(column: column, images: Self.images)
        let expected = slots.sorted { Self.shownOrder(column, Self.images[Int($0)], Self.images[Int($1)]) }
        #expect(slots.sorted(by: keys.ascending) == expected)
        #expect(slots.sorted { keys.ascending($1, $0) } == expected.reversed())
    }

    @Test("keys appended and replaced one by one order like keys built at once")
    func keysKeptUpToDate() {
        var kept = SortKeys(column: .name, images: [])
        for image in Self.images { kept.append(image) }
        var renamed = Self.images
        for index in stride(from: 0, to: renamed.count, by: 7) {
            renamed[index].name = "Renamed \(index % 13)"
            kept.replace(ImageCatalog.Slot(index), with: renamed[index])
        }
        let built = SortKeys(column: .name, images: renamed)
        let slots = Array(ImageCatalog.Slot(0)..<ImageCatalog.Slot(renamed.count))
        #expect(slots.sorted(by: kept.ascending) == slots.sorted(by: built.ascending))
    }

    @Test("a catalog sorted by s keeps the same rows as one built in that order")
    func catalogSortMatchesMerge() {
        let images = Self.images.indices.map { Fixtures.image($0 + 1, size: [20, 50, 100][$0 % 3]) }
        var sortedLater = ImageCatalog()
        _ = sortedLater.merge(images)
        let order = ImageBrowser.SortOrder(column: .size, descending: true)
        sortedLater.sort(by: order)
        var sortedFirst = ImageCatalog(order: order)
        _ = sortedFirst.merge(images)
        #expect(sortedLater.sorted == sortedFirst.sorted)
        #expect(sortedLater.sorted.count == images.count)
    }
}
