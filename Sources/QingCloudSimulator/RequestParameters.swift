import Foundation
import QingCloud

/// The parameters of one API request, decoded from a query string or an
/// `application/x-www-form-urlencoded` body.
///
/// Kept as received, in order and with repeats, because the signature is checked over exactly them.
struct RequestParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    /// Parameters already decoded, as a client sends them (for answering in process).
    init(_ pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// Adds the parameters of `encoded` (`a=1&b=2`; `+` is a space; `%XX` a byte of UTF-8).
    mutating func append(formEncoded encoded: some Collection<UInt8>) throws(APIError) {
        for piece in encoded.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let separator = piece.firstIndex(of: UInt8(ascii: "="))
            let name = try Self.decode(piece[piece.startIndex..<(separator ?? piece.endIndex)])
            var value = ""
            if let separator {
                value = try Self.decode(piece[piece.index(after: separator)...])
            }
            pairs.append((name, value))
        }
    }

    /// The first value of `name`, nil when absent.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The values of a list parameter in both forms the official tools send: `name` and `name.1`,
    /// `name.2`..., the numbered ones in their order. Empty values are dropped.
    func list(_ name: String) -> [String] {
        let prefix = name + "."
        var plain: [String] = []
        var numbered: [(number: Int, value: String)] = []
        for (key, value) in pairs where !value.isEmpty {
            if key == name {
                plain.append(value)
            } else if key.hasPrefix(prefix), let number = Int(key.dropFirst(prefix.count)) {
                numbered.append((number, value))
            }
        }
        return plain + numbered.sorted { $0.number < $1.number }.map(\.value)
    }

    /// Every parameter but `signature`: what was signed.
    var signedPairs: [(name: String, value: String)] {
        pairs.filter { $0.name != "signature" }
    }

    private static func decode(_ encoded: some Collection<UInt8>) throws(APIError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var iterator = encoded.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw APIError(.badRequest, message: "InvalidRequest, malformed percent-encoding in the request")
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw APIError(.badRequest, message: "InvalidRequest, a parameter is not valid UTF-8")
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
