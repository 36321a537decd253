/// Finds any of many needles in one pass (Aho-Corasick), for a substring term with many alternatives:
/// 400 ids pasted as `id1|id2|...` cost one pass over the values, not one per id.
///
/// The transitions are a dense table over byte classes (the bytes the needles use, plus one class for
/// every other byte), so each byte of text costs one lookup; a byte no needle uses, like the
/// ``FilterValueTable/separator``, leads back to the start.
struct FilterAutomaton: Sendable {
    /// The class of each byte: 0 for bytes no needle holds.
    private var classes = [UInt8](repeating: 0, count: 256)
    private var classCount = 1
    /// `transitions[state * classCount + class]`: the next state.
    private var transitions: [Int32] = []
    /// Whether some needle ends at each state (itself or through its suffixes).
    private var accepting: [Bool] = []

    /// Whether it has a needle at all (an empty needle matches everywhere and is not built).
    var isEmpty: Bool { accepting.count <= 1 }

    /// Builds the automaton of `needles` (each non-empty, without the separator byte).
    init(_ needles: [UnsafeBufferPointer<UInt8>]) {
        var classOf = [Int](repeating: 0, count: 256)
        for needle in needles {
            for byte in needle where classOf[Int(byte)] == 0 {
                classCount += 1
                classOf[Int(byte)] = classCount - 1
            }
        }
        // Too many distinct bytes for a UInt8 class cannot happen: there are 256 bytes, class 0 is spare.
        for byte in 0..<256 { classes[byte] = UInt8(truncatingIfNeeded: classOf[byte]) }
        let width = classCount
        // The trie: -1 for "no edge yet".
        var table = [Int32](repeating: -1, count: width)
        accepting = [false]
        for needle in needles where !needle.isEmpty {
            var state = 0
            for byte in needle {
                let slot = state * width + Int(classes[Int(byte)])
                if table[slot] < 0 {
                    table[slot] = Int32(accepting.count)
                    accepting.append(false)
                    table.append(contentsOf: repeatElement(-1, count: width))
                }
                state = Int(table[slot])
            }
            accepting[state] = true
        }
        // Breadth first: a missing edge goes where the state's longest proper suffix goes.
        var failure = [Int32](repeating: 0, count: accepting.count)
        var queue: [Int] = []
        for symbol in 0..<width {
            if table[symbol] < 0 {
                table[symbol] = 0
            } else {
                queue.append(Int(table[symbol]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fallback = Int(failure[state])
            if accepting[fallback] { accepting[state] = true }
            for symbol in 0..<width {
                let slot = state * width + symbol
                let next = table[slot]
                if next < 0 {
                    table[slot] = table[fallback * width + symbol]
                } else {
                    failure[Int(next)] = table[fallback * width + symbol]
                    queue.append(Int(next))
                }
            }
        }
        transitions = table
    }

    /// Whether some needle occurs in `text`.
    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var state = 0
        for byte in text {
            state = Int(transitions[state &* classCount &+ Int(classes[Int(byte)])])
            if accepting[state] { return true }
        }
        return false
    }

    /// Runs over `text` from `position`, starting in the start state; returns the position just after
    /// the first needle found, or nil when none is found before the end.
    func endOfFirstMatch(in text: UnsafeBufferPointer<UInt8>, from position: Int) -> Int? {
        transitions.withUnsafeBufferPointer { transitions in
            accepting.withUnsafeBufferPointer { accepting in
                classes.withUnsafeBufferPointer { classes in
                    var state = 0
                    var index = position
                    while index < text.count {
                        state = Int(transitions[state &* classCount &+ Int(classes[Int(text[index])])])
                        index += 1
                        if accepting[state] { return index }
                    }
                    return nil
                }
            }
        }
    }
}
