import FilterLanguage
import Foundation
import QingCloud
import Testing
@testable import qcimages

/// `list --filter`: the browser's filter language over what the server returned.
@Suite("qcimages list --filter")
struct ListFilterTests {
    static let images = [
        ImageListOutputTests.image("img-aaaaaaaa", name: "ubuntu 22.04", size: 20),
        ImageListOutputTests.image("img-bbbbbbbb", name: "debian 12", size: 50),
        ImageListOutputTests.image("img-cccccccc", name: "ubuntu 24.04", size: 100),
    ]

    @Test("it keeps what the filter bar would show, zone: terms matching the zone of untagged images")
    func narrows() throws {
        let filter = try #require(try ListFilter(parsing: "ubuntu size>=50 zone:pek3a"))
        #expect(filter.matching(Self.images, zone: "pek3a").map(\.id) == ["img-cccccccc"])
        #expect(filter.matching(Self.images, zone: "sh1a").isEmpty)
        #expect(Self.images.filter { ImageFilter.parse("ubuntu size>=50").matches($0) }.map(\.id) == ["img-cccccccc"])
    }

    @Test("no term: no filter at all")
    func empty() throws {
        #expect(try ListFilter(parsing: "") == nil)
        #expect(try ListFilter(parsing: "   ") == nil)
    }

    @Test("a term the language cannot read is one line naming it (the browser would show it red)",
          arguments: ["colour:red", "ubuntu size>>5", "status:availabel"])
    func invalid(_ text: String) {
        #expect {
            try ListFilter(parsing: text)
        } throws: { error in
            let line = String(describing: error)
            return line.hasPrefix("--filter \(text): ") && !line.contains("\n")
        }
    }
}
