import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// The simulator's DescribeInstances (what uses an image) and the client's typed `describeInstances`,
/// over loopback HTTP: seeded instances per image, the filters, paging, and requests checked like the rest.
@Suite struct DescribeInstancesTests {
    private static func instanceIDs(_ reply: Reply) -> [String] {
        (reply.json?["instance_set"]?.arrayValue ?? []).compactMap { $0["instance_id"]?.stringValue }
    }

    @Test func someImagesAreUsedByNoneAndSomeBySeveral() async throws {
        let configuration = testConfiguration(images: 400)
        try await ClientAgainstSimulatorTests().withClient(configuration) { client, _ in
            let everything = try await client.allInstances(matching: InstanceQuery(statuses: InstanceStatus.documented))
            #expect(everything.instances.count == everything.totalCount)
            #expect(Set(everything.instances.map(\.id)).count == everything.totalCount, "ids are unique")
            let perImage = Dictionary(grouping: everything.instances, by: \.imageID).mapValues(\.count)
            let images = catalogue(of: configuration)
            #expect(images.contains { perImage[$0.id] == nil }, "some images are used by no instance")
            #expect(perImage.values.contains { $0 >= 3 }, "some images are used by several")
            #expect(Set(everything.instances.map(\.status)) == Set(InstanceStatus.documented), "one of every status")
            #expect(everything.instances.contains { hasControlCharacters($0.name) }, "hostile names are among them")

            let used = try #require(perImage.max { $0.value < $1.value })
            let page = try await client.describeInstances(InstanceQuery(imageIDs: [used.key], statuses: InstanceStatus.documented, limit: 5))
            #expect(page.totalCount == used.value)
            #expect(page.instances.count == min(5, used.value))
            #expect(page.instances.allSatisfy { $0.imageID == used.key })
            let image = try #require(images.first { $0.id == used.key })
            #expect(page.instances.allSatisfy { $0.imageName == image.name })

            let unused = try #require(images.first { perImage[$0.id] == nil && $0.status != .pending })
            #expect(try await client.describeInstances(InstanceQuery(imageIDs: [unused.id])).totalCount == 0)
        }
    }

    @Test func ceasedInstancesAreLeftOutUnlessAskedForAndPagesAddUp() async throws {
        try await ClientAgainstSimulatorTests().withClient(testConfiguration(images: 400)) { client, _ in
            let listed = try await client.allInstances(matching: InstanceQuery())
            #expect(!listed.instances.contains { $0.status == .ceased })
            let ceased = try await client.allInstances(matching: InstanceQuery(statuses: [.ceased]))
            #expect(ceased.totalCount > 0 && ceased.instances.allSatisfy { $0.status == .ceased })
            var paged: [Instance] = []
            while paged.count < listed.totalCount {
                let page = try await client.describeInstances(InstanceQuery(offset: paged.count, limit: 7))
                #expect(page.totalCount == listed.totalCount)
                try #require(!page.instances.isEmpty)
                paged += page.instances
            }
            #expect(paged == listed.instances, "pages of 7 add up to the pages of 100, in the same order")
            let two = Array(listed.instances.prefix(2).map(\.id))
            #expect(try await client.describeInstances(InstanceQuery(instanceIDs: two)).instances.map(\.id).sorted() == two.sorted())
            let word = try #require(listed.instances.first { !hasControlCharacters($0.name) && $0.name.count > 3 }).name
            let searched = try await client.allInstances(matching: InstanceQuery(searchWord: String(word.prefix(3))))
            #expect(searched.instances.allSatisfy { $0.name.lowercased().contains(word.prefix(3).lowercased()) || $0.id.contains(word.prefix(3).lowercased()) })
            #expect(!searched.instances.isEmpty)
        }
    }

    @Test func theSingleImageIDFormAndTheListFormAgree() async throws {
        try await withSimulator(testConfiguration(images: 400)) { api in
            let all = try await api.send([("limit", "100")], action: "DescribeInstances")
            let imageID = try #require(all.json?["instance_set"]?.arrayValue?.first?["image"]?["image_id"]?.stringValue)
            let single = try await api.send([("image_id", imageID), ("limit", "100")], action: "DescribeInstances")
            let listed = try await api.send([("image_id.1", imageID), ("limit", "100")], action: "DescribeInstances")
            #expect(single.retCode == 0 && single.json?["action"]?.stringValue == "DescribeInstancesResponse")
            #expect(Self.instanceIDs(single) == Self.instanceIDs(listed) && !Self.instanceIDs(single).isEmpty)
            #expect(single.totalCount == listed.totalCount)
        }
    }

    @Test func requestsAreCheckedLikeTheRest() async throws {
        var configuration = testConfiguration(images: 100)
        configuration.zones = ["pek3a", "sh1a"]
        configuration.failingZones = ["sh1a"]
        try await withSimulator(configuration) { api in
            #expect(try await api.send(action: "DescribeInstances", secret: "not-the-secret").retCode == 1200)
            #expect(try await api.send([("status.1", "exploded")], action: "DescribeInstances").retCode == 1100)
            #expect(try await api.send([("limit", "-1")], action: "DescribeInstances").retCode == 1100)
            #expect(try await api.send([("verbose", "2")], action: "DescribeInstances").retCode == 1100)
            #expect(try await api.send(action: "DescribeInstances", omitting: ["zone"]).retCode == 1100)
            #expect(try await api.send(action: "DescribeInstances", overriding: ["zone": "sh1a"]).retCode == 5000)
            #expect(try await api.send(action: "DescribeInstances", overriding: ["zone": "bj9z"]).retCode == 1100)
            let capped = try await api.send([("limit", "1000"), ("status.1", "running")], action: "DescribeInstances")
            #expect(Self.instanceIDs(capped).count == min(100, capped.totalCount ?? 0))
        }
    }

    @Test func theSameSeedServesTheSameInstances() async throws {
        let first = try await withSimulator(testConfiguration(images: 200)) { api in
            try await api.send([("limit", "100")], action: "DescribeInstances").body
        }
        let second = try await withSimulator(testConfiguration(images: 200)) { api in
            try await api.send([("limit", "100")], action: "DescribeInstances").body
        }
        #expect(first == second)
    }

    /// The INSTANCES column's counting: 100 image ids a request, each paged through, grouped by image.
    @Test func instanceCountsAskAHundredImagesARequestAndAddUpToTheListing() async throws {
        let configuration = testConfiguration(images: 250)
        try await ClientAgainstSimulatorTests().withClient(configuration) { client, simulator in
            let images = catalogue(of: configuration).map(\.id)
            let everything = try await client.allInstances(matching: InstanceQuery())
            let before = simulator.requestCount(action: "DescribeInstances", zone: configuration.zone)
            let counts = try await client.instanceCounts(of: images, zone: nil)
            let asked = simulator.requestCount(action: "DescribeInstances", zone: configuration.zone) - before
            #expect(counts == Dictionary(uniqueKeysWithValues: images.map { id in (id, everything.instances.filter { $0.imageID == id }.count) }))
            #expect(counts.values.contains { $0 > 1 } && counts.values.contains(0))
            // 3 groups of at most 100 ids; a group's instances take one page of 100 unless there are more.
            let pages = stride(from: 0, to: images.count, by: 100).map { start in
                let group = Set(images[start..<min(images.count, start + 100)])
                return max(1, (everything.instances.filter { group.contains($0.imageID) }.count + 99) / 100)
            }
            #expect(asked == pages.reduce(0, +))
        }
    }

    @Test func aDeniedActionIsRefusedWithPermissionDeniedAndTheOthersStillServe() async throws {
        var configuration = testConfiguration(images: 50)
        configuration.deniedActions = ["DescribeInstances"]
        try await ClientAgainstSimulatorTests().withClient(configuration) { client, _ throws in
            await #expect {
                _ = try await client.describeInstances(InstanceQuery(limit: 5))
            } throws: { error in
                guard case .api(let apiError, _) = error as? QingCloudError else { return false }
                return apiError.returnCode == .permissionDenied && apiError.message.contains("DescribeInstances")
            }
            #expect(try await client.describeImages(ImageQuery(limit: 5)).totalCount > 0)
        }
    }
}
