import Foundation
import Yams

/// The qingcloud-cli / Go SDK config file (`~/.qingcloud/config.yaml`), read with the keys those tools use.
///
/// The other keys those tools know (`connection_retries`, `log_level`, ...) are ignored; any other key
/// is probably misspelt and is listed in ``unknownKeys`` for a warning.
struct ConfigFile: Sendable {
    var accessKeyID: String?
    var secretAccessKey: String?
    var zone: String?
    /// `zones`: a YAML list, or ids separated by commas, or `all` (qcimages only; qingcloud-cli reads `zone`).
    var zones: ZoneSelection?
    var endpoint: Endpoint
    /// The file's permission bits, for the "readable by others" warning.
    var permissions: Int?
    /// Keys that neither qcimages nor qingcloud-cli nor the Go SDK know, with their line (from 1).
    var unknownKeys: [(key: String, line: Int)] = []

    /// Every key qingcloud-cli and the Go SDK read from the file, and qcimages' own `zones`.
    static let knownKeys = [
        "qy_access_key_id", "qy_secret_access_key", "zone", "host", "port", "protocol", "uri",
        "connection_retries", "connection_timeout", "log_level", "zones",
    ]

    /// Reads and parses the file at `path` (a symbolic link is followed: its target's mode counts).
    /// Only a regular file is read; anything else is named (`a pipe (FIFO)`, `a terminal`, a link to a
    /// missing file with its target), never read: a pipe or a terminal would wait forever.
    static func load(path: String, displayPath: String) throws(ConfigurationError) -> ConfigFile {
        // O_NONBLOCK: opening a FIFO without a writer must not wait; the descriptor is checked first.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw .unreadable(file: displayPath, reason: Self.reason(errno: errno, path: path))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .unreadable(file: displayPath, reason: Self.reason(errno: errno, path: path))
        }
        if let kind = Self.kindOtherThanFile(status.st_mode, descriptor: descriptor) {
            throw .unreadable(file: displayPath, reason: "it is \(kind), not a file")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= maximumSize {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: displayPath, reason: Self.reason(errno: errno, path: path))
            }
            bytes += buffer[..<count]
        }
        // Past the size limit, parse says so, whatever the bytes are.
        let oversized = bytes.count > maximumSize ? String(decoding: bytes, as: UTF8.self) : nil
        guard let contents = String(validating: bytes, as: UTF8.self) ?? oversized else {
            throw .malformed(file: displayPath, reason: "not UTF-8 text")
        }
        return try parse(contents, displayPath: displayPath, permissions: Int(status.st_mode & 0o7777))
    }

    /// Whether something is at `path`, a broken symbolic link included (which ``load(path:displayPath:)``
    /// then names, instead of the file seeming absent).
    static func isPresent(at path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func parse(_ contents: String, displayPath: String, permissions: Int? = nil) throws(ConfigurationError) -> ConfigFile {
        guard contents.utf8.count <= maximumSize else {
            throw .malformed(file: displayPath, reason: "larger than \(maximumSize / 1024) KiB; is it the right file?")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: contents)
        } catch {
            throw .malformed(file: displayPath, reason: YAMLProblem(error, in: contents).description)
        }
        guard let node else {
            return ConfigFile(endpoint: .publicCloud, permissions: permissions)
        }
        guard let mapping = node.mapping else {
            throw .malformed(file: displayPath, reason: "expected key: value pairs at the top level")
        }
        func scalar(_ key: String) throws(ConfigurationError) -> String? {
            guard let value = mapping[Node(key)] else { return nil }
            guard let text = value.scalar?.string else {
                throw .badValue(key: key, file: displayPath, reason: "expected a single value")
            }
            return text
        }
        let protocolText = try scalar("protocol")?.lowercased() ?? "https"
        guard let scheme = Endpoint.Scheme(rawValue: protocolText) else {
            throw .badValue(key: "protocol", file: displayPath, reason: "must be http or https, not \(protocolText.debugDescription)")
        }
        var port: Int?
        if let portText = try scalar("port") {
            guard let value = Int(portText.trimmingCharacters(in: .whitespaces)), (1...65_535).contains(value) else {
                throw .badValue(key: "port", file: displayPath, reason: "must be a number from 1 to 65535, not \(portText.debugDescription)")
            }
            port = value
        }
        let host = try scalar("host") ?? Endpoint.publicCloud.host
        if host.isEmpty || host.contains("/") || host.contains(" ") {
            throw .badValue(key: "host", file: displayPath, reason: "expected a host name like api.qingcloud.com, not \(host.debugDescription)")
        }
        let uri = try scalar("uri") ?? "/iaas/"
        var zones: ZoneSelection?
        if let node = mapping[Node("zones")] {
            do {
                if let list = node.sequence {
                    let ids = try list.map { item throws(ConfigurationError) in
                        guard let id = item.scalar?.string else {
                            throw .badValue(key: "zones", file: displayPath, reason: "expected a list of zone ids")
                        }
                        return id
                    }
                    zones = try ZoneSelection(list: ids)
                } else if let text = node.scalar?.string {
                    zones = try ZoneSelection(parsing: text)
                } else {
                    throw ConfigurationError.badValue(key: "zones", file: displayPath, reason: "expected a list of zone ids")
                }
            } catch let error as ZoneSelectionError {
                throw .badValue(key: "zones", file: displayPath, reason: error.description)
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw .badValue(key: "zones", file: displayPath, reason: "\(error)")
            }
        }
        let unknownKeys = mapping.compactMap { key, _ -> (key: String, line: Int)? in
            let name = key.scalar?.string ?? String(describing: key)
            return knownKeys.contains(name) ? nil : (name, key.mark?.line ?? 0)
        }
        return ConfigFile(
            accessKeyID: try scalar("qy_access_key_id"),
            secretAccessKey: try scalar("qy_secret_access_key"),
            zone: try scalar("zone"),
            zones: zones,
            endpoint: Endpoint(scheme: scheme, host: host, port: port, path: uri),
            permissions: permissions,
            unknownKeys: unknownKeys
        )
    }

    /// The known key `key` is most likely a misspelling of: at most two edits (a swap of neighbours
    /// counting as one) away; nil when none is that close.
    static func suggestion(for key: String) -> String? {
        let typed = Array(key.lowercased())
        let scored = knownKeys.map { known in (known, editDistance(typed, Array(known))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// Why `path` could not be opened, in our words; a broken symbolic link names its target.
    private static func reason(errno: Int32, path: String) -> String {
        switch errno {
        case ENOENT:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &buffer, buffer.count - 1)
            guard length >= 0 else { return "no such file" }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return "it is a link to a missing file: \(target)"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "a loop of symbolic links"
        case ENOTDIR: return "a part of the path is not a directory"
        case EISDIR: return "it is a directory"
        default: return String(cString: strerror(errno))
        }
    }

    /// What a file of mode `mode` is when it is not a regular file (`a directory`, `a pipe (FIFO)`,
    /// `a terminal`...); nil for a regular file.
    private static func kindOtherThanFile(_ mode: mode_t, descriptor: Int32) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: isatty(descriptor) == 1 ? "a terminal" : "a device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }

    /// The largest config file read: the real one is a few lines.
    static let maximumSize = 256 * 1024
}
