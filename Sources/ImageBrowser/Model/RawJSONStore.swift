import JSONEngine
import QingCloud

/// Every slot's JSON object as the server sent it, byte for byte, in a fraction of the page bodies'
/// space: what `y` shows.
///
/// Each object is cut into pieces: a key with the punctuation before it (`,"image_name":`), a string
/// value, and the bytes between (a number, `null`, `}]`). Keys repeat in every image, and so do
/// statuses, owners, tags, descriptions and most other values, so each distinct piece is kept once in
/// a ``PieceTable`` and an object is the list of its pieces' numbers, written as variable-length
/// integers (one byte for the first 128 pieces, which are mostly keys). The cut never looks inside a
/// piece, so any bytes (JSON or not) come back exactly as they went in.
///
/// Values that are unique to an image and that the catalogue keeps anyway (its id and name, as a plain
/// JSON string) are not stored again: the caller passes them as `known` pieces, the same when storing
/// and reading, and a piece equal to one of them is stored as its place among them.
///
/// Pieces are never forgotten: a changed value adds one, which a long session with changing images
/// pays for in a few bytes per change.
struct RawJSONStore: Sendable {
    private var pieces = PieceTable()
    /// Every slot's piece numbers, back to back.
    private var codes: [UInt8] = []
    /// Where each slot's numbers lie in ``codes``.
    private var spans: [Range<Int>] = []
    /// Bytes of ``codes`` no slot uses any more (left by replaced objects), compacted away when they
    /// outgrow the used ones.
    private var unusedCodes = 0

    /// How many slots hold an object.
    var count: Int { spans.count }
    /// How many distinct pieces the objects are made of.
    var pieceCount: Int { pieces.count }

    /// How many `known` pieces there are at most; piece numbers come after them.
    static let knownCount = 2

    /// `text` as a plain JSON string (nothing to escape), for a known piece; empty when it needs escapes.
    static func quoted(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0x22]
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return [] }
            bytes.append(byte)
        }
        bytes.append(0x22)
        return bytes
    }

    /// Stores `text` as slot `slot`: the next one (``count``) or one already stored, which it replaces.
    /// `known` (at most ``knownCount`` pieces) must be passed again to read the slot.
    mutating func set(_ slot: Int, _ text: JSONText, known: [[UInt8]]) {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(128)
        text.bytes.withUnsafeBufferPointer { bytes in
            Self.cut(bytes) { piece in
                if let index = known.firstIndex(where: { $0.count == piece.count && $0.elementsEqual(piece) }) {
                    Self.appendNumber(index, to: &encoded)
                } else {
                    Self.appendNumber(Self.knownCount + pieces.number(of: piece), to: &encoded)
                }
            }
        }
        guard slot < spans.count else {
            spans.append(codes.count..<codes.count + encoded.count)
            codes.append(contentsOf: encoded)
            return
        }
        let old = spans[slot]
        if codes[old].elementsEqual(encoded) { return }
        if encoded.count <= old.count {
            codes.replaceSubrange(old.lowerBound..<old.lowerBound + encoded.count, with: encoded)
            spans[slot] = old.lowerBound..<old.lowerBound + encoded.count
        } else {
            spans[slot] = codes.count..<codes.count + encoded.count
            codes.append(contentsOf: encoded)
        }
        unusedCodes += old.count - min(old.count, encoded.count)
        if unusedCodes > 4096, unusedCodes * 2 > codes.count { compact() }
    }

    /// The object stored as slot `slot`, given the `known` pieces it was stored with.
    func text(_ slot: Int, known: [[UInt8]]) -> JSONText {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(spans[slot].count * 12)
        var position = spans[slot].lowerBound
        while position < spans[slot].upperBound {
            let number = Self.readNumber(codes, at: &position)
            if number < Self.knownCount {
                bytes.append(contentsOf: known[number])
            } else {
                pieces.append(number - Self.knownCount, to: &bytes)
            }
        }
        return JSONText(bytes: bytes[...])
    }

    private mutating func compact() {
        var kept: [UInt8] = []
        kept.reserveCapacity(codes.count - unusedCodes)
        for slot in spans.indices {
            let start = kept.count
            kept.append(contentsOf: codes[spans[slot]])
            spans[slot] = start..<kept.count
        }
        codes = kept
        unusedCodes = 0
    }

    /// Cuts `bytes` into consecutive pieces (together exactly `bytes`): a string followed by `:` (a
    /// key) ends a piece after the colon, any other string ends one after its closing quote, and a comma
    /// outside strings starts one.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        func emit(_ range: Range<Int>) { body(UnsafeBufferPointer(rebasing: bytes[range])) }
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
        var start = 0, index = 0
        while index < bytes.count {
            switch bytes[index] {
            case quote:
                var end = index + 1
                while end < bytes.count, bytes[end] != quote { end += bytes[end] == backslash ? 2 : 1 }
                end = min(end + 1, bytes.count)
                var next = end
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x0D || bytes[next] == 0x09 {
                    next += 1
                }
                if next < bytes.count, bytes[next] == colon { end = next + 1 }
                emit(start..<end)
                start = end
                index = end
            case comma where index > start:
                emit(start..<index)
                start = index
                index += 1
            default:
                index += 1
            }
        }
        if start < bytes.count { emit(start..<bytes.count) }
    }

    private static func appendNumber(_ number: Int, to codes: inout [UInt8]) {
        var rest = UInt(number)
        while rest >= 0x80 {
            codes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        codes.append(UInt8(rest))
    }

    private static func readNumber(_ codes: [UInt8], at position: inout Int) -> Int {
        var number = 0, shift = 0
        while true {
            let byte = codes[position]
            position += 1
            number |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return number }
            shift += 7
        }
    }
}
