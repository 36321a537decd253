import JSONEngine

/// Object keys and what they name, found by length and then bytes, with no allocation per key.
struct KeyTable<Field: Sendable>: Sendable {
    private let byLength: [[(key: [UInt8], field: Field)]]

    init(_ pairs: [(String, Field)]) {
        var byLength = Array(repeating: [(key: [UInt8], field: Field)](), count: 1 + pairs.map(\.0.utf8.count).max()!)
        for (key, field) in pairs { byLength[key.utf8.count].append((Array(key.utf8), field)) }
        self.byLength = byLength
    }

    /// What a key names, whether written with escapes or not.
    func field(_ token: JSONScanner.StringToken, in scanner: JSONScanner) -> Field? {
        if token.hasEscapes { return field(named: Array(scanner.text(token).utf8)) }
        let count = token.range.count
        guard count < byLength.count else { return nil }
        for candidate in byLength[count] where scanner.equals(token, candidate.key) { return candidate.field }
        return nil
    }

    private func field(named bytes: [UInt8]) -> Field? {
        guard bytes.count < byLength.count else { return nil }
        return byLength[bytes.count].first { $0.key == bytes }?.field
    }
}
