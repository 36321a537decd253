import QingCloud
import SeededRandom
import Testing
@testable import FilterLanguage

/// The catalogue filters all its images at once through one ``FilterIndex``: it must agree with matching
/// each image on its own, whatever the numbers asked about, after replacements and compaction too.
struct FilterIndexTests {
    static let filters = [
        "ubuntu", "u", "22", "server 22", "\"server 22\"", "银河", "麒麟", "ÉCOLE", "école", "ωμέγα", "ＡＢＣ",
        "status:available", "status:creating|deleted", "!status:available", "os:ubuntu", "os:UBUNTU",
        "os:kylin麒麟", "os:école", "os:ecole", "arch:32", "visibility:public", "provider:self",
        "owner:usr-3", "tag:prod", "tag:tag-7x", "name:srv", "id:img-1", "desc:lts", "size>=50", "!size<20",
        "server|debian !deleted size>10", "!u", "nothing-like-this", "İstanbul", "i̇stanbul", "istanbul",
    ]

    @Test func filteringTheIndexAgreesWithMatchingEachImage() {
        var random = SplitMix64(seed: 7)
        var index = FilterIndex()
        var images = (0..<400).map { Self.randomImage($0, &random) }
        images.forEach { index.append($0) }
        let all = (0..<Int32(images.count)).shuffled(using: &random)
        for round in 0..<3 {
            for number in images.indices where Bool.random(using: &random) {
                images[number] = Self.randomImage(number, &random)
                index.replace(number, with: images[number])
            }
            let subset = all.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.shuffled(using: &random)
            let few = Array(subset.prefix(3))
            for text in Self.filters {
                let filter = ImageFilter.parse(text)
                for (numbers, name) in [(all, "all"), (subset, "a subset"), (few, "a few")] {
                    let expected = numbers.filter { filter.matches(images[Int($0)]) }
                    #expect(index.numbers(numbers, passing: filter) == expected, "\(text) on \(name), round \(round)")
                }
            }
        }
    }

    @Test func termsKnownToPassAreNotCheckedAgainButTheOthersAre() {
        var random = SplitMix64(seed: 11)
        var index = FilterIndex()
        (0..<300).forEach { index.append(Self.randomImage($0, &random)) }
        let all = Array(0..<Int32(index.count))
        for (oldText, newText) in [("ubuntu", "ubuntu 22"), ("srv", "srv srv"), ("u", "u !status:deleted size>=20")] {
            let old = ImageFilter.parse(oldText)
            let new = ImageFilter.parse(newText)
            let view = index.numbers(all, passing: old)
            #expect(index.numbers(view, passing: new, knownToPass: old) == index.numbers(all, passing: new), "\(newText)")
        }
    }

    @Test func replacingImagesOverAndOverKeepsTheValuesCompact() {
        var index = FilterIndex()
        index.append(FilterFixtures.image(name: "first"))
        let size = index.table.bytes.count
        for number in 0..<1_000 {
            index.replace(0, with: FilterFixtures.image(name: "renamed \(number)"))
        }
        #expect(index.table.bytes.count <= 3 * size)
        for (text, expected) in [("\"renamed 999\"", true), ("\"renamed 998\"", false), ("first", false)] {
            #expect(ImageFilter.parse(text).program.passes(0, in: index) == expected, "\(text)")
        }
    }

    @Test func exactFieldsIgnoreCaseInAnyScript() {
        for os in ["ubuntu", "Ubuntu", "UBUNTU"] {
            let image = FilterFixtures.image(os: os)
            #expect(ImageFilter.parse("os:ubuntu").matches(image), "\(os)")
            #expect(ImageFilter.parse("os:UbUnTu").matches(image), "\(os)")
            #expect(!ImageFilter.parse("os:ubunt").matches(image), "\(os)")
        }
        let kylin = FilterFixtures.image(os: "Kylin麒麟")
        #expect(ImageFilter.parse("os:KYLIN麒麟").matches(kylin))
        #expect(!ImageFilter.parse("os:kylin").matches(kylin))
        let french = FilterFixtures.image(os: "ÉCOLE")
        #expect(ImageFilter.parse("os:école").matches(french))
        #expect(!ImageFilter.parse("os:ecole").matches(french))
    }

    @Test func lowercasingThatChangesLengthStillMatches() {
        let image = FilterFixtures.image(name: "İSTANBUL ΣΊΣΥΦΟΣ")
        for text in ["İstanbul", "İSTANBUL", "ΣΊΣΥΦΟ", "σίσυφο", "name:σίσυφο"] {
            #expect(ImageFilter.parse(text).matches(image), "\(text)")
        }
        #expect(!ImageFilter.parse("istanbulx").matches(image))
    }

    private static func randomImage(_ number: Int, _ random: inout SplitMix64) -> Image {
        FilterFixtures.randomImage(
            number, words: ["Ubuntu", "server", "SRV", "银河", "麒麟", "ÉCOLE", "Ωμέγα", "ＡＢＣ", "22.04", "LTS", "u", "İstanbul"],
            osFamilies: ["ubuntu", "UBUNTU", "Kylin麒麟", "École", "debian"], random: &random)
    }
}
