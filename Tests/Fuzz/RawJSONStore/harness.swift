// libFuzzer harness for RawJSONStore, which cuts each image's JSON object from the server into pieces
// and gives it back for `y`. The input is split at 0xFF bytes into texts (any bytes, JSON or not); each
// is stored in a slot, then every slot is replaced by the next text (growing, shrinking, compacting), and
// every slot must give back exactly the bytes it was last given. The first bytes also serve as the
// `known` pieces (an id and a name), as the catalogue passes them. A violation traps.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRawJSONStore(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    let texts = input.split(separator: 0xFF, omittingEmptySubsequences: false).map { Array($0) }
    let known = [RawJSONStore.quoted(String(decoding: input.prefix(6), as: UTF8.self)), Array(input.prefix(3))]
    var store = RawJSONStore()
    var expected: [[UInt8]] = []
    for text in texts {
        store.set(expected.count, JSONText(bytes: text[...]), known: known)
        expected.append(text)
    }
    for round in 0..<3 {
        for slot in expected.indices {
            let next = texts[(slot + round + 1) % texts.count] + (round == 1 ? [] : Array(repeating: 0x2C, count: round * 40))
            store.set(slot, JSONText(bytes: next[...]), known: known)
            expected[slot] = next
        }
        for slot in expected.indices {
            precondition(Array(store.text(slot, known: known).bytes) == expected[slot], "slot \(slot) changed")
        }
    }
    var pieces: [UInt8] = []
    input.withUnsafeBufferPointer { bytes in RawJSONStore.cut(bytes) { pieces += $0 } }
    precondition(pieces == input, "the pieces are not the input")
    return 0
}
