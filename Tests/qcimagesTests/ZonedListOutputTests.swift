import Foundation
import JSONEngine
import QingCloud
import TerminalVocabulary
import Testing
@testable import qcimages

@Suite("qcimages list output with several zones")
struct ZonedListOutputTests {
    static let pek3a = ImagePage(totalCount: 2, images: [
        ImageListOutputTests.image("img-aaaaaaaa", name: "银河麒麟 V10"),
        ImageListOutputTests.image("img-shared01", name: "CentOS 7.9"),
    ])
    static let sh1a = ImagePage(totalCount: 1, images: [ImageListOutputTests.image("img-shared01", name: "CentOS 7.9")])
    static let zones = [(zone: "sh1a", page: sh1a), (zone: "pek3a", page: pek3a)]

    @Test func tableHasAZoneColumnAndKeepsTheZonesInTheOrderGiven() {
        let lines = ImageListOutput.render(zones: Self.zones, as: .table).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("ZONE   IMAGE_ID      NAME"))
        #expect(lines.dropFirst().map { String($0.prefix(5)) } == ["sh1a ", "pek3a", "pek3a"])
        let nameColumns = lines.map { line in DisplayWidth.of(line[..<line.range(of: line.contains("IMAGE_ID") ? "IMAGE_ID" : "img-")!.lowerBound]) }
        #expect(Set(nameColumns).count == 1)
    }

    @Test func jsonTagsEachObjectWithItsZoneAndSumsTheTotals() throws {
        let data = Data(ImageListOutput.render(zones: Self.zones, as: .json).utf8)
        let document = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(document["total_count"]?.intValue == 3)
        let objects = document["image_set"]?.arrayValue ?? []
        #expect(objects.map { $0["zone"]?.stringValue ?? "" } == ["sh1a", "pek3a", "pek3a"])
        #expect(objects.map { $0["image_id"]?.stringValue ?? "" } == ["img-shared01", "img-aaaaaaaa", "img-shared01"])
    }

    @Test func csvHasAZoneFieldFirstAndIdsStayBare() {
        let csv = ImageListOutput.render(zones: Self.zones, as: .csv)
        let rows = csv.split(whereSeparator: \.isNewline).map(String.init)
        #expect(rows[0].hasPrefix("zone,image_id,image_name,"))
        #expect(rows.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
            == ["sh1a,img-shared01", "pek3a,img-aaaaaaaa", "pek3a,img-shared01"])
        #expect(ImageListOutput.render(zones: Self.zones, as: .ids) == "img-shared01\nimg-aaaaaaaa\nimg-shared01\n")
    }
}
