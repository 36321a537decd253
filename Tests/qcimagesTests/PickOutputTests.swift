import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import qcimages

@Suite("qcimages pick output")
struct PickOutputTests {
    static let image = ImageListOutputTests.image("img-aaaaaaaa", name: "银河麒麟 V10")

    @Test("A template puts in fields by their filter names or JSON keys, the zone standing in for an untagged image")
    func template() throws {
        let template = try PickTemplate(parsing: "{zone} {id} {os}/{os_family} {IMAGE_NAME} {size}")
        #expect(template.line(for: Self.image, zone: "pek3a", style: .backslashEscapes)
            == "pek3a img-aaaaaaaa centos/centos 银河麒麟 V10 20\n")
        var tagged = Self.image
        tagged.zone = "sh1a"
        #expect(template.line(for: tagged, zone: "pek3a", style: .backslashEscapes).hasPrefix("sh1a img-aaaaaaaa"))
    }

    @Test("{{ and }} are braces; text around fields stays as written")
    func braces() throws {
        let template = try PickTemplate(parsing: "{{\"id\": \"{id}\"}}")
        #expect(template.pieces == [.text("{\"id\": \""), .field(.id), .text("\"}")])
        #expect(template.line(for: Self.image, zone: "pek3a", style: .backslashEscapes) == "{\"id\": \"img-aaaaaaaa\"}\n")
    }

    @Test("An unknown field, a lone brace: one line naming it", arguments: [
        ("{colour}", "unknown field {colour} in --print; fields: id zone name status"),
        ("{id", "a { without its }"),
        ("id}", "a lone }"),
        ("{}", "unknown field {}"),
    ])
    func invalid(_ template: String, _ expected: String) {
        #expect {
            try PickTemplate(parsing: template)
        } throws: { error in
            let description = (error as? PickTemplate.Invalid)?.description ?? ""
            return description.contains(expected) && !description.contains("\n")
        }
    }

    @Test("A value cannot break the line: control characters are escaped")
    func hostileValue() throws {
        let hostile = ImageListOutputTests.image("img-bbbbbbbb", name: ImageListOutputTests.hostileName)
        let line = try PickTemplate(parsing: "{name}").line(for: hostile, zone: "pek3a", style: .backslashEscapes)
        #expect(line.filter { $0 == "\n" || $0 == "\r" || $0 == "\u{1B}" }.count == 1)
        #expect(line.hasSuffix("\n"))
    }

    @Test("-o ids, json and csv write the chosen images as list does, with their zone")
    func formats() throws {
        let images = [Self.image, ImageListOutputTests.image("img-cccccccc", name: "plain")]
        #expect(PickCommand.text(of: images, zone: "pek3a", format: .ids, template: nil) == "img-aaaaaaaa\nimg-cccccccc\n")
        let csv = PickCommand.text(of: images, zone: "pek3a", format: .csv, template: nil).split(separator: "\n")
        #expect(csv.count == 3)
        #expect(csv[0].hasPrefix("zone,image_id,"))
        #expect(csv[2].hasPrefix("pek3a,img-cccccccc,"))
        let json = PickCommand.text(of: images, zone: "pek3a", format: .json, template: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["total_count"] as? Int == 2)
        let set = try #require(object["image_set"] as? [[String: Any]])
        #expect(set.map { $0["image_id"] as? String } == ["img-aaaaaaaa", "img-cccccccc"])
        #expect(set.map { $0["zone"] as? String } == ["pek3a", "pek3a"])
    }
}
