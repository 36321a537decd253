import Foundation

/// The hosts of `NO_PROXY` that are reached without the proxy, matched as curl matches them.
///
/// Entries are separated by commas (or spaces): `*` matches every host; a name matches itself and every
/// host under it (`example.com` and `.example.com` both match `api.example.com`); an IP address matches
/// itself and `10.0.0.0/8` a whole network. A `:port` after a name is ignored.
struct NoProxyList: Sendable {
    private enum Entry: Sendable {
        case everything
        case domain(String)
        case network(IPAddress, prefixLength: Int)
    }

    private let entries: [Entry]

    init(_ text: String) {
        entries = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).compactMap(Self.entry)
    }

    func contains(host: String) -> Bool {
        let name = Self.normalized(host)
        let address = IPAddress(name)
        return entries.contains { entry in
            switch entry {
            case .everything:
                return true
            case .domain(let domain):
                return address == nil && (name == domain || name.hasSuffix("." + domain))
            case .network(let network, let prefixLength):
                return address.map { $0.isIn(network, prefixLength: prefixLength) } ?? false
            }
        }
    }

    private static func entry(_ raw: Substring) -> Entry? {
        var text = String(raw).trimmingCharacters(in: .whitespaces).lowercased()
        if text == "*" { return .everything }
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        if let address = IPAddress(normalized(parts.first ?? "")) {
            let maximum = address.bytes.count * 8
            let length = parts.count == 2 ? Int(parts[1]) ?? -1 : maximum
            return (0...maximum).contains(length) ? .network(address, prefixLength: length) : nil
        }
        if text.hasPrefix("*.") { text.removeFirst(2) }
        while text.hasPrefix(".") { text.removeFirst() }
        if let colon = text.lastIndex(of: ":"), Int(text[text.index(after: colon)...]) != nil {
            text = String(text[..<colon])
        }
        text = normalized(text)
        return text.isEmpty ? nil : .domain(text)
    }

    /// Lowercased, without IPv6 brackets or a trailing dot.
    private static func normalized(_ host: String) -> String {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host.removeLast() }
        return host
    }
}

/// An IPv4 or IPv6 address as bytes, for matching `NO_PROXY` networks and naming certificate addresses.
struct IPAddress: Sendable, Equatable, CustomStringConvertible {
    let bytes: [UInt8]

    /// 4 or 16 bytes; nil for any other length.
    init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// The usual text form: `127.0.0.1`, `::1`.
    var description: String {
        var text = [UInt8](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let written = text.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { inet_ntop(family, bytes, $0.baseAddress, socklen_t($0.count)) != nil }
        }
        guard written else { return "" }
        return String(decoding: text.prefix { $0 != 0 }, as: UTF8.self)
    }

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    func isIn(_ network: IPAddress, prefixLength: Int) -> Bool {
        guard bytes.count == network.bytes.count else { return false }
        for bit in 0..<prefixLength {
            let mask = UInt8(0x80) >> (bit % 8)
            if bytes[bit / 8] & mask != network.bytes[bit / 8] & mask { return false }
        }
        return true
    }
}
