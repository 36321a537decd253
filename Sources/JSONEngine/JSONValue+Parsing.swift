extension JSONValue {
    /// Parses JSON text with ``JSONScanner`` into what `JSONDecoder` makes of it: whole numbers that fit in
    /// `Int` (`7`, `7.0`, `7e2`) become `.int`, other numbers `.double`; of repeated keys the first counts.
    public init(parsing bytes: ArraySlice<UInt8>) throws(JSONScanner.Failure) {
        self = try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
            var scanner = JSONScanner(buffer)
            let value = try Self.value(&scanner, depth: 0)
            try scanner.end()
            return value
        }
    }

    private static func value(_ scanner: inout JSONScanner, depth: Int) throws(JSONScanner.Failure) -> JSONValue {
        guard let next = scanner.peek() else { throw scanner.truncated() }
        switch next {
        case 0x22:
            return .string(scanner.text(try scanner.string()))
        case 0x7B:
            guard depth < JSONScanner.maximumDepth else { throw scanner.invalid() }
            var members: [String: JSONValue] = [:]
            if try scanner.open(0x7B, closing: 0x7D) { return .object(members) }
            repeat {
                let key = scanner.text(try scanner.key())
                let member = try value(&scanner, depth: depth + 1)
                if members[key] == nil { members[key] = member }
            } while try scanner.continues(closing: 0x7D)
            return .object(members)
        case 0x5B:
            guard depth < JSONScanner.maximumDepth else { throw scanner.invalid() }
            var elements: [JSONValue] = []
            if try scanner.open(0x5B, closing: 0x5D) { return .array(elements) }
            repeat {
                elements.append(try value(&scanner, depth: depth + 1))
            } while try scanner.continues(closing: 0x5D)
            return .array(elements)
        case 0x74:
            try scanner.literal("true")
            return .bool(true)
        case 0x66:
            try scanner.literal("false")
            return .bool(false)
        case 0x6E:
            try scanner.literal("null")
            return .null
        case 0x2D, 0x30...0x39:
            let token = try scanner.number()
            if token.isInteger, let integer = scanner.integer(token) { return .int(integer) }
            let number = scanner.double(token)
            if number.rounded() == number, abs(number) < 0x1p63 { return .int(Int(number)) }
            return .double(number)
        default:
            throw scanner.invalid()
        }
    }
}
