import QingCloud

/// An image's searchable fields, lowercased once when its page loads.
///
/// The filter bar re-filters up to 100,000 images at every keystroke. Matching an entry needs no
/// lowercasing and no allocation, and the small summary stored inline (size, hashes of the exactly
/// matched fields, a Bloom filter of byte pairs) rules out most images without reading their text.
/// Build one per image with ``init(_:)``, keep it beside the image and rebuild it when a refresh
/// changes the image.
public struct FilterIndexEntry: Sendable, Hashable {
    /// The byte pairs of the fields that substring search reads.
    let bigrams: FilterBigramSet
    /// The lowercased fields themselves, read only when the summary cannot decide.
    let text: FilterIndexText
    /// Hashes of the fields that filters match exactly.
    let exactHashes: ExactFieldHashes
    let sizeGB: Int32

    /// Ends every field in the text: UTF-8 never uses this byte, so no needle matches across two fields.
    static let fieldSeparator: UInt8 = 0xFF

    public init(_ image: Image) {
        text = FilterIndexText(image)
        (bigrams, exactHashes) = text.withText { text, layout in
            (
                FilterBigramSet(text[..<Int(layout.processorType)]),
                ExactFieldHashes { field in ExactFieldHashes.hash(text[layout.value(field)]) }
            )
        }
        sizeGB = Int32(clamping: image.sizeGB)
    }
}

/// An entry's lowercased text (the fields in the order of ``FilterFieldLayout``, each followed by
/// ``FilterIndexEntry/fieldSeparator``) preceded by its layout, in one array: reading both costs one
/// memory access.
struct FilterIndexText: Sendable, Hashable {
    private let storage: [UInt8]
    private static let layoutSize = MemoryLayout<FilterFieldLayout>.size

    init(_ image: Image) {
        var storage = [UInt8](repeating: 0, count: Self.layoutSize)
        var layout = FilterFieldLayout()
        func append(_ field: String) {
            Self.appendLowercased(field, to: &storage)
            storage.append(FilterIndexEntry.fieldSeparator)
        }
        func mark(_ start: inout UInt32) { start = UInt32(storage.count - Self.layoutSize) }
        append(image.id)
        mark(&layout.name)
        append(image.name)
        mark(&layout.description)
        append(image.description ?? "")
        mark(&layout.os)
        append(image.osFamily)
        mark(&layout.status)
        append(image.status.rawValue)
        mark(&layout.transition)
        append(image.transitionStatus?.rawValue ?? "")
        mark(&layout.tags)
        for tag in image.tags {
            append(tag.name)
            append(tag.key)
            append(tag.value)
        }
        mark(&layout.tagIDs)
        for tag in image.tags { append(tag.id) }
        mark(&layout.owner)
        append(image.owner)
        mark(&layout.processorType)
        append(image.processorType.rawValue)
        mark(&layout.visibility)
        append(image.visibility.rawValue)
        mark(&layout.provider)
        append(image.provider.rawValue)
        mark(&layout.count)
        storage.withUnsafeMutableBytes { $0.storeBytes(of: layout, as: FilterFieldLayout.self) }
        self.storage = storage
    }

    private static func appendLowercased(_ field: String, to storage: inout [UInt8]) {
        guard field.utf8.allSatisfy({ $0 < 0x80 }) else {
            storage.append(contentsOf: field.lowercased().utf8)
            return
        }
        for byte in field.utf8 {
            storage.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
        }
    }

    func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>, FilterFieldLayout) -> Result) -> Result {
        storage.withUnsafeBufferPointer { storage in
            let layout = UnsafeRawBufferPointer(storage).loadUnaligned(as: FilterFieldLayout.self)
            return body(UnsafeBufferPointer(rebasing: storage[Self.layoutSize...]), layout)
        }
    }
}

/// Where each field of a ``FilterIndexText`` starts: id (at 0), name, description, OS family, status,
/// transition status, each tag's name, key and value, each tag's id, owner, processor type, visibility,
/// provider; `count` is where the text ends.
struct FilterFieldLayout: Sendable, Hashable {
    var name: UInt32 = 0
    var description: UInt32 = 0
    var os: UInt32 = 0
    var status: UInt32 = 0
    var transition: UInt32 = 0
    var tags: UInt32 = 0
    var tagIDs: UInt32 = 0
    var owner: UInt32 = 0
    var processorType: UInt32 = 0
    var visibility: UInt32 = 0
    var provider: UInt32 = 0
    var count: UInt32 = 0

    /// Where a bare word may match: id, name, description, OS family, status, transition status and
    /// the tags' names, keys and values (separators included: no needle contains one).
    var freeText: Range<Int> { 0..<Int(tagIDs) }

    /// Where a substring field's value may match (separators included).
    func substringRange(of field: FilterField) -> Range<Int> {
        let (start, end): (UInt32, UInt32) = switch field {
        case .id: (0, name)
        case .name: (name, description)
        case .description: (description, os)
        case .tag: (tags, owner)
        case .owner: (owner, processorType)
        case .status, .os, .arch, .visibility, .provider: (0, 0)
        }
        return Int(start)..<Int(end)
    }

    /// The value of an exactly matched field, without its separator.
    func value(_ field: ExactField) -> Range<Int> {
        let (start, next): (UInt32, UInt32) = switch field {
        case .os: (os, status)
        case .status: (status, transition)
        case .transition: (transition, tags)
        case .processorType: (processorType, visibility)
        case .visibility: (visibility, provider)
        case .provider: (provider, count)
        }
        return Int(start)..<(Int(next) - 1)
    }
}

/// The fields that filters match exactly (`status:` matches the status or the transition status).
enum ExactField: Int, CaseIterable {
    case os, status, transition, processorType, visibility, provider
}

/// Short FNV-1a hashes of the exactly matched fields: an entry's text is read only when one matches.
struct ExactFieldHashes: Sendable, Hashable {
    private var hashes: SIMD8<UInt16> = .zero

    init(_ hash: (ExactField) -> UInt16) {
        for field in ExactField.allCases { hashes[field.rawValue] = hash(field) }
    }

    subscript(field: ExactField) -> UInt16 { hashes[field.rawValue] }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt16 {
        let hash = bytes.reduce(0x811C_9DC5 as UInt32) { ($0 ^ UInt32($1)) &* 0x0100_0193 }
        return UInt16(truncatingIfNeeded: hash ^ hash >> 16)
    }
}

/// A 512-bit Bloom filter of the adjacent byte pairs in a text.
///
/// A needle can occur in a text only if every byte pair of the needle is in the text's set, so one
/// comparison rules out most images before their text is read.
struct FilterBigramSet: Sendable, Hashable {
    // Eight named words rather than a SIMD vector or a tuple: the optimiser keeps them in registers.
    private var word0: UInt64 = 0
    private var word1: UInt64 = 0
    private var word2: UInt64 = 0
    private var word3: UInt64 = 0
    private var word4: UInt64 = 0
    private var word5: UInt64 = 0
    private var word6: UInt64 = 0
    private var word7: UInt64 = 0

    /// The pairs of `bytes`, leaving out those that touch a ``FilterIndexEntry/fieldSeparator``.
    init(_ bytes: some Collection<UInt8>) {
        var previous = FilterIndexEntry.fieldSeparator
        for byte in bytes {
            if previous != FilterIndexEntry.fieldSeparator, byte != FilterIndexEntry.fieldSeparator {
                insert(previous, byte)
            }
            previous = byte
        }
    }

    /// Sets two bits per pair, so that a rare pair is seldom hidden behind a common one.
    private mutating func insert(_ first: UInt8, _ second: UInt8) {
        let pair = UInt32(first) << 8 | UInt32(second)
        set((pair &* 0x9E37_79B1) >> 23)
        set((pair &* 0x85EB_CA77) >> 23)
    }

    private mutating func set(_ bit: UInt32) {
        let mask: UInt64 = 1 << (bit & 63)
        switch bit >> 6 {
        case 0: word0 |= mask
        case 1: word1 |= mask
        case 2: word2 |= mask
        case 3: word3 |= mask
        case 4: word4 |= mask
        case 5: word5 |= mask
        case 6: word6 |= mask
        default: word7 |= mask
        }
    }

    func contains(_ other: FilterBigramSet) -> Bool {
        let missing = (other.word0 & ~word0) | (other.word1 & ~word1) | (other.word2 & ~word2)
            | (other.word3 & ~word3) | (other.word4 & ~word4) | (other.word5 & ~word5)
            | (other.word6 & ~word6) | (other.word7 & ~word7)
        return missing == 0
    }
}
