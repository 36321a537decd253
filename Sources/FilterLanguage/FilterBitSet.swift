/// A set of small numbers (images or values of a ``FilterIndex``), one bit each.
///
/// Filtering goes term by term over the images in index order, which reads the index's arrays front to
/// back, and clears the bit of each image that fails; the list's rows, in sort order, then keep the
/// images whose bit survived.
struct FilterBitSet: Sendable {
    private var words: [UInt64]
    /// The numbers the set can hold are below this.
    private let capacity: Int

    /// The empty set, for numbers below `count`.
    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
        capacity = count
    }

    mutating func insert(_ number: Int) {
        words[number >> 6] |= 1 << UInt64(number & 63)
    }

    func contains(_ number: Int) -> Bool {
        words[number >> 6] & (1 << UInt64(number & 63)) != 0
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Adds the members of `other`, a set of numbers below the same count.
    mutating func formUnion(_ other: FilterBitSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// Keeps the members for which `isKept` holds, asking in increasing order.
    @inline(__always)
    mutating func keep(where isKept: (Int) -> Bool) {
        keepBits { number in isKept(number) ? 1 : 0 }
    }

    /// Keeps the members for which `keptBit` is 1 (rather than 0), asking in increasing order; where
    /// most numbers are members, also asks about the few that are not (and ignores the answer), which
    /// costs less than picking the members out one by one.
    @inline(__always)
    mutating func keepBits(where keptBit: (Int) -> UInt64) {
        words.withUnsafeMutableBufferPointer { words in
            for index in words.indices where words[index] != 0 {
                let members = words[index]
                var kept: UInt64 = 0
                if members.nonzeroBitCount > 48, (index + 1) << 6 <= capacity {
                    for bit in 0..<64 { kept |= keptBit(index << 6 | bit) << UInt64(bit) }
                    kept &= members
                } else {
                    var remaining = members
                    while remaining != 0 {
                        let bit = remaining.trailingZeroBitCount
                        remaining &= remaining &- 1
                        kept |= keptBit(index << 6 | bit) << UInt64(bit)
                    }
                }
                words[index] = kept
            }
        }
    }

    /// Lends the set's words (bit `n % 64` of word `n / 64` stands for `n`) for adding many members.
    mutating func withWords<Result>(_ body: (UnsafeMutableBufferPointer<UInt64>) -> Result) -> Result {
        words.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Lends the set for many lookups without bounds checks or retains.
    func withMembership<Result>(_ body: (FilterBitSetView) -> Result) -> Result {
        words.withUnsafeBufferPointer { body(FilterBitSetView(words: $0)) }
    }
}

/// A ``FilterBitSet`` lent for reading.
struct FilterBitSetView {
    let words: UnsafeBufferPointer<UInt64>

    @inline(__always)
    func contains(_ number: Int) -> Bool {
        bit(number) != 0
    }

    /// 1 when the set holds `number`, else 0: for combining many lookups without branching.
    @inline(__always)
    func bit(_ number: Int) -> UInt64 {
        words[number >> 6] >> UInt64(number & 63) & 1
    }
}
