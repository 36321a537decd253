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
        let contents: BoundedTextFile.Contents
        do {
            contents = try BoundedTextFile.read(path: path, maximumSize: maximumSize)
        } catch {
            switch error {
            case .unreadable(let reason): throw .unreadable(file: displayPath, reason: reason)
            case .notText: throw .malformed(file: displayPath, reason: error.description)
            // Past the size limit, parse says so, whatever the bytes are.
            case .tooLarge(_, let prefix): return try parse(prefix, displayPath: displayPath)
            }
        }
        return try parse(contents.text, displayPath: displayPath, permissions: contents.permissions)
    }

    /// Whether something is at `path`, a broken symbolic link included (which ``load(path:displayPath:)``
    /// then names, instead of the file seeming absent).
    static func isPresent(at path: String) -> Bool { BoundedTextFile.isPresent(at: path) }

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

    /// The known key `key` is most likely a misspelling of, if any (see ``SpellingSuggestion``).
    static func suggestion(for key: String) -> String? { SpellingSuggestion.closest(to: key, among: knownKeys) }

    /// The largest config file read: the real one is a few lines.
    static let maximumSize = 256 * 1024
}
