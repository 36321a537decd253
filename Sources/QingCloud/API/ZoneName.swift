/// What a zone name may be, checked before it reaches the API: the one rule that `-z`, `QINGCLOUD_ZONE`,
/// the config file and every id of a ``ZoneSelection`` share.
public enum ZoneName {
    /// Why `zone` cannot be a zone name (nil when it can): names such as `pek3a`, `sh1a`, `ap2a` and `gd2`
    /// are ASCII letters, digits and `-`, at most 32; anything else (spaces, CJK, control characters) is
    /// refused before it is sent to the API. Every id of a ``ZoneSelection`` passes this check.
    public static func problem(_ zone: String) -> String? {
        let isZoneName = !zone.isEmpty && zone.utf8.count <= 32 && zone.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        return isZoneName ? nil : "expected a zone name such as pek3a (letters, digits and -), not \(zone.debugDescription)"
    }
}
