import QingCloud
import SeededRandom
import Testing
@testable import FilterLanguage

/// A pasted filter: many alternatives in one term, many repeated words.
struct FilterAlternativesTests {
    @Test("many alternatives are found in one pass and agree with checking each on its own")
    func manyAlternativesAgreeWithEachAlone() {
        var random = SplitMix64(seed: 400)
        let words = ["Ubuntu", "server", "SRV", "银河", "麒麟", "22.04", "LTS", "img-1", "usr", "a"]
        let images = (0..<500).map {
            FilterFixtures.randomImage($0, words: words, osFamilies: ["ubuntu", "debian"], random: &random)
        }
        var index = FilterIndex()
        images.forEach { index.append($0) }
        let entries = images.map(FilterIndexEntry.init)
        let all = Array(0..<Int32(images.count))
        let alternatives = [
            ["img-1", "img-22", "img-333", "img-4"], ["银河", "lts", "srv", "zz"], ["a", "b", "c", "d", "e"],
            (0..<60).map { "img-\($0 * 7)" }, ["server", "serverx", "erv", "rver"], ["银", "河麒", "22.", ".04"],
        ]
        for values in alternatives {
            for prefix in ["", "name:", "!", "tag:", "id:", "desc:"] {
                let joined = ImageFilter.parse(prefix + values.joined(separator: "|"))
                let singles = values.map { ImageFilter.parse(prefix + $0) }
                let expected = all.filter { number in
                    let entry = entries[Int(number)]
                    return prefix == "!" ? singles.allSatisfy { $0.matches(entry) } : singles.contains { $0.matches(entry) }
                }
                #expect(index.numbers(all, passing: joined) == expected, "\(prefix)\(values.prefix(4))")
                let few = Array(all.prefix(5))
                #expect(index.numbers(few, passing: joined) == few.filter(expected.contains), "few: \(prefix)\(values.prefix(4))")
            }
        }
    }

    @Test("a pasted text repeating its words is checked once per distinct word")
    func repeatedTermsAreCheckedOnce() {
        let filter = ImageFilter.parse(Array(repeating: "ubuntu server ubuntu", count: 500).joined(separator: " "))
        #expect(filter.terms.count == 2)
        #expect(filter.matches(FilterFixtures.image(name: "Ubuntu Server")))
    }
}
