/// Lays out a ``JSONText`` exactly as `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` lays out the value it holds (``JSONText/value``), straight from the bytes.
///
/// `list -o json` prints every object the server sent this way; going through a ``JSONValue`` tree and
/// the encoder took about 60 µs an image, most of the time `list` spent at 100,000 images. What the tree
/// and the encoder would do is done here on the bytes: a string is read with ``JSONScanner`` (escapes,
/// and bytes that are not UTF-8, decoded as the tree reads them) and written with the encoder's escapes;
/// keys are sorted by their UTF-8 bytes, and of a repeated key the first counts; a number becomes the
/// whole number the tree holds. Anything else gives nil, and the caller takes the encoder's way: a
/// number with a fraction (whose shortest form is the encoder's business), nesting deeper than
/// ``maximumDepth``, and text that is not JSON.
public enum JSONPrettyPrinter {
    /// The deepest nesting laid out here.
    static let maximumDepth = 64

    /// `text` laid out as the encoder lays out a value `level` levels deep (two spaces a level, the
    /// first line not indented); nil where the encoder's way must be taken.
    public static func layout(_ text: JSONText, level: Int = 0) -> [UInt8]? {
        text.bytes.withUnsafeBufferPointer { bytes -> [UInt8]? in
            var writer = Writer(indent: level)
            writer.output.reserveCapacity(bytes.count * 2)
            var scanner = JSONScanner(bytes)
            do {
                guard try writer.value(&scanner, depth: 0) else { return nil }
                try scanner.end()
            } catch {
                return nil
            }
            return writer.output
        }
    }

    private struct Writer {
        var indent: Int
        var output: [UInt8] = []

        /// Writes the value at the scanner; false when it is one to leave to the encoder.
        mutating func value(_ scanner: inout JSONScanner, depth: Int) throws(JSONScanner.Failure) -> Bool {
            guard let next = scanner.peek() else { throw scanner.truncated() }
            switch next {
            case 0x22:
                string(try scanner.string(), in: scanner)
                return true
            case 0x7B:
                return depth < maximumDepth ? try object(&scanner, depth: depth) : false
            case 0x5B:
                return depth < maximumDepth ? try array(&scanner, depth: depth) : false
            case 0x74:
                try scanner.literal("true")
                output.append(contentsOf: "true".utf8)
            case 0x66:
                try scanner.literal("false")
                output.append(contentsOf: "false".utf8)
            case 0x6E:
                try scanner.literal("null")
                output.append(contentsOf: "null".utf8)
            case 0x2D, 0x30...0x39:
                let token = try scanner.number()
                var whole = token.isInteger ? scanner.integer(token) : nil
                if whole == nil {
                    let number = scanner.double(token)
                    guard number.rounded() == number, abs(number) < 0x1p63 else { return false }
                    whole = Int(number)
                }
                output.append(contentsOf: String(whole!).utf8)
            default:
                throw scanner.invalid()
            }
            return true
        }

        private mutating func object(_ scanner: inout JSONScanner, depth: Int) throws(JSONScanner.Failure) -> Bool {
            var members: [(key: [UInt8], value: Range<Int>)] = []
            if try !scanner.open(0x7B, closing: 0x7D) {
                repeat {
                    let token = try scanner.key()
                    let key = token.hasEscapes ? Array(scanner.text(token).utf8) : Array(scanner.bytes[token.range])
                    // Keys Swift would call equal though their bytes differ (`é` and `e` with an accent)
                    // are one key of the tree; such keys are left to the encoder.
                    guard key.allSatisfy({ $0 < 0x80 }) else { return false }
                    let start = scanner.position
                    try scanner.skipValue(depth: depth + 1)
                    members.append((key, start..<scanner.position))
                } while try scanner.continues(closing: 0x7D)
            }
            // Sorted by key, then by place, so that of a repeated key the first is kept.
            members = members.enumerated().sorted { left, right in
                left.element.key == right.element.key
                    ? left.offset < right.offset : left.element.key.lexicographicallyPrecedes(right.element.key)
            }.map(\.element)
            members = members.enumerated().filter { $0.offset == 0 || members[$0.offset - 1].key != $0.element.key }.map(\.element)
            output.append(0x7B)
            newline()
            indent += 1
            if !members.isEmpty { writeIndent() }
            for (index, member) in members.enumerated() {
                if index > 0 {
                    output.append(0x2C)
                    newline()
                    writeIndent()
                }
                output.append(0x22)
                escaped(member.key)
                output.append(0x22)
                output.append(contentsOf: " : ".utf8)
                var inner = JSONScanner(UnsafeBufferPointer(rebasing: scanner.bytes[member.value]))
                guard try value(&inner, depth: depth + 1) else { return false }
            }
            newline()
            indent -= 1
            writeIndent()
            output.append(0x7D)
            return true
        }

        private mutating func array(_ scanner: inout JSONScanner, depth: Int) throws(JSONScanner.Failure) -> Bool {
            output.append(0x5B)
            newline()
            indent += 1
            if try !scanner.open(0x5B, closing: 0x5D) {
                var first = true
                repeat {
                    if !first {
                        output.append(0x2C)
                        newline()
                    }
                    first = false
                    writeIndent()
                    guard try value(&scanner, depth: depth + 1) else { return false }
                } while try scanner.continues(closing: 0x5D)
            }
            newline()
            indent -= 1
            writeIndent()
            output.append(0x5D)
            return true
        }

        private mutating func newline() { output.append(0x0A) }

        private mutating func writeIndent() {
            output.append(contentsOf: repeatElement(0x20, count: 2 * indent))
        }

        /// A string value, as the encoder writes the string the tree holds.
        private mutating func string(_ token: JSONScanner.StringToken, in scanner: JSONScanner) {
            output.append(0x22)
            if !token.hasEscapes, Self.isPlainASCII(token, in: scanner) {
                output.append(contentsOf: scanner.bytes[token.range])
            } else {
                escaped(Array(scanner.text(token).utf8))
            }
            output.append(0x22)
        }

        /// Whether a string token is printable ASCII only (nothing to decode, nothing to escape).
        private static func isPlainASCII(_ token: JSONScanner.StringToken, in scanner: JSONScanner) -> Bool {
            scanner.bytes[token.range].allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        }

        /// UTF-8 text with the encoder's escapes: quote, backslash, and C0 controls (short forms where
        /// JSON has them, else `\u00xx` in lowercase hex).
        private mutating func escaped(_ text: [UInt8]) {
            let hex = Array("0123456789abcdef".utf8)
            for byte in text {
                switch byte {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                case 0x08: output.append(contentsOf: [0x5C, 0x62])
                case 0x0C: output.append(contentsOf: [0x5C, 0x66])
                case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: output.append(contentsOf: [0x5C, 0x72])
                case 0x09: output.append(contentsOf: [0x5C, 0x74])
                case 0x00..<0x20: output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                default: output.append(byte)
                }
            }
        }
    }
}
