import QingCloud

extension ImageFilter {
    /// Whether `image` passes every term; an empty filter matches everything.
    ///
    /// Builds the image's ``FilterIndexEntry`` on the way: to filter many images at every keystroke,
    /// keep their entries and use ``matches(_:)-(FilterIndexEntry)`` instead.
    public func matches(_ image: Image) -> Bool {
        isEmpty || program.matches(FilterIndexEntry(image))
    }

    /// Whether the image `entry` was built from passes every term; an empty filter matches everything.
    public func matches(_ entry: FilterIndexEntry) -> Bool {
        program.matches(entry)
    }
}

/// A filter's terms laid out for matching: plain values in flat arrays, so that checking an image
/// neither retains nor allocates.
///
/// Each step is first judged from the entry's inline summary (size, exact-field hashes, byte-pair Bloom
/// filter); the entry's text is read only for the steps that summary cannot decide.
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
        var hash: UInt16
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
        needles.append(Needle(
            bytes: start..<bytes.count,
            bigrams: FilterBigramSet(needle.bytes),
            hash: ExactFieldHashes.hash(needle.bytes)
        ))
    }

    func matches(_ entry: FilterIndexEntry) -> Bool {
        steps.withUnsafeBufferPointer { steps in
            needles.withUnsafeBufferPointer { needles in
                var needsText = false
                for step in steps {
                    guard let passes = Self.summaryVerdict(on: step, entry, needles) else {
                        needsText = true
                        continue
                    }
                    if passes == step.isNegated { return false }
                }
                guard needsText else { return true }
                return bytes.withUnsafeBufferPointer { bytes in
                    entry.text.withText { text, layout in
                        steps.allSatisfy { step in
                            Self.summaryVerdict(on: step, entry, needles) != nil
                                || Self.verdict(on: step, entry, needles, bytes, text, layout) != step.isNegated
                        }
                    }
                }
            }
        }
    }

    /// Whether the entry passes the step before negation, judged from its inline summary; nil when only
    /// its text can tell.
    private static func summaryVerdict(
        on step: Step, _ entry: FilterIndexEntry, _ needles: UnsafeBufferPointer<Needle>
    ) -> Bool? {
        switch step.test {
        case .size(let comparison, let bound):
            return comparison.holds(Int(entry.sizeGB), bound)
        case .equals(let field, let otherField):
            let mayEqual = needles[step.needles].contains { needle in
                needle.hash == entry.exactHashes[field]
                    || otherField.map { needle.hash == entry.exactHashes[$0] } == true
            }
            return mayEqual ? nil : false
        case .contains:
            let mayOccur = needles[step.needles].contains { entry.bigrams.contains($0.bigrams) }
            return mayOccur ? nil : false
        }
    }

    /// Whether the entry passes the step before negation, judged from its text.
    private static func verdict(
        on step: Step,
        _ entry: FilterIndexEntry,
        _ needles: UnsafeBufferPointer<Needle>,
        _ needleBytes: UnsafeBufferPointer<UInt8>,
        _ text: UnsafeBufferPointer<UInt8>,
        _ layout: FilterFieldLayout
    ) -> Bool {
        func bytes(of needle: Needle) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: needleBytes[needle.bytes])
        }
        switch step.test {
        case .size(let comparison, let bound):
            return comparison.holds(Int(entry.sizeGB), bound)
        case .equals(let field, let otherField):
            return needles[step.needles].contains { needle in
                bytes(of: needle).elementsEqual(text[layout.value(field)])
                    || otherField.map { bytes(of: needle).elementsEqual(text[layout.value($0)]) } == true
            }
        case .contains(let field):
            let range = field.map(layout.substringRange(of:)) ?? layout.freeText
            let haystack = UnsafeBufferPointer(rebasing: text[range])
            return needles[step.needles].contains { needle in
                entry.bigrams.contains(needle.bigrams) && search(bytes(of: needle), in: haystack)
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
