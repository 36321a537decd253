import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import qcimages

@Suite("qcimages list output formats")
struct ImageListOutputTests {
    static let hostileName = "evil\u{1B}[2J\u{1B}]52;c;aGk=\u{07}\r\u{9B}31m\u{202E}txt"

    static func image(_ id: String, name: String, description: String? = nil, size: Int = 20) -> Image {
        Image(id: id, name: name, description: description, sizeGB: size, processorType: .bits64, platform: .linux,
              osFamily: "centos", visibility: .private, provider: .self, owner: "usr-1", recommendedType: "c1m1",
              status: .available, transitionStatus: nil, createTime: Date(timeIntervalSince1970: 1_700_000_000),
              statusTime: nil, tags: [Tag(id: "tag-1", name: "prod", key: "env", value: "prod", color: "#ff0000", owner: "usr-1")])
    }

    static let page = ImagePage(totalCount: 3, images: [
        image("img-aaaaaaaa", name: "银河麒麟 V10", description: "line one\nline \"two\", with comma"),
        image("img-bbbbbbbb", name: hostileName, size: 500),
        image("img-cccccccc", name: "plain"),
    ])

    @Test func tableAlignsByDisplayWidthAndShowsControlsVisibly() {
        let lines = ImageListOutput.render(Self.page, as: .table).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("IMAGE_ID      NAME"))
        let statusColumns = lines.map { line in
            let start = (line.range(of: "STATUS") ?? line.range(of: "available"))!.lowerBound
            return DisplayWidth.of(line[..<start])
        }
        #expect(Set(statusColumns).count == 1, "the STATUS column starts at the same cell on every line: \(statusColumns)")
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        }
        #expect(lines[2].contains("␛[2J"))
    }

    @Test func jsonKeepsTheAPIShapeAndExactStrings() throws {
        let data = Data(ImageListOutput.render(Self.page, as: .json).utf8)
        let document = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(document["total_count"] == .int(3))
        let names = document["image_set"]?.arrayValue?.compactMap { $0["image_name"]?.stringValue }
        #expect(names == ["银河麒麟 V10", Self.hostileName, "plain"])
        #expect(!String(decoding: data, as: UTF8.self).contains("\u{1B}"), "control characters are escaped, never raw")
    }

    @Test func idsOnePerLine() {
        #expect(ImageListOutput.render(Self.page, as: .ids) == "img-aaaaaaaa\nimg-bbbbbbbb\nimg-cccccccc\n")
    }

    @Test func csvFollowsRFC4180() {
        let csv = ImageListOutput.render(Self.page, as: .csv)
        let records = csv.components(separatedBy: "\r\n")
        #expect(records[0].hasPrefix("image_id,image_name,status,"))
        #expect(records.last == "")
        #expect(csv.contains("\"line one\nline \"\"two\"\", with comma\""))
        #expect(records[1].hasPrefix("img-aaaaaaaa,银河麒麟 V10,available,,centos,64bit,linux,20,private,self,usr-1,c1m1,2023-11-14T22:13:20Z,,"))
        #expect(csv.contains(",prod\r\n"))
    }
}
