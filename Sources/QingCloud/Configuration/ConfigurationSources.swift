import Foundation
import Yams

/// The places a configuration is read from, highest precedence first: command-line flags, the
/// environment (`QINGCLOUD_*`, as the Terraform provider uses), then the qingcloud-cli config file.
///
/// The secret is never taken from a flag: a flag would show up in `ps` and shell history.
public struct ConfigurationSources: Sendable {
    /// `--access-key-id`.
    public var accessKeyID: String?
    /// `--zone` / `-z`: a zone, several separated by commas, or `all`.
    public var zone: String?
    /// `--endpoint URL`.
    public var endpoint: String?
    /// `-f` / `--config PATH`; when nil the default file is read if it exists.
    public var configPath: String?
    /// `--ca-file PATH`: a PEM bundle of CAs to trust besides the system's (as is `SSL_CERT_FILE`).
    public var caFile: String?
    /// The process environment.
    public var environment: [String: String]
    /// The user's home directory (`$HOME`, else the passwd entry), for the default file
    /// `~/.qingcloud/config.yaml` and `~` in paths.
    public var homeDirectory: String

    public init(accessKeyID: String? = nil, zone: String? = nil, endpoint: String? = nil, configPath: String? = nil,
                caFile: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                homeDirectory: String? = nil) {
        self.accessKeyID = accessKeyID
        self.zone = zone
        self.endpoint = endpoint
        self.configPath = configPath
        self.caFile = caFile
        self.environment = environment
        self.homeDirectory = homeDirectory ?? UserDirectories(environment: environment).home
    }

    /// The default config file, as qingcloud-cli has it.
    public var defaultConfigPath: String { homeDirectory + "/.qingcloud/config.yaml" }

    /// Resolves every setting and checks it; throws one clear ``ConfigurationError`` for the first problem.
    public func resolve() throws(ConfigurationError) -> ResolvedConfiguration {
        let explicitPath = configPath.map(expandTilde)
        let path = explicitPath ?? defaultConfigPath
        let file: ConfigFile?
        if explicitPath != nil || ConfigFile.isPresent(at: path) {
            file = try ConfigFile.load(path: path, displayPath: displayPath(path))
        } else {
            file = nil
        }
        let shownPath = displayPath(path)

        func nonEmpty(_ value: String?) -> String? {
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return value
        }

        guard let accessKeyID = nonEmpty(accessKeyID) ?? nonEmpty(environment["QINGCLOUD_ACCESS_KEY"])
            ?? nonEmpty(file?.accessKeyID) else {
            throw .missing(key: "qy_access_key_id", file: shownPath,
                           hint: "set it there, or QINGCLOUD_ACCESS_KEY, or pass --access-key-id (or try --demo)")
        }
        let secretFromEnvironment = nonEmpty(environment["QINGCLOUD_SECRET_KEY"])
        guard let secret = secretFromEnvironment ?? nonEmpty(file?.secretAccessKey) else {
            throw .missing(key: "qy_secret_access_key", file: shownPath,
                           hint: "set it there or in QINGCLOUD_SECRET_KEY (or try --demo)")
        }
        let zones = try resolveZones(file: file, shownPath: shownPath)
        let endpoint: Endpoint
        if let text = nonEmpty(self.endpoint) {
            endpoint = try Self.parseEndpoint(text, source: "--endpoint")
        } else if let text = nonEmpty(environment["QINGCLOUD_ENDPOINT"]) {
            endpoint = try Self.parseEndpoint(text, source: "QINGCLOUD_ENDPOINT")
        } else if let file {
            endpoint = file.endpoint
        } else {
            endpoint = .publicCloud
        }

        let warnings = Self.warnings(about: file, shownPath: shownPath, secretFromEnvironment: secretFromEnvironment != nil)
        let trust = try trustedCertificates()
        let proxy: ProxyServer?
        do {
            proxy = try ProxyServer.forEndpoint(endpoint, environment: environment)
        } catch {
            throw .proxy(error)
        }
        let configuration = ClientConfiguration(
            endpoint: endpoint, accessKeyID: accessKeyID, secretAccessKey: secret, zone: zones.primary,
            trust: trust, proxy: proxy)
        return ResolvedConfiguration(configuration: configuration, zones: zones.selection, warnings: warnings)
    }

    /// Unknown keys in the config file (with a suggestion), and a file holding the secret that others
    /// can read.
    private static func warnings(about file: ConfigFile?, shownPath: String, secretFromEnvironment: Bool) -> [String] {
        var warnings: [String] = []
        for (key, line) in file?.unknownKeys ?? [] {
            let hint = ConfigFile.suggestion(for: key).map { "did you mean \($0)?" } ?? "not a key qingcloud-cli reads"
            warnings.append(
                "warning: \(shownPath):\(line): unknown key \(key.debugDescription) ignored (\(hint))")
        }
        if !secretFromEnvironment, let file, let mode = file.permissions, mode & 0o077 != 0 {
            warnings.append(
                "warning: \(shownPath) holds your secret key and is readable by others (mode "
                    + String(mode & 0o777, radix: 8) + "); run: chmod 600 \(shownPath)")
        }
        return warnings
    }

    /// The CAs trusted besides the system's: `--ca-file`, `SSL_CERT_FILE`, and OpenSSL's `SSL_CERT_DIR`
    /// (directories separated by colons).
    private func trustedCertificates() throws(ConfigurationError) -> TrustedCertificates {
        var caFiles: [(path: String, origin: String)] = []
        if let caFile { caFiles.append((caFile, "--ca-file")) }
        if let file = environment["SSL_CERT_FILE"], !file.trimmingCharacters(in: .whitespaces).isEmpty {
            caFiles.append((file, "SSL_CERT_FILE"))
        }
        let caDirectories = (environment["SSL_CERT_DIR"] ?? "").split(separator: ":")
            .map { (path: String($0), origin: "SSL_CERT_DIR") }
        do {
            return try TrustedCertificates.load(caFiles, certificateDirectories: caDirectories, directories: directories)
        } catch {
            throw .certificateFile(error)
        }
    }

    /// The zones to show, from the first source that names any (`-z`; `QINGCLOUD_ZONES`, then
    /// `QINGCLOUD_ZONE`; the file's `zones`, then `zone`), and the zone requests go to by default: the first
    /// listed or, for `all`, the single zone a later source names (empty when none does).
    private func resolveZones(file: ConfigFile?, shownPath: String) throws(ConfigurationError)
        -> (selection: ZoneSelection, primary: String)
    {
        func parse(_ text: String?, key: String, file: String?) throws(ConfigurationError) -> ZoneSelection? {
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            do {
                return try ZoneSelection(parsing: text)
            } catch {
                throw .badValue(key: key, file: file, reason: error.description)
            }
        }
        let candidates: [ZoneSelection?] = [
            try parse(zone, key: "-z/--zone", file: nil),
            try parse(environment["QINGCLOUD_ZONES"], key: "QINGCLOUD_ZONES", file: nil),
            try parse(environment["QINGCLOUD_ZONE"], key: "QINGCLOUD_ZONE", file: nil),
            file?.zones,
            try parse(file?.zone, key: "zone", file: shownPath),
        ]
        let found = candidates.compactMap(\.self)
        guard let selection = found.first else {
            throw .missing(key: "zone", file: shownPath,
                           hint: "set zone (or zones) there, or QINGCLOUD_ZONE, or pass -z/--zone, e.g. pek3a or pek3a,sh1a or all")
        }
        let primary = selection.ids?.first ?? found.lazy.compactMap { $0.ids?.count == 1 ? $0.ids?.first : nil }.first ?? ""
        return (selection, primary)
    }

    private static func parseEndpoint(_ text: String, source: String) throws(ConfigurationError) -> Endpoint {
        do {
            return try Endpoint(url: text)
        } catch {
            throw .badValue(key: source, file: nil, reason: error.description)
        }
    }

    private var directories: UserDirectories { UserDirectories(home: homeDirectory) }

    private func expandTilde(_ path: String) -> String { directories.expandingTilde(path) }

    private func displayPath(_ path: String) -> String { directories.abbreviatingHome(path) }
}

/// A configuration ready to use, and the warnings to print once on stderr.
public struct ResolvedConfiguration: Sendable {
    /// The client's settings; its `zone` is the zone requests go to by default (empty when only `all` is known).
    public var configuration: ClientConfiguration
    /// The zones to show.
    public var zones: ZoneSelection
    public var warnings: [String]
}
