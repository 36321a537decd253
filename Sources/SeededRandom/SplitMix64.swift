/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64).
///
/// The catalogue and the lifecycle must come out identical for the same seed on every platform and
/// Swift version, so nothing here goes through the standard library's `random(in:)` algorithms, whose
/// exact output is not promised to stay the same. Tests seed it for their random inputs too; it is a target
/// of its own so that they need not link the simulator for it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one independent stream, e.g. the schedule of one image: `seed` mixed with `stream`.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed integer in `range` (Lemire's multiply-shift; the bias is negligible here).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(width.multipliedFullWidth(by: next()).high)
    }

    /// A uniformly distributed `Int64` in `range`.
    public mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        Int64(int(in: Int(range.lowerBound)...Int(range.upperBound)))
    }

    /// A number in `0..<1`.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// One element of a non-empty array, chosen with the given relative weights.
    public mutating func pick<Element>(weighted choices: [(weight: Int, value: Element)]) -> Element {
        let total = choices.reduce(0) { $0 + $1.weight }
        var ticket = int(in: 0...(total - 1))
        for choice in choices {
            if ticket < choice.weight { return choice.value }
            ticket -= choice.weight
        }
        return choices[choices.count - 1].value
    }
}
