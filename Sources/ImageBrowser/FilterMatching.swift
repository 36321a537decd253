import QingCloud

extension ImageFilter {
    /// Whether `image` passes every term; an empty filter matches everything.
    ///
    /// Builds the image's ``FilterIndexEntry`` on the way: to check one image against many filters, keep
    /// its entry and use ``matches(_:)-(FilterIndexEntry)`` instead.
    public func matches(_ image: Image) -> Bool {
        isEmpty || matches(FilterIndexEntry(image))
    }

    /// Whether the image `entry` was built from passes every term; an empty filter matches everything.
    public func matches(_ entry: FilterIndexEntry) -> Bool {
        var candidates = FilterCandidates(count: 1)
        candidates.insert(0)
        program.narrow(&candidates, in: entry.index)
        return candidates.contains(0)
    }
}

/// A filter's terms laid out for matching: plain values in flat arrays, so that checking an image
/// neither retains nor allocates.
///
/// Steps run one after the other, each over the images still in the running, in index order: sizes and
/// exactly matched fields are compared as numbers; substring terms first ask each image's byte-pair Bloom
/// filter, and read its text only when the filter cannot rule the needle out.
struct FilterProgram: Sendable {
    private var steps: [Step] = []
    private var needles: [Needle] = []
    /// Every needle's lowercased UTF-8, one after another.
    private var bytes: [UInt8] = []

    private struct Step {
        var test: Test
        var isNegated: Bool
        /// The step's alternatives, in ``FilterProgram/needles``.
        var needles: Range<Int>
    }

    private enum Test {
        case size(SizeComparison, Int)
        /// Some alternative equals one of the fields.
        case equals(ExactField, orElse: ExactField?)
        /// Some alternative occurs in the field, or in the free text when nil.
        case contains(FilterField?)
    }

    private struct Needle {
        /// The needle, in ``FilterProgram/bytes``.
        var bytes: Range<Int>
        var bigrams: FilterBigramSet
    }

    /// Lays out `terms` in the order given (cheapest first is fastest).
    init(_ terms: [FilterTerm]) {
        for term in terms {
            let firstNeedle = needles.count
            let test: Test
            switch term.condition {
            case .size(let comparison, let bound):
                test = .size(comparison, bound)
            case .text(let alternatives):
                test = .contains(nil)
                alternatives.forEach { add($0) }
            case .field(let field, let alternatives):
                test = Self.test(for: field)
                alternatives.forEach { add($0) }
            }
            steps.append(Step(test: test, isNegated: term.isNegated, needles: firstNeedle..<needles.count))
        }
    }

    private static func test(for field: FilterField) -> Test {
        switch field {
        case .status: .equals(.status, orElse: .transition)
        case .os: .equals(.os, orElse: nil)
        case .arch: .equals(.processorType, orElse: nil)
        case .visibility: .equals(.visibility, orElse: nil)
        case .provider: .equals(.provider, orElse: nil)
        case .owner, .tag, .name, .id, .description: .contains(field)
        }
    }

    private mutating func add(_ needle: FilterNeedle) {
        let start = bytes.count
        bytes.append(contentsOf: needle.bytes)
        needles.append(Needle(bytes: start..<bytes.count, bigrams: FilterBigramSet(needle.bytes)))
    }

    /// Leaves in `candidates` the images of `index` that pass every step.
    func narrow(_ candidates: inout FilterCandidates, in index: FilterIndex) {
        for step in steps {
            guard !candidates.isEmpty else { return }
            switch step.test {
            case .size(let comparison, let bound):
                index.sizes.withUnsafeBufferPointer { sizes in
                    candidates.keep { comparison.holds(Int(sizes[$0]), bound) != step.isNegated }
                }
            case .equals(let field, let otherField):
                keepEqual(step, field, otherField, &candidates, index)
            case .contains(let field):
                keepContaining(step, field, &candidates, index)
            }
        }
    }

    private func keepEqual(
        _ step: Step, _ field: ExactField, _ otherField: ExactField?,
        _ candidates: inout FilterCandidates, _ index: FilterIndex
    ) {
        let wanted = needles[step.needles].compactMap { index.valueNumber(of: Array(bytes[$0.bytes])) }
        guard !wanted.isEmpty else {
            if !step.isNegated { candidates.removeAll() }
            return
        }
        let other = otherField ?? field
        wanted.withUnsafeBufferPointer { wanted in
            index.exactValues.withUnsafeBufferPointer { values in
                candidates.keep { position in
                    let value = values[position]
                    let isEqual = wanted.contains(value[field]) || wanted.contains(value[other])
                    return isEqual != step.isNegated
                }
            }
        }
    }

    private func keepContaining(
        _ step: Step, _ field: FilterField?, _ candidates: inout FilterCandidates, _ index: FilterIndex
    ) {
        bytes.withUnsafeBufferPointer { bytes in
            needles.withUnsafeBufferPointer { needles in
                index.layouts.withUnsafeBufferPointer { layouts in
                    index.bigrams.withUnsafeBufferPointer { bigrams in
                        index.withText { text, starts in
                            let alternatives = UnsafeBufferPointer(rebasing: needles[step.needles])
                            candidates.keep { position in
                                let found = alternatives.contains { needle in
                                    guard bigrams[position].contains(needle.bigrams) else { return false }
                                    let layout = layouts[position]
                                    let range = field.map(layout.substringRange(of:)) ?? layout.freeText
                                    let start = starts[position]
                                    return Self.search(
                                        UnsafeBufferPointer(rebasing: bytes[needle.bytes]),
                                        in: UnsafeBufferPointer(rebasing: text[(start + range.lowerBound)..<(start + range.upperBound)])
                                    )
                                }
                                return found != step.isNegated
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether `needle` occurs in `haystack`; looks for the needle's first byte eight bytes at a time.
    private static func search(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
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
