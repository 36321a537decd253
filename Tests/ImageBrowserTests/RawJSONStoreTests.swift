import Foundation
import JSONEngine
import QingCloud
import QingCloudSimulator
import SeededRandom
import Testing
@testable import ImageBrowser

@Suite("Compact storage of the images' JSON objects")
struct RawJSONStoreTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// 1,000 seeded images as a client reads them: decoded from one answer body, so that each object is
    /// a slice of it, with hostile names and descriptions mixed in.
    static let decoded: [Image] = {
        var images = SeededCatalogue.generate(count: 1_000, seed: 17, now: now)
        for index in stride(from: 0, to: images.count, by: 9) {
            let hostile = HostileText.samples[index % HostileText.samples.count]
            images[index].name = hostile
            images[index].description = hostile + "\n" + hostile
            images[index].raw = images[index].apiObject
        }
        var body = Array(#"{"ret_code":0,"total_count":1000,"image_set":["#.utf8)
        for (index, image) in images.enumerated() {
            if index > 0 { body += Array(",".utf8) }
            body += Array(image.rawJSON.bytes)
        }
        body += Array("]}".utf8)
        return try! ImagePage(describeImagesAnswer: body).images
    }()

    @Test("1,000 seeded images come back from the store byte for byte")
    func roundTrip() {
        #expect(Self.decoded.count == 1_000)
        var store = RawJSONStore()
        for (slot, image) in Self.decoded.enumerated() { store.set(slot, image.rawJSON, known: []) }
        for (slot, image) in Self.decoded.enumerated() {
            #expect(Array(store.text(slot, known: []).bytes) == Array(image.rawJSON.bytes))
        }
    }

    @Test("an image's id and name, passed as known pieces, are not stored again and come back in place")
    func knownPieces() {
        func known(_ image: Image) -> [[UInt8]] { [RawJSONStore.quoted(image.id), RawJSONStore.quoted(image.name)] }
        var plain = RawJSONStore(), sparing = RawJSONStore()
        for (slot, image) in Self.decoded.enumerated() {
            plain.set(slot, image.rawJSON, known: [])
            sparing.set(slot, image.rawJSON, known: known(image))
        }
        for (slot, image) in Self.decoded.enumerated() {
            #expect(Array(sparing.text(slot, known: known(image)).bytes) == Array(image.rawJSON.bytes))
        }
        #expect(sparing.pieceCount + 1_000 < plain.pieceCount)
        #expect(RawJSONStore.quoted("a\"b").isEmpty && RawJSONStore.quoted("名") == Array("\"名\"".utf8))
    }

    @Test("the catalog gives back every image equal to the one merged, its JSON byte for byte")
    func catalogRoundTrip() {
        var catalog = ImageCatalog()
        _ = catalog.merge(Self.decoded)
        #expect(catalog.count == Self.decoded.count)
        for image in Self.decoded {
            let stored = catalog.image(forKey: image.key)
            #expect(stored == image)
            #expect(stored.map { Array($0.rawJSON.bytes) } == Array(image.rawJSON.bytes))
            #expect(stored?.raw == image.raw)
        }
    }

    @Test("an image whose only change is an unknown field shows the new JSON")
    func unknownFieldChange() throws {
        var catalog = ImageCatalog()
        let image = Self.decoded[1]
        _ = catalog.merge([image])
        guard case .object(var members) = image.raw else { throw Failure("not an object") }
        members["features"] = .int(7)
        var changed = image
        changed.raw = .object(members)
        let result = catalog.merge([changed])
        #expect(result.changed.isEmpty)
        #expect(catalog.image(forKey: image.key)?.rawJSON.description == changed.rawJSON.description)
    }

    @Test("repeated keys and values are stored once: the same objects again add no piece")
    func piecesInterned() {
        var store = RawJSONStore()
        for (slot, image) in Self.decoded.enumerated() { store.set(slot, image.rawJSON, known: []) }
        let distinct = store.pieceCount
        for (slot, image) in Self.decoded.prefix(200).enumerated() { store.set(1_000 + slot, image.rawJSON, known: []) }
        #expect(store.pieceCount == distinct)
        #expect(Array(store.text(1_199, known: []).bytes) == Array(Self.decoded[199].rawJSON.bytes))
        let total = Self.decoded.reduce(0) { count, image in
            var pieces = 0
            image.rawJSON.bytes.withUnsafeBufferPointer { RawJSONStore.cut($0) { _ in pieces += 1 } }
            return count + pieces
        }
        #expect(distinct * 3 < total)
    }

    @Test("replacing objects many times (compacting on the way) keeps every slot right")
    func replacements() {
        var store = RawJSONStore()
        var expected: [[UInt8]] = []
        for (slot, image) in Self.decoded.prefix(300).enumerated() {
            store.set(slot, image.rawJSON, known: [])
            expected.append(Array(image.rawJSON.bytes))
        }
        var random = SplitMix64(seed: 3)
        for round in 0..<3_000 {
            let slot = Int(random.next() % 300)
            let source = Self.decoded[Int(random.next() % 1_000)]
            let text = round % 3 == 0 ? JSONText(bytes: source.rawJSON.bytes.prefix(Int(random.next() % 40))) : source.rawJSON
            store.set(slot, text, known: [])
            expected[slot] = Array(text.bytes)
        }
        for slot in expected.indices {
            #expect(Array(store.text(slot, known: []).bytes) == expected[slot], "slot \(slot)")
        }
    }

    @Test("any bytes come back as they went in: spacing, escapes, broken strings, not JSON at all")
    func arbitraryBytes() {
        var samples: [[UInt8]] = [
            [], Array("\"".utf8), Array("\"\\".utf8), Array("{\"a\" :\t\"b\\\"c\" , \"d\"\n:[1,2,\"x\"]}".utf8),
            Array(",,,::\"\":\"\"".utf8), Array("{\"k\":\"\\u00e9\\\\\",\"k\":null}".utf8), [0xFF, 0xFE, 0x22, 0x5C, 0x22],
        ]
        var random = SplitMix64(seed: 11)
        let alphabet = Array("{}[]\",:\\ \n0a".utf8) + [0xE4, 0xB8, 0xAD, 0xFF]
        for _ in 0..<500 {
            samples.append((0..<Int(random.next() % 60)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        var store = RawJSONStore()
        for (slot, sample) in samples.enumerated() { store.set(slot, JSONText(bytes: sample[...]), known: []) }
        for (slot, sample) in samples.enumerated() {
            #expect(Array(store.text(slot, known: []).bytes) == sample)
        }
    }

    @Test("a piece table numbers equal bytes alike and different bytes apart, across growth")
    func pieceTable() {
        var table = PieceTable()
        let pieces = (0..<5_000).map { Array("piece \($0 % 2_500)".utf8) }
        let numbers = pieces.map { piece in piece.withUnsafeBufferPointer { table.number(of: $0) } }
        #expect(table.count == 2_500)
        for (index, number) in numbers.enumerated() {
            #expect(number == index % 2_500)
            var bytes: [UInt8] = []
            table.append(number, to: &bytes)
            #expect(bytes == pieces[index])
        }
    }

    struct Failure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

@Suite("Repeated texts and tag lists kept once")
struct SharedValuesTests {
    /// Where a string's bytes live (equal for two strings that share one copy).
    static func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    /// Every value is built at run time, so that each image starts with copies of its own.
    @Test("images read apart share one copy of an equal long name, description and tag list")
    func sharesEqualValues() {
        let tags = [Tag(id: "tag-1", name: "production", key: "env", value: "production", color: "#ff0000", owner: "usr-1")]
        func make(_ number: Int) -> Image {
            var image = Fixtures.image(number, name: "容器节点-华北 " + String(20_220_818),
                                       description: String(repeating: "golden image ", count: 3), tags: tags.map { $0 })
            image.owner = "usr-" + String(repeating: "x", count: 20)
            return image
        }
        var shared = SharedValues()
        let first = shared.sharing(make(1)), second = shared.sharing(make(2))
        #expect(first == make(1) && second == make(2))
        #expect(Self.storage(first.name) == Self.storage(second.name))
        #expect(Self.storage(first.description!) == Self.storage(second.description!))
        #expect(Self.storage(first.owner) == Self.storage(second.owner))
        #expect(first.tags.withUnsafeBufferPointer { $0.baseAddress } == second.tags.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test("texts Swift calls equal but written with other bytes stay as they came")
    func keepsBytes() {
        var shared = SharedValues()
        let composed = "Caf\u{E9} image for the team", decomposed = "Cafe\u{301} image for the team"
        #expect(composed == decomposed)
        let first = shared.sharing(Fixtures.image(1, name: composed, tags: [Tag(id: "t", name: composed, key: "k", value: "v", color: "", owner: "")]))
        let second = shared.sharing(Fixtures.image(2, name: decomposed, tags: [Tag(id: "t", name: decomposed, key: "k", value: "v", color: "", owner: "")]))
        #expect(Array(first.name.utf8) == Array(composed.utf8))
        #expect(Array(second.name.utf8) == Array(decomposed.utf8))
        #expect(Array(second.tags[0].name.utf8) == Array(decomposed.utf8))
    }
}
