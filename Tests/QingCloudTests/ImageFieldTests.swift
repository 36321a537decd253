import Foundation
import JSONEngine
import Testing
@testable import QingCloud

/// The field schema is the one place a field is declared: what derives from it must agree with the
/// API's shape.
@Suite("Image fields")
struct ImageFieldTests {
    static let image = Image(
        id: "img-abcd1234", name: "银河麒麟", description: nil, sizeGB: 20, processorType: .bits64,
        platform: .linux, osFamily: "kylin", visibility: .public, provider: .system, owner: "system",
        recommendedType: "c1m2", status: .available, transitionStatus: .creating,
        createTime: Date(timeIntervalSince1970: 1_700_000_000), statusTime: nil,
        tags: [Tag(id: "tag-1", name: "web", key: "k", value: "v", color: "#ff0000", owner: "usr-1")]
    )

    @Test("an image written from the schema reads back the same through the decoder")
    func roundTrip() throws {
        let body = JSONText(JSONValue.object(["image_set": .array([Self.image.apiObject]), "total_count": .int(1),
                                              "ret_code": .int(0)]))
        let answer = try ImagePageDecoder.decode(Array(body.bytes))
        var decoded = try #require(answer.images?.first)
        decoded.rawJSON = Self.image.rawJSON
        #expect(ImageField.changes(from: Self.image, to: decoded).isEmpty)
        #expect(decoded == Self.image)
    }

    @Test("every documented member has a key; the zone, which the API has not, is \"zone\" in CSV")
    func keys() {
        guard case .object(let members) = Self.image.apiObject else {
            Issue.record("not an object")
            return
        }
        #expect(Set(members.keys) == Set(ImageField.documented.compactMap(\.jsonKey)))
        #expect(ImageField.zone.csvHeader == "zone" && ImageField.zone.jsonKey == nil)
        #expect(ImageField.recommendedType.text(of: Self.image) == "c1m2")
        #expect(ImageField.tags.text(of: Self.image) == "web")
        #expect(ImageField.description.declaration.json(Self.image) == .null)
    }

    @Test("a filter name stands for one field only; a change of one field is that field's change")
    func namesAndChanges() {
        let names = ImageField.allCases.flatMap { $0.declaration.filter?.names ?? [] }
        #expect(Set(names).count == names.count)
        var changed = Self.image
        changed.owner = "usr-2"
        changed.statusTime = Date(timeIntervalSince1970: 1)
        #expect(ImageField.changes(from: Self.image, to: changed) == [.owner, .statusTime])
    }
}
