/// One image `qcimages wait` was given: `img-x`, or `pek3a/img-x` with its zone.
public struct WaitedImage: Sendable, Hashable, CustomStringConvertible {
    /// The zone given with the id; nil for a bare id, which is looked for in the zones of `-z`.
    public let zone: String?
    public let id: String

    public init(zone: String?, id: String) {
        self.zone = zone
        self.id = id
    }

    /// Reads `id` or `zone/id`; a mistake is one line naming what was given.
    public init(parsing text: String) throws(WaitedImageError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let id = parts.count == 2 ? parts[1] : parts[0]
        var zone: String?
        if parts.count == 2 {
            if let problem = ZoneName.problem(parts[0]) { throw WaitedImageError(text: text, problem: "its zone: \(problem)") }
            zone = parts[0].lowercased()
        }
        if let problem = Self.problem(id) { throw WaitedImageError(text: text, problem: problem) }
        self.init(zone: zone, id: id)
    }

    /// The most bytes an id may have; real ids are a dozen or so (`img-a1b2c3d4`, `centos7x64d`).
    public static let maximumIDLength = 64

    /// Why `id` cannot be an image id, nil when it can: ASCII letters, digits, `-`, `_` and `.`.
    static func problem(_ id: String) -> String? {
        let valid = !id.isEmpty && id.utf8.count <= maximumIDLength && id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        return valid ? nil : "expected an image id such as img-a1b2c3d4 (letters, digits, -, _ and ., at most \(maximumIDLength))"
    }

    public var description: String { zone.map { "\($0)/\(id)" } ?? id }
}

/// A word given to `qcimages wait` that is not an image id.
public struct WaitedImageError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let problem: String

    public var description: String { "\(text.debugDescription) is not an image id or zone/id: \(problem)" }
}
