/// Every distinct lowercased value in the searchable fields of a ``FilterIndex``'s images, each stored
/// once and numbered.
///
/// Many images share a description, tags, an OS or a status, so a needle is looked for once per distinct
/// value, in one pass over one buffer (or, for a one-byte needle, in a summary of the bytes each value
/// holds), and each image then only looks up whether its values were hit. Values no image uses any more
/// are dropped once they take half the buffer.
struct FilterValueTable: Sendable {
    /// The values one after another, each followed by ``separator``.
    private(set) var bytes: [UInt8] = []
    /// Where each value starts in ``bytes``, then where the next one would: one more than ``count``.
    private var starts: [Int] = [0]
    private var numbers: [[UInt8]: UInt32] = [:]
    /// How many image fields hold each value.
    private var references: [UInt32] = []
    /// How often each byte occurs in ``bytes``, to look for a needle by its rarest bytes.
    private var byteCounts = [Int](repeating: 0, count: 256)
    /// Which kinds of byte (see ``byteKind(_:)``) each value holds, to find one-byte needles fast.
    private var byteKinds: [UInt64] = []
    /// Bytes of values no image uses.
    private var unusedBytes = 0

    /// Ends every value (and the parts of a value made of several fields): UTF-8 never uses this byte, so
    /// no needle matches across two values or fields.
    static let separator: UInt8 = 0xFF

    var count: Int { references.count }

    /// The number of `value`; nil when no image has had it.
    func number(of value: [UInt8]) -> UInt32? {
        numbers[value]
    }

    /// Counts one more use of `value`, adding it when new; returns its number.
    mutating func retain(_ value: [UInt8]) -> UInt32 {
        if let number = numbers[value] {
            if references[Int(number)] == 0 { unusedBytes -= value.count + 1 }
            references[Int(number)] += 1
            return number
        }
        let number = UInt32(count)
        numbers[value] = number
        append(value, references: 1, kinds: Self.byteKinds(of: value))
        return number
    }

    /// Stores a value at the end of the buffer, as number ``count``.
    private mutating func append(_ value: some Collection<UInt8>, references: UInt32, kinds: UInt64) {
        bytes.append(contentsOf: value)
        bytes.append(Self.separator)
        starts.append(bytes.count)
        self.references.append(references)
        byteKinds.append(kinds)
        for byte in value { byteCounts[Int(byte)] += 1 }
    }

    /// Counts one use of value `number` less.
    mutating func release(_ number: UInt32) {
        references[Int(number)] -= 1
        if references[Int(number)] == 0 { unusedBytes += starts[Int(number) + 1] - starts[Int(number)] }
    }

    var needsCompacting: Bool { unusedBytes > bytes.count / 2 }

    /// Drops the values no image uses; returns each old number's new number (unused ones get `.max`).
    mutating func compact() -> [UInt32] {
        var renumbered = [UInt32](repeating: .max, count: count)
        var kept = FilterValueTable()
        kept.bytes.reserveCapacity(bytes.count - unusedBytes)
        for number in 0..<count where references[number] > 0 {
            renumbered[number] = UInt32(kept.count)
            kept.append(bytes[starts[number]..<(starts[number + 1] - 1)], references: references[number],
                        kinds: byteKinds[number])
        }
        kept.numbers = numbers.compactMapValues { number in
            let new = renumbered[Int(number)]
            return new == .max ? nil : new
        }
        self = kept
        return renumbered
    }

    /// Adds to `hits` every value that contains `needle`.
    ///
    /// One pass over the whole buffer, sixteen bytes at a time, looking for the needle's rarest pair of
    /// adjacent bytes; each place where the pair occurs is checked, and after a hit the pass skips to the
    /// next value. A one-byte needle is answered from ``byteKinds`` instead.
    func markValues(containing needle: UnsafeBufferPointer<UInt8>, in hits: inout FilterBitSet) {
        guard !needle.isEmpty else {
            for number in 0..<count { hits.insert(number) }
            return
        }
        if needle.count == 1 {
            hits.formUnion(values(containing: needle[0]))
            return
        }
        let anchor = rarestPair(in: needle)
        let first = needle[anchor]
        let second = needle[anchor + 1]
        guard byteCounts[Int(first)] > 0, byteCounts[Int(second)] > 0 else { return }
        let firsts = SIMD16<UInt8>(repeating: first)
        let seconds = SIMD16<UInt8>(repeating: second)
        hits.withWords { hits in
            bytes.withUnsafeBufferPointer { text in
                starts.withUnsafeBufferPointer { starts in
                    let raw = UnsafeRawBufferPointer(text)
                    // Where the anchor can be for the needle to fit.
                    let lastAnchor = text.count - needle.count + anchor
                    func matches(at start: Int) -> Bool {
                        var index = 0
                        while index < needle.count, text[start + index] == needle[index] { index += 1 }
                        return index == needle.count
                    }
                    var value = 0
                    var position = anchor
                    // Sixteen anchors at a time while the block after the last one can be read.
                    scan: while position + 17 <= text.count {
                        let found = (raw.loadUnaligned(fromByteOffset: position, as: SIMD16<UInt8>.self) .== firsts)
                            .& (raw.loadUnaligned(fromByteOffset: position + 1, as: SIMD16<UInt8>.self) .== seconds)
                        guard any(found) else {
                            position += 16
                            continue
                        }
                        for lane in 0..<16 where found[lane] {
                            let at = position + lane
                            guard at <= lastAnchor else { break scan }
                            guard matches(at: at - anchor) else { continue }
                            value = Self.value(containing: at - anchor, from: value, starts)
                            hits[value >> 6] |= 1 << UInt64(value & 63)
                            position = starts[value + 1] + anchor
                            continue scan
                        }
                        position += 16
                    }
                    while position <= lastAnchor {
                        guard text[position] == first, matches(at: position - anchor) else {
                            position += 1
                            continue
                        }
                        value = Self.value(containing: position - anchor, from: value, starts)
                        hits[value >> 6] |= 1 << UInt64(value & 63)
                        position = starts[value + 1] + anchor
                    }
                }
            }
        }
    }

    /// Adds to `hits` every value that contains one of the automaton's needles: one pass over the
    /// buffer for all of them; after a hit the pass goes on at the next value.
    func markValues(containingAnyOf automaton: FilterAutomaton, in hits: inout FilterBitSet) {
        hits.withWords { hits in
            bytes.withUnsafeBufferPointer { text in
                starts.withUnsafeBufferPointer { starts in
                    var value = 0
                    var position = 0
                    while let end = automaton.endOfFirstMatch(in: text, from: position) {
                        value = Self.value(containing: end - 1, from: value, starts)
                        hits[value >> 6] |= 1 << UInt64(value & 63)
                        position = starts[value + 1]
                    }
                }
            }
        }
    }

    /// Whether value `number` contains one of the automaton's needles.
    func value(_ number: UInt32, containsAnyOf automaton: FilterAutomaton) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            automaton.occurs(in: UnsafeBufferPointer(rebasing: text[starts[Int(number)]..<(starts[Int(number) + 1] - 1)]))
        }
    }

    /// The values that contain `byte`: read from ``byteKinds``, then checked one by one when the kind
    /// of byte stands for several.
    private func values(containing byte: UInt8) -> FilterBitSet {
        let (kind, isExact) = Self.byteKind(byte)
        var found = FilterBitSet(count: count)
        found.withWords { words in
            byteKinds.withUnsafeBufferPointer { kinds in
                for index in words.indices {
                    let first = index << 6
                    var word: UInt64 = 0
                    for offset in 0..<min(64, kinds.count - first) {
                        word |= (kinds[first + offset] >> kind & 1) << UInt64(offset)
                    }
                    words[index] = word
                }
            }
        }
        if !isExact {
            withUnsafePointer(to: byte) { byte in
                let needle = UnsafeBufferPointer(start: byte, count: 1)
                found.keep { value(UInt32($0), contains: needle) }
            }
        }
        return found
    }

    /// The kinds of byte in `value`, one bit each.
    private static func byteKinds(of value: [UInt8]) -> UInt64 {
        var kinds: UInt64 = 0
        for byte in value { kinds |= 1 << byteKind(byte).kind }
        return kinds
    }

    /// A byte's kind, 0 to 63: each lowercase ASCII letter, digit, `-`, `.`, `_` and `/` has its own
    /// (`isExact`); every other byte shares one with others.
    private static func byteKind(_ byte: UInt8) -> (kind: UInt64, isExact: Bool) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): (UInt64(byte - UInt8(ascii: "a")), true)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): (26 + UInt64(byte - UInt8(ascii: "0")), true)
        case UInt8(ascii: "-"): (36, true)
        case UInt8(ascii: "."): (37, true)
        case UInt8(ascii: "_"): (38, true)
        case UInt8(ascii: "/"): (39, true)
        default: (40 + UInt64(byte % 24), false)
        }
    }

    /// Where the pair of adjacent bytes of `needle` (of two or more bytes) that occurs least often in
    /// the table is likely to start, judging by how often each byte occurs.
    private func rarestPair(in needle: UnsafeBufferPointer<UInt8>) -> Int {
        func weight(_ start: Int) -> Int { byteCounts[Int(needle[start])] &* byteCounts[Int(needle[start + 1])] }
        return (0..<(needle.count - 1)).min { weight($0) < weight($1) } ?? 0
    }

    /// Whether value `number` contains `needle`.
    func value(_ number: UInt32, contains needle: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            let value = UnsafeBufferPointer(rebasing: text[starts[Int(number)]..<(starts[Int(number) + 1] - 1)])
            return Self.search(needle, in: value)
        }
    }

    /// The value whose bytes (separator included) hold `position`, at `first` or after it: gallops
    /// forward, then bisects, so that walking a pass's hits in order costs little.
    private static func value(containing position: Int, from first: Int, _ starts: UnsafeBufferPointer<Int>) -> Int {
        var low = first
        var high = first + 1
        var step = 1
        while starts[high] <= position {
            low = high
            step *= 2
            high = min(low + step, starts.count - 1)
        }
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= position { low = middle } else { high = middle }
        }
        return low
    }

    /// Whether `needle` occurs in `haystack`; looks for the needle's first byte eight bytes at a time.
    static func search(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        let lastStart = haystack.count - needle.count
        func matches(at start: Int) -> Bool {
            var index = 1
            while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
            return index == needle.count
        }
        let raw = UnsafeRawBufferPointer(haystack)
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(first) &* lowBits
        var start = 0
        while start + 8 <= haystack.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) ^ pattern
            // A high bit marks each byte equal to `first`, and maybe a few others: each is checked.
            var candidates = (word &- lowBits) & ~word & highBits
            while candidates != 0 {
                let candidate = start + candidates.trailingZeroBitCount / 8
                guard candidate <= lastStart else { return false }
                if haystack[candidate] == first, matches(at: candidate) { return true }
                candidates &= candidates &- 1
            }
            start += 8
        }
        while start <= lastStart {
            if haystack[start] == first, matches(at: start) { return true }
            start += 1
        }
        return false
    }
}
