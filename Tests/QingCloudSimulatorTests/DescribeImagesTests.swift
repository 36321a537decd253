import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// DescribeImages semantics over real HTTP, checked against the catalogue the simulator was built from.
@Suite struct DescribeImagesTests {
    let configuration = testConfiguration(images: 300)
    var images: [Image] { catalogue(of: configuration) }

    /// A filter, how the request spells it, and which catalogue images it must select.
    struct FilterCase: Sendable, CustomTestStringConvertible {
        let name: String
        let parameters: @Sendable ([Image]) -> [(name: String, value: String)]
        let selects: @Sendable (Image, [Image]) -> Bool

        var testDescription: String { name }

        static func plainAndListed(
            _ parameter: String, _ value: String, _ selects: @escaping @Sendable (Image) -> Bool
        ) -> [FilterCase] {
            [
                FilterCase(name: "\(parameter)=\(value)", parameters: { _ in [(parameter, value)] }) { image, _ in selects(image) },
                FilterCase(name: "\(parameter).1=\(value)", parameters: { _ in [("\(parameter).1", value)] }) { image, _ in selects(image) },
            ]
        }
    }

    static let filterCases: [FilterCase] =
        FilterCase.plainAndListed("status", "deprecated") { $0.status == .deprecated }
        + FilterCase.plainAndListed("os_family", "ubuntu") { $0.osFamily == "ubuntu" && $0.status != .ceased }
        + FilterCase.plainAndListed("processor_type", "32bit") { $0.processorType == .bits32 && $0.status != .ceased }
        + FilterCase.plainAndListed("visibility", "public") { $0.visibility == .public && $0.status != .ceased }
        + FilterCase.plainAndListed("provider", "system") { $0.provider == .system && $0.status != .ceased }
        + FilterCase.plainAndListed("provider", "self") { $0.provider == .self && $0.status != .ceased }
        + [
            FilterCase(name: "status.1=deleted&status.2=suspended&status.3=ceased",
                       parameters: { _ in [("status.1", "deleted"), ("status.2", "suspended"), ("status.3", "ceased")] }) { image, _ in
                [.deleted, .suspended, .ceased].contains(image.status)
            },
            FilterCase(name: "os_family.1=centos&os_family.2=kylin",
                       parameters: { _ in [("os_family.1", "centos"), ("os_family.2", "kylin")] }) { image, _ in
                ["centos", "kylin"].contains(image.osFamily) && image.status != .ceased
            },
            FilterCase(name: "owner=<the account>", parameters: { images in [("owner", account(images))] }) { image, images in
                image.owner == account(images) && image.status != .ceased
            },
            FilterCase(name: "owner.1=system", parameters: { _ in [("owner.1", "system")] }) { image, _ in
                image.owner == "system" && image.status != .ceased
            },
            FilterCase(name: "tags.1=<a tag>", parameters: { images in [("tags.1", someTag(images).id)] }) { image, images in
                image.tags.contains(someTag(images)) && image.status != .ceased
            },
            FilterCase(name: "tags.1&tags.2", parameters: { images in
                [("tags.1", someTag(images).id), ("tags.2", otherTag(images).id)]
            }) { image, images in
                (image.tags.contains(someTag(images)) || image.tags.contains(otherTag(images))) && image.status != .ceased
            },
            FilterCase(name: "images.1&images.2", parameters: { images in
                [("images.1", images[3].id), ("images.2", images[1].id)]
            }) { image, images in
                image.id == images[1].id || image.id == images[3].id
            },
            FilterCase(name: "images=<one id>", parameters: { images in [("images", images[2].id)] }) { image, images in
                image.id == images[2].id
            },
            FilterCase(name: "search_word=UBUNTU (case-insensitive, name)", parameters: { _ in [("search_word", "UBUNTU")] }) { image, _ in
                (image.id.contains("ubuntu") || image.name.lowercased().contains("ubuntu")) && image.status != .ceased
            },
            FilterCase(name: "search_word=<part of an id>", parameters: { images in
                [("search_word", String(images[5].id.dropFirst(4).prefix(5)).uppercased())]
            }) { image, images in
                let part = String(images[5].id.dropFirst(4).prefix(5))
                return (image.id.contains(part) || image.name.lowercased().contains(part)) && image.status != .ceased
            },
            FilterCase(name: "search_word=麒麟", parameters: { _ in [("search_word", "麒麟")] }) { image, _ in
                image.name.contains("麒麟") && image.status != .ceased
            },
            FilterCase(name: "every filter at once", parameters: { images in
                [("status.1", "available"), ("os_family", "centos"), ("processor_type", "64bit"),
                 ("visibility", "private"), ("provider", "self"), ("owner", account(images)), ("search_word", "Prod")]
            }) { image, images in
                image.status == .available && image.osFamily == "centos" && image.processorType == .bits64
                    && image.visibility == .private && image.provider == .self && image.owner == account(images)
                    && (image.id.contains("prod") || image.name.lowercased().contains("prod"))
            },
        ]

    static func account(_ images: [Image]) -> String {
        images.first { $0.visibility == .private }!.owner
    }

    static func someTag(_ images: [Image]) -> QingCloud.Tag {
        images.flatMap(\.tags).first!
    }

    static func otherTag(_ images: [Image]) -> QingCloud.Tag {
        images.flatMap(\.tags).first { $0 != someTag(images) }!
    }

    @Test(arguments: filterCases)
    func eachFilterSelectsWhatItNames(_ filter: FilterCase) async throws {
        let images = self.images
        let expected = images.filter { filter.selects($0, images) }.map(\.id)
        #expect(!expected.isEmpty, "the catalogue must exercise the filter")
        try await withSimulator(configuration) { api async throws in
            let listed = try await api.describeAll(filter.parameters(images))
            #expect(listed == expected)
        }
    }

    @Test func withoutFiltersEveryImageButTheCeasedIsListedNewestFirst() async throws {
        let images = self.images
        try await withSimulator(configuration) { api async throws in
            let listed = try await api.describeAll()
            #expect(listed == images.filter { $0.status != .ceased }.map(\.id))
            #expect(images.contains { $0.status == .ceased })
        }
    }

    @Test func theOrderIsNewestCreateTimeFirstThenImageID() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send([("limit", "100"), ("status.1", "available")])
            let keys = reply.imageSet.map { ($0["create_time"]!.stringValue!, $0["image_id"]!.stringValue!) }
            for (earlier, later) in zip(keys, keys.dropFirst()) {
                #expect(earlier.0 > later.0 || (earlier.0 == later.0 && earlier.1 < later.1))
            }
        }
    }

    @Test func ceasedImagesAppearWhenAskedForByStatusOrByID() async throws {
        let ceased = images.filter { $0.status == .ceased }
        try await withSimulator(configuration) { api async throws in
            #expect(try await api.describeAll([("status.1", "ceased")]) == ceased.map(\.id))
            let byID = try await api.send([("images.1", ceased[0].id)])
            #expect(byID.imageIDs == [ceased[0].id])
        }
    }

    @Test func theDefaultLimitIs20AndLargerLimitsAreCappedAt100() async throws {
        let visible = images.filter { $0.status != .ceased }.count
        try await withSimulator(configuration) { api async throws in
            let first = try await api.send()
            #expect(first.imageIDs.count == 20)
            #expect(first.totalCount == visible)
            let capped = try await api.send([("limit", "500")])
            #expect(capped.retCode == 0)
            #expect(capped.imageIDs.count == 100)
        }
    }

    /// Past the end, up to the largest offset there is (where `offset + limit` would overflow): an empty
    /// page with the total, never a crash.
    @Test(arguments: [(50, "10"), (Int.max, "100"), (Int.max - 5, "10"), (Int.max, "0")])
    func anOffsetPastTheEndGivesAnEmptyPageWithTheTotal(pastTheEnd: Int, limit: String) async throws {
        let visible = images.filter { $0.status != .ceased }.count
        let offset = pastTheEnd == 50 ? visible + 50 : pastTheEnd
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send([("offset", "\(offset)"), ("limit", limit)])
            #expect(reply.retCode == 0)
            #expect(reply.imageSet.isEmpty)
            #expect(reply.json?["image_set"]?.arrayValue != nil)
            #expect(reply.totalCount == visible)
            let named = try await api.send([("images.1", images[0].id), ("offset", "\(offset)"), ("limit", limit)])
            #expect(named.retCode == 0)
            #expect(named.imageSet.isEmpty)
        }
    }

    @Test func pagesFollowEachOtherWithoutGapsOrOverlaps() async throws {
        let expected = images.filter { $0.status != .ceased }.map(\.id)
        try await withSimulator(configuration) { api async throws in
            var listed: [String] = []
            for offset in stride(from: 0, to: expected.count, by: 7) {
                listed += try await api.send([("offset", "\(offset)"), ("limit", "7")]).imageIDs
            }
            #expect(listed == expected)
        }
    }

    @Test(arguments: [
        ("status.1", "running"), ("status", "Available"), ("verbose", "1"), ("offset", "-1"),
        ("offset", "ten"), ("limit", "-5"), ("limit", "1.5"), ("offset", "9223372036854775808"),
        ("limit", "99999999999999999999"),
    ])
    func invalidValuesAre1100(name: String, value: String) async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send([(name, value)])
            #expect(reply.retCode == 1100)
            #expect(reply.message.contains(value))
        }
    }

    @Test func verboseZeroIsAccepted() async throws {
        try await withSimulator(configuration) { api async throws in
            #expect(try await api.send([("verbose", "0")]).retCode == 0)
        }
    }

    @Test func anUnknownImageIDIs2100() async throws {
        let known = images[0].id
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send([("images.1", known), ("images.2", "img-nothere0")])
            #expect(reply.retCode == 2100)
            #expect(reply.message.contains("img-nothere0"))
        }
    }

    @Test func everyDocumentedFieldAndTheServerExtrasAreSent() async throws {
        let documented = ["image_id", "image_name", "description", "size", "processor_type", "platform", "os_family",
                          "visibility", "provider", "owner", "recommended_type", "status", "transition_status",
                          "create_time", "status_time", "tags"]
        let extras = ["sub_code", "architecture", "default_user", "hypervisor", "features"]
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send([("limit", "100")])
            for item in reply.imageSet {
                let fields = Set(item.objectValue?.keys ?? [:].keys)
                #expect(fields.isSuperset(of: documented + extras))
            }
            #expect(reply.imageSet.contains { $0["description"] == .null })
            let tags = reply.imageSet.flatMap { $0["tags"]?.arrayValue ?? [] }
            #expect(!tags.isEmpty)
            for tag in tags {
                #expect(tag["color"]?.stringValue?.hasPrefix("#") == true)
                #expect(tag["tag_id"]?.stringValue?.hasPrefix("tag-") == true)
            }
            #expect(reply.json?["ret_code"] == .int(0))
        }
    }

    @Test func everyImageDecodesToExactlyWhatTheCatalogueHolds() async throws {
        let images = self.images
        try await withSimulator(configuration) { api async throws in
            var decoded: [Image] = []
            for offset in stride(from: 0, to: images.count, by: 100) {
                let reply = try await api.send([("offset", "\(offset)"), ("limit", "100"), ("status.1", "pending"),
                                                ("status.2", "available"), ("status.3", "deprecated"),
                                                ("status.4", "suspended"), ("status.5", "deleted"), ("status.6", "ceased")])
                decoded += try reply.imageSet.map { try Image(json: $0) }
            }
            #expect(decoded.count == images.count)
            for (served, made) in zip(decoded, images) {
                var served = served
                served.raw = made.raw
                #expect(served == made)
            }
            #expect(decoded.contains { hasControlCharacters($0.name) })
            #expect(decoded.contains { hasControlCharacters($0.description ?? "") })
            #expect(decoded.contains { $0.tags.contains { hasControlCharacters($0.name) } })
        }
    }

    @Test func controlCharactersAndNonASCIIAreEscapedOnTheWire() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send([("limit", "100"), ("search_word", "clear")])
            #expect(reply.retCode == 0)
            #expect(reply.body.allSatisfy { (0x20..<0x7F).contains($0) })
            #expect(reply.text.contains("\\u001b[2J"))
        }
    }
}
