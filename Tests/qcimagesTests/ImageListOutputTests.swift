import Foundation
import JSONEngine
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
        let lines = ImageListOutput.render(Self.page, as: .table, width: nil).split(separator: "\n").map(String.init)
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

    /// To a terminal the table fits its width: NAME narrows, then columns go as the browser drops them;
    /// to a pipe (no width) every column stays, whatever the width.
    @Test(arguments: [(200, 9), (120, 9), (100, 7), (80, 5), (60, 4), (40, 3)])
    func aTableFitsTheTerminal(width: Int, columns: Int) {
        let lines = ImageListOutput.render(Self.page, as: .table, width: width).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width || width < 50 }, "\(lines)")
        let header = lines[0].split(separator: " ", omittingEmptySubsequences: true)
        #expect(header.count == columns, "\(header)")
        #expect(header.prefix(3) == ["IMAGE_ID", "NAME", "STATUS"])
        let full = ImageListOutput.render(Self.page, as: .table, width: nil).split(separator: "\n")
        #expect(full[0].split(separator: " ").count == 9)
    }

    @Test func aZonedTableKeepsItsZoneColumn() {
        let lines = ImageListOutput.render(zones: [(zone: "pek3a", page: Self.page)], as: .table, width: 60)
            .split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("ZONE   IMAGE_ID      NAME"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(lines)")
    }

    @Test func jsonKeepsTheAPIShapeAndExactStrings() throws {
        let data = Data(ImageListOutput.render(Self.page, as: .json).utf8)
        let document = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(document["total_count"] == .int(3))
        let names = document["image_set"]?.arrayValue?.compactMap { $0["image_name"]?.stringValue }
        #expect(names == ["银河麒麟 V10", Self.hostileName, "plain"])
        #expect(!String(decoding: data, as: UTF8.self).contains("\u{1B}"), "control characters are escaped, never raw")
    }

    static let hostilePage = ImagePage(totalCount: 2, images: [
        image("img-\u{1B}]52;c;aGFja2Vk\u{07}\r\nrm", name: "=HYPERLINK(\"http://evil\")", description: "+1\u{202E}"),
        image("img-dddddddd", name: "-2+3", description: "@SUM(A1)\u{9B}"),
    ])

    @Test func idsOnePerLine() {
        #expect(ImageListOutput.render(Self.page, as: .ids) == "img-aaaaaaaa\nimg-bbbbbbbb\nimg-cccccccc\n")
    }

    @Test("ids: a hostile id is escaped (\\u escapes to a pipe, symbols on a terminal), one line each")
    func idsEscapeControls() {
        let piped = ImageListOutput.render(Self.hostilePage, as: .ids, style: .backslashEscapes)
        #expect(piped == "img-\\u001B]52;c;aGFja2Vk\\u0007\\u000D\\u000Arm\nimg-dddddddd\n")
        let shown = ImageListOutput.render(Self.hostilePage, as: .ids, style: .visibleSymbols)
        #expect(shown == "img-␛]52;c;aGFja2Vk␇␍␊rm\nimg-dddddddd\n")
    }

    @Test func csvFollowsRFC4180WithLFLineEnds() {
        let csv = ImageListOutput.render(Self.page, as: .csv)
        #expect(!csv.contains("\r"))
        let records = csv.components(separatedBy: "\n")
        #expect(records.count == 5)
        #expect(records[0].hasPrefix("image_id,image_name,status,"))
        #expect(records.last == "")
        #expect(records[1].contains(",\"line one\\u000Aline \"\"two\"\", with comma\","))
        #expect(records[1].hasPrefix("img-aaaaaaaa,银河麒麟 V10,available,,centos,64bit,linux,20,private,self,usr-1,c1m1,2023-11-14T22:13:20Z,,"))
        #expect(records[1].hasSuffix(",prod"))
    }

    @Test("csv: formula cells made inert with a leading quote (OWASP), controls escaped, no raw byte below 0x20")
    func csvInjection() {
        let csv = ImageListOutput.render(Self.hostilePage, as: .csv, style: .backslashEscapes)
        let records = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(records.count == 4)
        #expect(records[1].hasPrefix("img-\\u001B]52;c;aGFja2Vk\\u0007\\u000D\\u000Arm,\"'=HYPERLINK(\"\"http://evil\"\")\","))
        #expect(records[1].contains(",\"'+1\\u202E\","))
        #expect(records[2].hasPrefix("img-dddddddd,\"'-2+3\","))
        #expect(records[2].contains(",\"'@SUM(A1)\\u009B\","))
        #expect(ImageListOutput.csvCell("\tcmd", style: .backslashEscapes) == "\"'\\u0009cmd\"")
        #expect(ImageListOutput.csvCell("\rcmd", style: .visibleSymbols) == "\"'␍cmd\"")
        #expect(ImageListOutput.csvCell("a-b=c", style: .backslashEscapes) == "a-b=c")
        for style in [Sanitizer.Style.backslashEscapes, .visibleSymbols] {
            let text = ImageListOutput.render(Self.hostilePage, as: .csv, style: style)
            #expect(!text.unicodeScalars.contains { Sanitizer.isUnsafe($0) && $0 != "\n" })
        }
    }

    @Test("json: exact strings, with DEL, C1 and bidi controls as \\u escapes too")
    func jsonEscapesC1AndBidi() throws {
        let name = "a\u{7F}b\u{9B}c\u{202E}d\u{2066}e\u{1B}f"
        let text = ImageListOutput.render(ImagePage(totalCount: 1, images: [Self.image("img-eeeeeeee", name: name)]), as: .json)
        #expect(!text.unicodeScalars.contains { Sanitizer.isUnsafe($0) && $0 != "\n" })
        #expect(text.contains("\\u009B") && text.contains("\\u202E") && text.contains("\\u007F"))
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(document["image_set"]?.arrayValue?.first?["image_name"]?.stringValue == name)
    }

    /// `-o json` as the encoder lays out the whole document (the way it was printed before the objects
    /// were laid out from their bytes), for comparing byte for byte.
    static func encoderDocument(_ page: ImagePage) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let lines = String(decoding: try encoder.encode(JSONValue.array(page.images.map(\.raw))), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let elements = lines.dropFirst().dropLast()
            .map { "  " + Sanitizer.escaped(String($0), style: .backslashEscapes) }.joined(separator: "\n")
        return "{\n  \"image_set\" : [\n" + elements + "\n  ],\n  \"total_count\" : \(page.totalCount)\n}\n"
    }

    @Test("json: byte for byte the encoder's document, objects laid out from their bytes or (fractions, non-ASCII keys) by the encoder")
    func jsonSameAsTheEncoder() throws {
        var images = Self.page.images + Self.hostilePage.images
        let odd = [
            #"{"image_id":"img-frac","size":1.5,"extra":{"b":[],"a":{}}}"#,
            #"{"image_id":"img-key","键":"值","tags":[]}"#,
            "{\"image_id\":\"img-esc\",\"name\":\"\\u00e9\\/\\u007f\\u0085\\u202e\\ud83d\\ude00\\t\",\"n\":7.0}",
        ]
        for json in odd {
            let body = Array(#"{"ret_code":0,"total_count":1,"image_set":["#.utf8) + Array(json.utf8) + Array("]}".utf8)
            images += try ImagePage(describeImagesAnswer: body).images
        }
        let page = ImagePage(totalCount: images.count, images: images)
        #expect(ImageListOutput.render(page, as: .json) == (try Self.encoderDocument(page)))
        var streamed = ImageListOutput.start(.json)
        for (index, image) in images.enumerated() { streamed += ImageListOutput.part([image], as: .json, first: index == 0) }
        streamed += ImageListOutput.end(.json, totalCount: page.totalCount, empty: false)
        #expect(streamed == (try Self.encoderDocument(page)))
    }
}
