/// Distinct byte strings, each stored once and numbered from 0 in the order they were first added.
///
/// The pieces lie back to back in one array, and a hash table of piece numbers finds a piece again, so
/// a piece costs its bytes and about 12 more, with no allocation of its own. Hashing is the standard
/// library's (seeded per process), so text from a server cannot be chosen to make lookups slow.
struct PieceTable: Sendable {
    private var bytes: [UInt8] = []
    /// Where each piece ends in ``bytes``; piece `n` starts where piece `n - 1` ends.
    private var ends: [Int] = []
    /// Piece numbers by hash (open addressing, linear probing), -1 for free; never more than half full.
    private var buckets = [Int32](repeating: -1, count: 64)

    /// How many distinct pieces there are.
    var count: Int { ends.count }

    /// The number of `piece`, adding it when it is new.
    mutating func number(of piece: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = buckets.count - 1
        var bucket = Self.hash(piece) & mask
        while true {
            let number = Int(buckets[bucket])
            if number < 0 { break }
            if equals(number, piece) { return number }
            bucket = (bucket + 1) & mask
        }
        let number = ends.count
        bytes.append(contentsOf: piece)
        ends.append(bytes.count)
        buckets[bucket] = Int32(number)
        if ends.count * 2 > buckets.count { grow() }
        return number
    }

    /// Appends the bytes of piece `number` to `output`.
    func append(_ number: Int, to output: inout [UInt8]) {
        output.append(contentsOf: bytes[range(of: number)])
    }

    private func range(of number: Int) -> Range<Int> {
        (number == 0 ? 0 : ends[number - 1])..<ends[number]
    }

    private func equals(_ number: Int, _ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(of: number)
        guard range.count == piece.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            UnsafeBufferPointer(rebasing: stored[range]).elementsEqual(piece)
        }
    }

    private mutating func grow() {
        buckets = [Int32](repeating: -1, count: buckets.count * 2)
        let mask = buckets.count - 1
        bytes.withUnsafeBufferPointer { stored in
            for number in ends.indices {
                var bucket = Self.hash(UnsafeBufferPointer(rebasing: stored[range(of: number)])) & mask
                while buckets[bucket] >= 0 { bucket = (bucket + 1) & mask }
                buckets[bucket] = Int32(number)
            }
        }
    }

    private static func hash(_ piece: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(piece))
        return hasher.finalize()
    }
}
