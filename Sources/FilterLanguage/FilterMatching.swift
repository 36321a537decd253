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
        program.passes(0, in: entry.index)
    }
}

/// A filter's terms laid out for matching: plain values in flat arrays, so that checking an image
/// neither retains nor allocates.
///
/// Steps run one after the other, each over the images still in the running, in index order: sizes and
/// exactly matched fields compare numbers; a substring term finds its needles in the index's distinct
/// values first, then keeps the images holding a value that was hit.
struct FilterProgram: Sendable {
    private var steps: [Step] = []
    /// Where each needle's lowercased UTF-8 is in ``bytes``.
    private var needles: [Range<Int>] = []
    /// Every needle's lowercased UTF-8, one after another.
    private var bytes: [UInt8] = []

    private struct Step {
        var test: Test
        var isNegated: Bool
        /// The step's alternatives, in ``FilterProgram/needles``.
        var needles: Range<Int>
        /// For a substring step with many alternatives: all of them found in one pass.
        var automaton: FilterAutomaton?
    }

    /// From this many alternatives on, a substring step looks for all of them at once
    /// (``FilterAutomaton``) rather than one after another.
    static let alternativesForAutomaton = 4

    private enum Test {
        case size(SizeComparison, Int)
        /// Some alternative equals one of the columns.
        case equals([FilterColumn])
        /// Some alternative occurs in one of the columns.
        case contains([FilterColumn])
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
                test = .contains(FilterColumn.freeText)
                alternatives.forEach { add($0) }
            case .field(let field, let alternatives):
                test = Self.test(for: field)
                alternatives.forEach { add($0) }
            }
            var step = Step(test: test, isNegated: term.isNegated, needles: firstNeedle..<needles.count)
            if case .contains = test, step.needles.count >= Self.alternativesForAutomaton,
               !needles[step.needles].contains(where: \.isEmpty) {
                step.automaton = bytes.withUnsafeBufferPointer { bytes in
                    FilterAutomaton(needles[step.needles].map { UnsafeBufferPointer(rebasing: bytes[$0]) })
                }
            }
            steps.append(step)
        }
    }

    private static func test(for field: ImageField) -> Test {
        let columns = FilterColumn.columns(for: field)
        return field.declaration.filter?.matchesExactly == true ? .equals(columns) : .contains(columns)
    }

    /// Whether there is no step, so that every image passes.
    var isEmpty: Bool { steps.isEmpty }

    private mutating func add(_ needle: FilterNeedle) {
        let start = bytes.count
        bytes.append(contentsOf: needle.bytes)
        needles.append(start..<bytes.count)
    }

    /// Whether image `number` of `index` passes every step.
    func passes(_ number: Int, in index: FilterIndex) -> Bool {
        var candidates = FilterBitSet(count: index.count)
        candidates.insert(number)
        narrow(&candidates, in: index)
        return candidates.contains(number)
    }

    /// Leaves in `candidates` the images of `index` that pass every step.
    func narrow(_ candidates: inout FilterBitSet, in index: FilterIndex) {
        for step in steps {
            guard !candidates.isEmpty else { return }
            switch step.test {
            case .size(let comparison, let bound):
                index.sizes.withUnsafeBufferPointer { sizes in
                    candidates.keep { comparison.holds(Int(sizes[$0]), bound) != step.isNegated }
                }
            case .equals(let columns):
                var hits = FilterBitSet(count: index.table.count)
                for needle in needles[step.needles] {
                    if let number = index.table.number(of: Array(bytes[needle])) { hits.insert(Int(number)) }
                }
                Self.keep(&candidates, step, columns, index, hits: hits)
            case .contains(let columns):
                keepContaining(step, columns, &candidates, index)
            }
        }
    }

    /// Keeps the candidates with (or, negated, without) a value in `columns` that is one of `hits`.
    private static func keep(
        _ candidates: inout FilterBitSet, _ step: Step, _ columns: [FilterColumn], _ index: FilterIndex,
        hits: FilterBitSet
    ) {
        hits.withMembership { hits in
            keep(&candidates, step, columns, index) { hits.bit(Int($0)) }
        }
    }

    /// Keeps the candidates with (or, negated, without) a value in `columns` whose `hit` is 1.
    @inline(__always)
    private static func keep(
        _ candidates: inout FilterBitSet, _ step: Step, _ columns: [FilterColumn], _ index: FilterIndex,
        hit: (UInt32) -> UInt64
    ) {
        let negated: UInt64 = step.isNegated ? 1 : 0
        columns.withUnsafeBufferPointer { columns in
            index.values.withUnsafeBufferPointer { values in
                candidates.keepBits { image in
                    let row = image * FilterColumn.count
                    var found: UInt64 = 0
                    for column in columns { found |= hit(values[row + column.rawValue]) }
                    return found ^ negated
                }
            }
        }
    }

    /// A substring step: with few candidates, their values are searched one by one; with many, every
    /// distinct value is searched once, in one pass over the table.
    private func keepContaining(
        _ step: Step, _ columns: [FilterColumn], _ candidates: inout FilterBitSet, _ index: FilterIndex
    ) {
        if let automaton = step.automaton {
            if candidates.count * columns.count < index.table.count / 8 {
                Self.keep(&candidates, step, columns, index) { index.table.value($0, containsAnyOf: automaton) ? 1 : 0 }
            } else {
                var hits = FilterBitSet(count: index.table.count)
                index.table.markValues(containingAnyOf: automaton, in: &hits)
                Self.keep(&candidates, step, columns, index, hits: hits)
            }
            return
        }
        bytes.withUnsafeBufferPointer { bytes in
            let alternatives = needles[step.needles].map { UnsafeBufferPointer(rebasing: bytes[$0]) }
            if candidates.count * columns.count < index.table.count / 8 {
                Self.keep(&candidates, step, columns, index) { value in
                    alternatives.contains { index.table.value(value, contains: $0) } ? 1 : 0
                }
                return
            }
            var hits = FilterBitSet(count: index.table.count)
            for needle in alternatives { index.table.markValues(containing: needle, in: &hits) }
            Self.keep(&candidates, step, columns, index, hits: hits)
        }
    }
}
