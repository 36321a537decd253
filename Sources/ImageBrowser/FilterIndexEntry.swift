import QingCloud

/// One image's searchable fields, lowercased once, for matching a single image against many filters.
///
/// A ``FilterIndex`` holding just this image: the catalogue keeps one index for all its images instead,
/// which is what makes filtering 100,000 of them at every keystroke fast. Equal for images whose
/// searchable fields are equal ignoring case.
public struct FilterIndexEntry: Sendable, Hashable {
    let index: FilterIndex

    public init(_ image: Image) {
        var index = FilterIndex()
        index.append(image)
        self.index = index
    }

    public static func == (lhs: FilterIndexEntry, rhs: FilterIndexEntry) -> Bool {
        lhs.index.sizes == rhs.index.sizes && lhs.index.layouts == rhs.index.layouts && lhs.index.text == rhs.index.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index.sizes)
        hasher.combine(index.text)
    }
}

/// Where each field of an image's text in a ``FilterIndex`` starts: id (at 0), name, description,
/// OS family, status, transition status, each tag's name, key and value, each tag's id, owner, processor
/// type, visibility, provider; `count` is where the text ends.
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

    /// The pairs of `bytes`, leaving out those that touch a ``FilterIndex/fieldSeparator``.
    init(_ bytes: some Collection<UInt8>) {
        var previous = FilterIndex.fieldSeparator
        for byte in bytes {
            if previous != FilterIndex.fieldSeparator, byte != FilterIndex.fieldSeparator {
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
