import QingCloud
import SeededRandom
import Testing
@testable import FilterLanguage

struct FilterMatchingTests {
    @Test(arguments: [
        ("server", ["centos", "ubuntu", "windows"]),
        ("SERVER", ["centos", "ubuntu", "windows"]),
        ("SeRvEr 2022", ["windows"]),
        ("img-deb", ["debian"]),
        ("deprecated", ["debian"]),
        ("recovering", ["centos"]),
        ("kylin", ["kylin"]),
        ("official", ["ubuntu"]),
        ("国产", ["kylin"]),
        ("生产", ["kylin"]),
        ("env", ["kylin"]),
        ("production", ["kylin"]),
        ("billing", ["windows"]),
        ("FINANCE", ["windows"]),
        ("usr-8765", []),
        ("tag-rj6", []),
        ("nothing-like-this", []),
    ])
    func bareWordsSearchTheDisplayedFields(text: String, expected: [String]) {
        #expect(FilterFixtures.matches(text) == expected)
    }

    @Test(arguments: [
        ("\"server 2022\"", ["windows"]),
        ("\"2022 server\"", []),
        ("2022 server", ["windows"]),
        ("\"server 22.04\"", ["centos", "ubuntu"]),
        ("name:\"银河 麒麟\"", ["kylin"]),
        ("\"银河 麒麟 v10\"", ["kylin"]),
        ("name:\"server 22.04\"", ["ubuntu"]),
    ])
    func quotedPhrases(text: String, expected: [String]) {
        #expect(FilterFixtures.matches(text) == expected)
    }

    @Test(arguments: [
        ("status:available", ["ubuntu"]),
        ("STATUS:Deleted", ["centos"]),
        ("status:recovering", ["centos"]),
        ("status:available|pending", ["kylin", "ubuntu"]),
        ("status:creating|deprecated", ["debian", "kylin"]),
        ("os:ubuntu", ["ubuntu"]),
        ("os:ubu", []),
        ("os_family:Windows", ["windows"]),
        ("os:centos|debian", ["centos", "debian"]),
        ("arch:32bit", ["debian"]),
        ("arch:32", ["debian"]),
        ("processor:32", ["debian"]),
        ("processor_type:64bit", ["centos", "kylin", "ubuntu", "windows"]),
        ("arch:64", ["centos", "kylin", "ubuntu", "windows"]),
        ("visibility:public", ["debian"]),
        ("vis:private", ["centos", "kylin", "ubuntu", "windows"]),
        ("provider:system", ["debian"]),
        ("provider:SELF", ["centos", "kylin", "ubuntu", "windows"]),
        ("owner:usr-8765", ["windows"]),
        ("owner:usr-", ["centos", "kylin", "ubuntu", "windows"]),
        ("owner:sys", ["debian"]),
        ("tag:billing", ["windows"]),
        ("tag:env", ["kylin"]),
        ("tag:finance", ["windows"]),
        ("tag:tag-rj6nhkn1", ["windows"]),
        ("tag:prod", ["kylin"]),
        ("name:server", ["ubuntu", "windows"]),
        ("name:麒麟", ["kylin"]),
        ("id:img-win", ["windows"]),
        ("id:server", []),
        ("desc:official", ["ubuntu"]),
        ("description:国产", ["kylin"]),
        ("description:ubuntu", []),
    ])
    func fieldTerms(text: String, expected: [String]) {
        #expect(FilterFixtures.matches(text) == expected)
    }

    @Test(arguments: [
        ("!status:deleted", ["debian", "kylin", "ubuntu", "windows"]),
        ("!server", ["debian", "kylin"]),
        ("!ubuntu|debian", ["centos", "kylin", "windows"]),
        ("ubuntu|debian", ["debian", "ubuntu"]),
        ("windows|kylin", ["kylin", "windows"]),
        ("server !status:deleted size<100", ["ubuntu", "windows"]),
        ("!os:windows !os:ubuntu", ["centos", "debian", "kylin"]),
    ])
    func negationAndAlternatives(text: String, expected: [String]) {
        #expect(FilterFixtures.matches(text) == expected)
    }

    @Test(arguments: [
        ("size>50", ["kylin", "windows"]),
        ("size>=50", ["centos", "kylin", "windows"]),
        ("size<40", ["ubuntu"]),
        ("size<=40", ["debian", "ubuntu"]),
        ("size=40", ["debian"]),
        ("size:40", ["debian"]),
        ("size>=50gb", ["centos", "kylin", "windows"]),
        ("!size>50", ["centos", "debian", "ubuntu"]),
        ("size>1000", []),
        ("size>=1T", []),
        ("size<1t", ["centos", "debian", "kylin", "ubuntu", "windows"]),
        ("size>50G", ["kylin", "windows"]),
        ("size>50g", ["kylin", "windows"]),
        ("size>=50GiB", ["centos", "kylin", "windows"]),
    ])
    func sizeComparisons(text: String, expected: [String]) {
        #expect(FilterFixtures.matches(text) == expected)
    }

    @Test func nonASCIITextMatchesCaseInsensitively() {
        let image = FilterFixtures.image(name: "ÉCOLE Ωμέγα ＡＢＣ")
        for text in ["école", "ÉCOLE", "ωμέγα", "ＡＢＣ", "ａｂｃ"] {
            #expect(ImageFilter.parse(text).matches(image), "\(text)")
        }
    }

    @Test func hostileFieldsAreMatchedAsPlainText() {
        let image = FilterFixtures.image(
            id: "img-evil0001",
            name: "\u{1B}]0;evil title\u{07}\u{1B}[2J",
            description: "\u{202E}gnp.exe\u{0}\r\u{9B}31m",
            tags: [FilterFixtures.tag(name: "\u{1B}]52;c;SGVsbG8=\u{07}")]
        )
        for text in ["evil", "\"evil title\"", "[2j", "gnp.exe", "sgvsbg8", "\u{1B}", "\u{202E}gnp", "31m"] {
            #expect(ImageFilter.parse(text).matches(image), "\(text.debugDescription)")
        }
        #expect(!ImageFilter.parse("!evil").matches(image))
        #expect(!ImageFilter.parse("\"evil title2\"").matches(image))
    }

    @Test func aNeedleNeverSpansTwoFields() {
        let image = FilterFixtures.image(id: "img-abcdefgh", name: "alpha", description: "beta", os: "gamma")
        #expect(ImageFilter.parse("alpha").matches(image))
        #expect(!ImageFilter.parse("alphabeta").matches(image))
        #expect(!ImageFilter.parse("\"alpha beta\"").matches(image))
        #expect(!ImageFilter.parse("betagamma").matches(image))
        #expect(!ImageFilter.parse("name:alphab").matches(image))
        #expect(!ImageFilter.parse("id:efghalpha").matches(image))
    }

    @Test func longFieldsAreSearchedToTheEnd() {
        let description = String(repeating: "padding text 银河 ", count: 10_000) + "needle"
        let image = FilterFixtures.image(name: "x", description: description)
        #expect(ImageFilter.parse("needle").matches(image))
        #expect(ImageFilter.parse("desc:needle").matches(image))
        #expect(!ImageFilter.parse("needles").matches(image))
    }

    @Test func theEmptyFilterMatchesEverything() {
        let image = FilterFixtures.image(name: "anything")
        #expect(ImageFilter.empty.matches(image))
        #expect(ImageFilter.empty.matches(FilterIndexEntry(image)))
        #expect(ImageFilter.parse("foo:bar").matches(image))
    }

    @Test func entriesAreEqualForImagesEqualIgnoringCase() {
        let image = FilterFixtures.catalogue["ubuntu"]!
        var shouting = image
        shouting.name = image.name.uppercased()
        shouting.osFamily = image.osFamily.uppercased()
        #expect(shouting.name != image.name)
        #expect(FilterIndexEntry(image) == FilterIndexEntry(shouting))
        #expect(FilterIndexEntry(image).hashValue == FilterIndexEntry(shouting).hashValue)
        var renamed = image
        renamed.name += "!"
        #expect(FilterIndexEntry(image) != FilterIndexEntry(renamed))
    }

    /// Random filters over random images agree with a plain, slow reading of the filter language.
    @Test func agreesWithAReferenceImplementation() {
        var random = SplitMix64(seed: 2024)
        let words = ["ubuntu", "Debian", "server", "srv", "银河", "麒麟", "prod", "dev", "22.04", "a", "ab", "zz",
                     "Q", "q", "rv", "ntu", "河麒", "e", "lts"]
        let images = (0..<300).map { number in
            FilterFixtures.randomImage(number, words: words, osFamilies: ["ubuntu", "Debian", "centos"], random: &random)
        }
        let entries = images.map(FilterIndexEntry.init)
        for _ in 0..<400 {
            let terms = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                ReferenceTerm.random(words: words, random: &random)
            }
            let filter = ImageFilter.parse(terms.map(\.text).joined(separator: " "))
            #expect(filter.syntaxError == nil, "\(filter.text)")
            for (image, entry) in zip(images, entries) {
                let expected = terms.allSatisfy { $0.holds(for: image) }
                #expect(filter.matches(entry) == expected, "\(filter.text) on \(image.name)")
            }
        }
    }
}

/// One term of a random filter, with the meaning the filter language gives it, computed the slow way.
private struct ReferenceTerm {
    var text: String
    var predicate: (Image) -> Bool

    func holds(for image: Image) -> Bool { predicate(image) }

    static func random(words: [String], random: inout SplitMix64) -> ReferenceTerm {
        let alternatives = (0..<Int.random(in: 1...2, using: &random)).map { _ in words.randomElement(using: &random)! }
        let negated = Int.random(in: 0..<4, using: &random) == 0
        let term: ReferenceTerm
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            term = field("name", alternatives) { [$0.name] }
        case 1:
            term = field("tag", alternatives) { $0.tags.flatMap { [$0.name, $0.key, $0.value, $0.id] } }
        case 2:
            let statuses = alternatives.map { _ in ImageStatus.documented.randomElement(using: &random)!.rawValue }
            term = ReferenceTerm(text: "status:" + statuses.joined(separator: "|")) { image in
                statuses.contains(image.status.rawValue) || statuses.contains(image.transitionStatus?.rawValue ?? "")
            }
        case 3:
            let bound = [10, 20, 50, 100].randomElement(using: &random)!
            term = ReferenceTerm(text: "size>=\(bound)") { $0.sizeGB >= bound }
        default:
            term = ReferenceTerm(text: alternatives.joined(separator: "|")) { image in
                let fields = [image.id, image.name, image.description ?? "", image.osFamily, image.status.rawValue,
                              image.transitionStatus?.rawValue ?? ""]
                    + image.tags.flatMap { [$0.name, $0.key, $0.value] }
                return alternatives.contains { word in fields.contains { $0.lowercased().contains(word.lowercased()) } }
            }
        }
        guard negated else { return term }
        return ReferenceTerm(text: "!" + term.text) { !term.holds(for: $0) }
    }

    private static func field(_ name: String, _ alternatives: [String], _ values: @escaping (Image) -> [String]) -> ReferenceTerm {
        ReferenceTerm(text: "\(name):" + alternatives.joined(separator: "|")) { image in
            alternatives.contains { word in values(image).contains { $0.lowercased().contains(word.lowercased()) } }
        }
    }
}
