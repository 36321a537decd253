import Foundation
import QingCloud
import Testing
@testable import ImageBrowser

@Suite("Sorting by precomputed keys")
struct SortKeysTests {
    /// Images with many ties in every column (a few names, sizes, ages, statuses) and some missing
    /// creation times, so that the tie-breaker and the edges are exercised.
    static let rows: [ImageRow] = (0..<600).map { number in
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
        return ImageRow(image)
    }

    @Test("every column in both directions gives exactly the order of SortOrder.precedes",
          arguments: ImageColumn.allCases)
    func sameOrderAsTheRowComparator(column: ImageColumn) {
        let slots = Array(ImageCatalog.Slot(0)..<ImageCatalog.Slot(Self.rows.count)).reversed()
        let keys = SortKeys(column: column, rows: Self.rows)
        for descending in [false, true] {
            let order = ImageBrowser.SortOrder(column: column, descending: descending)
            let expected = slots.sorted { order.precedes(Self.rows[Int($0)], Self.rows[Int($1)]) }
            let actual = slots.sorted { descending ? keys.ascending($1, $0) : keys.ascending($0, $1) }
            #expect(actual == expected, "\(order)")
        }
    }

    @Test("a catalog sorted by s keeps the same rows as one built in that order")
    func catalogSortMatchesMerge() {
        let images = Self.rows.indices.map { Fixtures.image($0 + 1, size: [20, 50, 100][$0 % 3]) }
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
