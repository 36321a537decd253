/// The images of a ``FilterIndex`` still in the running while a filter is checked, one bit each.
///
/// Filtering goes term by term over the images in index order (which reads the index's columns front to
/// back) and clears the bit of each image that fails; the list's rows, in sort order, then keep the
/// images whose bit survived.
struct FilterCandidates: Sendable {
    private var words: [UInt64]

    /// No image, out of `count`.
    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    mutating func insert(_ position: Int) {
        words[position >> 6] |= 1 << UInt64(position & 63)
    }

    func contains(_ position: Int) -> Bool {
        words[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    mutating func removeAll() {
        words.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Keeps the candidates for which `isKept` holds, asking in increasing order.
    @inline(__always)
    mutating func keep(where isKept: (Int) -> Bool) {
        words.withUnsafeMutableBufferPointer { words in
            for index in words.indices where words[index] != 0 {
                var word = words[index]
                var remaining = word
                while remaining != 0 {
                    let bit = remaining.trailingZeroBitCount
                    remaining &= remaining &- 1
                    if !isKept(index << 6 | bit) { word &= ~(1 << UInt64(bit)) }
                }
                words[index] = word
            }
        }
    }
}
