import Foundation
import JSONEngine
import Testing
@testable import QingCloud

@Suite("Decoding DescribeImages answers")
struct ImageDecodingTests {
    /// The example response of DescribeImages.seed.txt, as the API page shows it.
    static let seedExample = """
        {
          "action":"DescribeImagesResponse",
          "total_count":9,
          "image_set":[
            {
              "status":"ceased",
              "processor_type":"64bit",
              "image_id":"img-37amqany",
              "sub_code":1,
              "transition_status":"",
              "recommended_type":"small_b",
              "image_name":"",
              "visibility":"private",
              "platform":"linux",
              "create_time":"2013-08-07T18:16:32Z",
              "os_family":"centos",
              "provider":"self",
              "owner":"usr-1234abcd",
              "status_time":"2013-08-17T08:16:33Z",
              "tags":[
                 { "color":"#c096e0", "tag_id":"tag-rj6nhkn1", "tag_value":"test-tag", "tag_name":"test-tag", "owner":"admin", "tag_key":"test-tag" }
              ],
              "size":20,
              "description":null
            }
          ],
          "ret_code":0
        }
        """

    @Test func seedExampleDecodesEveryField() throws {
        let page = try ResponseDecoder.imagePage(from: Array(Self.seedExample.utf8))
        #expect(page.totalCount == 9)
        let image = try #require(page.images.first)
        #expect(image.id == "img-37amqany")
        #expect(image.name == "")
        #expect(image.description == nil)
        #expect(image.sizeGB == 20)
        #expect(image.processorType == .bits64)
        #expect(image.platform == .linux)
        #expect(image.osFamily == "centos")
        #expect(image.visibility == .private)
        #expect(image.provider == .self)
        #expect(image.owner == "usr-1234abcd")
        #expect(image.recommendedType == "small_b")
        #expect(image.status == .ceased)
        #expect(image.transitionStatus == nil)
        #expect(image.createTime == Date(timeIntervalSince1970: 1_375_899_392))
        #expect(image.statusTime.map(APITimestamp.format) == "2013-08-17T08:16:33Z")
        #expect(image.tags == [Tag(id: "tag-rj6nhkn1", name: "test-tag", key: "test-tag", value: "test-tag", color: "#c096e0", owner: "admin")])
        #expect(image.raw["sub_code"] == .int(1))
    }

    @Test("every JSON kind decodes to its own case, and encodes back to the same JSON")
    func jsonValueKinds() throws {
        let text = #"{"s":"1","e":"","i":7,"n":-2,"big":9007199254740993,"d":1.5,"t":true,"f":false,"z":null,"a":[1,"x",[],{}],"o":{"k":{"deep":[null]}}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let expected = JSONValue.object([
            "s": .string("1"), "e": .string(""), "i": .int(7), "n": .int(-2), "big": .int(9_007_199_254_740_993),
            "d": .double(1.5), "t": .bool(true), "f": .bool(false), "z": .null,
            "a": .array([.int(1), .string("x"), .array([]), .object([:])]),
            "o": .object(["k": .object(["deep": .array([.null])])]),
        ])
        #expect(value == expected)
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        #expect(again == expected)
    }

    @Test func unknownValuesDecodeAsTheyAre() throws {
        let body = #"{"ret_code":0,"total_count":1,"image_set":[{"image_id":"img-1","status":"archiving","transition_status":"migrating","processor_type":"arm64","visibility":"shared","provider":"marketplace","platform":"bsd","new_field":{"x":[1,2]}}]}"#
        let image = try #require(try ResponseDecoder.imagePage(from: Array(body.utf8)).images.first)
        #expect(image.status == .other("archiving"))
        #expect(image.status.rawValue == "archiving")
        #expect(image.transitionStatus == .other("migrating"))
        #expect(image.processorType.rawValue == "arm64")
        #expect(image.visibility == .other("shared"))
        #expect(image.provider.description == "marketplace")
        #expect(image.platform == .other("bsd"))
    }

    @Test func nullsAndMissingFieldsAreTolerated() throws {
        let body = #"{"ret_code":0,"total_count":1,"image_set":[{"image_id":"img-2","image_name":null,"size":null,"tags":null,"create_time":null,"owner":7}]}"#
        let image = try #require(try ResponseDecoder.imagePage(from: Array(body.utf8)).images.first)
        #expect(image.name == "")
        #expect(image.sizeGB == 0)
        #expect(image.tags.isEmpty)
        #expect(image.createTime == nil)
        #expect(image.owner == "")
    }

    @Test func hostileStringsAreKeptExactly() throws {
        let name = "\u{1B}[2J\u{1B}]52;c;aGk=\u{07}\r\u{9B}31m\u{202E}evil\u{0}"
        let object = JSONValue.object(["image_id": .string("img-3"), "image_name": .string(name)])
        let data = try JSONEncoder().encode(JSONValue.object(["ret_code": .int(0), "total_count": .int(1), "image_set": .array([object])]))
        let image = try #require(try ResponseDecoder.imagePage(from: Array(data)).images.first)
        #expect(image.name == name)
    }

    @Test func anImageWithoutIDFailsThePage() {
        let body = #"{"ret_code":0,"total_count":1,"image_set":[{"image_name":"x"}]}"#
        #expect(throws: QingCloudError.self) { try ResponseDecoder.imagePage(from: Array(body.utf8)) }
    }

    @Test func truncatedJSONReportsOffsetAndExcerpt() {
        let body = Array(#"{"ret_code":0,"total_count":1,"image_set":[{"image_id":"img"#.utf8)
        do {
            try ResponseDecoder.checkReturnCode(body) { _ in nil }
            Issue.record("expected an error")
        } catch {
            guard case .malformedResponse(_, let offset, let excerpt) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(offset != nil)
            #expect(excerpt.hasPrefix("{\"ret_code\":0"))
            #expect(error.description.contains("malformed response"))
        }
    }

    @Test func htmlInsteadOfJSON() {
        let body = Array("<html><body>502 Bad Gateway</body></html>".utf8)
        #expect(throws: QingCloudError.self) { try ResponseDecoder.checkReturnCode(body) { _ in nil } }
    }

    @Test func apiErrorCarriesCodeMessageAndHint() {
        let body = Array(#"{"ret_code":1200,"message":"AuthFailure, signature not matched"}"#.utf8)
        do {
            try ResponseDecoder.checkReturnCode(body) { _ in "check the key" }
            Issue.record("expected an error")
        } catch {
            #expect(error == .api(APIError(code: 1200, message: "AuthFailure, signature not matched"), hint: "check the key"))
            #expect(error.description == "authentication failed (ret_code 1200): AuthFailure, signature not matched; check the key")
            #expect(!error.isRetryable)
            if case .api(let apiError, _) = error { #expect(apiError.category == "AuthFailure") }
        }
    }

    @Test func timestampsRoundTrip() {
        for text in ["1970-01-01T00:00:00Z", "2013-08-07T18:16:32Z", "2024-02-29T23:59:59Z", "2099-12-31T00:00:01Z"] {
            let date = APITimestamp.parse(text)
            #expect(date.map(APITimestamp.format) == text)
        }
        #expect(APITimestamp.parse("2024-01-02T03:04:05+08:00") == APITimestamp.parse("2024-01-01T19:04:05Z"))
        #expect(APITimestamp.parse("yesterday") == nil)
        #expect(APITimestamp.parse("") == nil)
    }

    @Test func queryParametersUseTheAPIForms() {
        let query = ImageQuery(imageIDs: ["img-a", "img-b"], statuses: [.available, .pending], osFamilies: ["centos"],
                               processorType: .bits64, visibility: .public, provider: .system, owner: "usr-1",
                               tagIDs: ["tag-1"], searchWord: "中文 word", verbose: 0, offset: 100, limit: 50)
        let parameters = Dictionary(uniqueKeysWithValues: query.parameters.map { ($0.name, $0.value) })
        #expect(parameters == [
            "images.1": "img-a", "images.2": "img-b", "status.1": "available", "status.2": "pending",
            "os_family": "centos", "processor_type": "64bit", "visibility": "public", "provider": "system",
            "owner": "usr-1", "tags.1": "tag-1", "search_word": "中文 word", "verbose": "0", "offset": "100", "limit": "50",
        ])
        let several = ImageQuery(osFamilies: ["centos", "ubuntu"]).parameters.map(\.name)
        #expect(several == ["os_family.1", "os_family.2"])
    }
}
