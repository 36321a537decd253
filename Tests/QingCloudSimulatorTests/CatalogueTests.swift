import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// The catalogue is deterministic, varied and full of what a client must survive.
@Suite struct CatalogueTests {
    let images = SeededCatalogue.generate(count: 2_500, seed: 1, now: fixedNow)

    @Test func theSameSeedGivesTheSameCatalogue() {
        #expect(SeededCatalogue.generate(count: 2_500, seed: 1, now: fixedNow) == images)
    }

    @Test func anotherSeedGivesAnotherCatalogue() {
        let other = SeededCatalogue.generate(count: 2_500, seed: 2, now: fixedNow)
        #expect(Set(other.map(\.id)).isDisjoint(with: images.map(\.id)))
    }

    @Test func onlyTheTimesDependOnNow() {
        let later = SeededCatalogue.generate(count: 2_500, seed: 1, now: fixedNow.addingTimeInterval(86_400))
        #expect(Set(later.map(\.id)) == Set(images.map(\.id)))
        let byID = Dictionary(uniqueKeysWithValues: images.map { ($0.id, $0) })
        for image in later {
            #expect(image.name == byID[image.id]?.name)
            #expect(image.createTime == byID[image.id]?.createTime?.addingTimeInterval(86_400))
        }
    }

    @Test func idsAreUniqueAndShapedLikeQingCloudIDs() {
        #expect(Set(images.map(\.id)).count == images.count)
        for image in images {
            #expect(image.id.count == 12 && image.id.hasPrefix("img-"))
            #expect(image.id.dropFirst(4).allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        }
    }

    @Test func everyDocumentedStatusAndTransitionIsPresentEvenInASmallCatalogue() {
        let small = SeededCatalogue.generate(count: 60, seed: 9, now: fixedNow)
        let states = Set(small.map { "\($0.status)/\($0.transitionStatus?.rawValue ?? "")" })
        for (status, transition) in CatalogueGenerator.documentedStates {
            #expect(states.contains("\(status)/\(transition?.rawValue ?? "")"))
        }
    }

    @Test func everyHostileStringIsPlantedInNamesDescriptionsAndTags() {
        let names = Set(images.map(\.name))
        for sample in HostileText.samples + HostileText.shellSamples {
            #expect(names.contains(sample), "\(sample.debugDescription)")
        }
        #expect(images.contains { hasControlCharacters($0.description ?? "") })
        #expect(images.contains { $0.tags.contains { hasControlCharacters($0.name) && hasControlCharacters($0.value) } })
        let hostileShare = Double(images.filter { hasControlCharacters($0.name) }.count) / Double(images.count)
        #expect(hostileShare < 0.03)
    }

    @Test func theCatalogueIsVariedLikeARealAccount() {
        #expect(Set(images.map(\.osFamily)).isSuperset(of: [
            "centos", "ubuntu", "debian", "fedora", "windows", "opensuse", "rockylinux", "almalinux", "kylin", "uos",
            "freebsd", "arch",
        ]))
        #expect(Set(images.map(\.processorType)) == [.bits64, .bits32])
        #expect(Set(images.map(\.provider)) == [.system, .self])
        #expect(Set(images.map(\.visibility)) == [.public, .private])
        #expect(images.allSatisfy { (20...500).contains($0.sizeGB) })
        #expect(Set(images.map(\.sizeGB)).count > 5)
        #expect(images.filter { $0.provider == .system }.allSatisfy { $0.owner == "system" && $0.visibility == .public })
        #expect(images.filter { $0.provider == .self }.allSatisfy { $0.owner.hasPrefix("usr-") && $0.owner.count == 12 })
        #expect(images.allSatisfy { ($0.platform == .windows) == ($0.osFamily == "windows") })
    }

    @Test func namesAndDescriptionsComeInEveryShape() {
        #expect(images.contains { $0.name == "CentOS 7.9 64bit" })
        #expect(images.contains { $0.name == "Ubuntu Server 22.04 LTS 64bit" })
        #expect(images.contains { $0.name == "银河麒麟高级服务器操作系统 V10 SP2" })
        #expect(images.contains { $0.name == "统信UOS 服务器版 20" })
        #expect(images.contains { $0.name.hasPrefix("数据库镜像-生产环境") })
        #expect(images.contains { $0.name.count > 150 })
        #expect(images.contains { $0.description == nil })
        #expect(images.contains { $0.description == "" })
        #expect(images.contains { ($0.description?.count ?? 0) > 500 })
        let tags = images.flatMap(\.tags)
        #expect(Set(tags.map(\.id)).count > 5)
        #expect(tags.allSatisfy { $0.color.hasPrefix("#") && $0.color.count == 7 })
        #expect(tags.contains { $0.name.contains("测试") })
    }

    @Test func timesAreConsistentWithTheLifecycle() throws {
        let threeYearsAgo = fixedNow.addingTimeInterval(-3 * 365 * 86_400)
        for image in images {
            let created = try #require(image.createTime)
            let changed = try #require(image.statusTime)
            #expect(created >= threeYearsAgo && created <= fixedNow)
            #expect(changed >= created && changed <= fixedNow)
            if image.status == .deleted {
                #expect(fixedNow.timeIntervalSince(changed) < 7200, "deleted more than 2 hours ago would be ceased")
            }
            if image.transitionStatus != nil {
                #expect(fixedNow.timeIntervalSince(changed) <= 60)
            }
        }
    }

    @Test func theListingOrderIsNewestFirstThenID() {
        for (earlier, later) in zip(images, images.dropFirst()) {
            #expect(earlier.createTime! > later.createTime! || (earlier.createTime == later.createTime && earlier.id < later.id))
        }
    }

    @Test func rawHoldsTheServerObjectWithItsExtras() throws {
        let image = images[0]
        let raw = try #require(image.raw.objectValue)
        #expect(raw["image_id"] == .string(image.id))
        #expect(raw["sub_code"] == .int(0))
        #expect(raw["hypervisor"] == .string("kvm"))
        #expect(raw["default_user"]?.stringValue?.isEmpty == false)
        #expect(try Image(json: image.raw) == image)
    }
}
