import Foundation
import Testing
@testable import QingCloud

@Suite("Where credentials and the endpoint come from")
struct ConfigurationTests {
    /// A throwaway home directory with an optional `.qingcloud/config.yaml`.
    final class Home {
        let path: String
        init(config: String? = nil, mode: Int = 0o600) throws {
            path = NSTemporaryDirectory() + "qcimages-home-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path + "/.qingcloud", withIntermediateDirectories: true)
            if let config {
                try write(config, to: ".qingcloud/config.yaml", mode: mode)
            }
        }
        func write(_ text: String, to relative: String, mode: Int = 0o600) throws {
            let file = path + "/" + relative
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let cliConfig = """
        qy_access_key_id: 'FILEKEYID'
        qy_secret_access_key: 'FILESECRET'
        zone: 'pek3a'
        connection_retries: 3
        log_level: warn
        """

    @Test func readsTheQingcloudCliFile() throws {
        let home = try Home(config: Self.cliConfig)
        let resolved = try ConfigurationSources(environment: [:], homeDirectory: home.path).resolve()
        #expect(resolved.configuration.accessKeyID == "FILEKEYID")
        #expect(resolved.configuration.secretAccessKey == "FILESECRET")
        #expect(resolved.configuration.zone == "pek3a")
        #expect(resolved.configuration.endpoint == .publicCloud)
        #expect(resolved.warnings.isEmpty)
    }

    @Test func privateCloudHostPortProtocolAndURI() throws {
        let home = try Home(config: Self.cliConfig + "\nhost: api.example.internal\nport: 8080\nprotocol: http\nuri: /iaas\n")
        let endpoint = try ConfigurationSources(environment: [:], homeDirectory: home.path).resolve().configuration.endpoint
        #expect(endpoint.url == "http://api.example.internal:8080/iaas")
    }

    @Test func environmentBeatsFileAndFlagsBeatEnvironment() throws {
        let home = try Home(config: Self.cliConfig)
        let environment = [
            "QINGCLOUD_ACCESS_KEY": "ENVKEY", "QINGCLOUD_SECRET_KEY": "ENVSECRET", "QINGCLOUD_ZONE": "sh1a",
            "QINGCLOUD_ENDPOINT": "https://api.qingcloud.com:443/iaas",
        ]
        let fromEnvironment = try ConfigurationSources(environment: environment, homeDirectory: home.path).resolve().configuration
        #expect(fromEnvironment.accessKeyID == "ENVKEY")
        #expect(fromEnvironment.secretAccessKey == "ENVSECRET")
        #expect(fromEnvironment.zone == "sh1a")
        #expect(fromEnvironment.endpoint.path == "/iaas")

        let fromFlags = try ConfigurationSources(accessKeyID: "FLAGKEY", zone: "GD2", endpoint: "http://127.0.0.1:9000/iaas/",
                                                 environment: environment, homeDirectory: home.path).resolve().configuration
        #expect(fromFlags.accessKeyID == "FLAGKEY")
        #expect(fromFlags.secretAccessKey == "ENVSECRET")
        #expect(fromFlags.zone == "gd2")
        #expect(fromFlags.endpoint.url == "http://127.0.0.1:9000/iaas/")
    }

    @Test func explicitConfigPathWithTilde() throws {
        let home = try Home()
        try home.write(Self.cliConfig.replacingOccurrences(of: "pek3a", with: "ap2a"), to: "other.yaml")
        let configuration = try ConfigurationSources(configPath: "~/other.yaml", environment: [:], homeDirectory: home.path).resolve().configuration
        #expect(configuration.zone == "ap2a")
    }

    @Test func worldReadableSecretFileWarnsOnce() throws {
        let home = try Home(config: Self.cliConfig, mode: 0o644)
        let resolved = try ConfigurationSources(environment: [:], homeDirectory: home.path).resolve()
        #expect(resolved.warnings == ["warning: ~/.qingcloud/config.yaml holds your secret key and is readable by others (mode 644); run: chmod 600 ~/.qingcloud/config.yaml"])
    }

    /// Dotfile managers link `~/.qingcloud/config.yaml` to a file elsewhere: the target's mode counts.
    @Test(arguments: [(0o600, false), (0o644, true)])
    func aSymlinkedConfigIsCheckedByItsTargetsMode(mode: Int, warns: Bool) throws {
        let home = try Home()
        try home.write(Self.cliConfig, to: "dotfiles-config.yaml", mode: mode)
        try FileManager.default.createSymbolicLink(atPath: home.path + "/.qingcloud/config.yaml",
                                                   withDestinationPath: home.path + "/dotfiles-config.yaml")
        let resolved = try ConfigurationSources(environment: [:], homeDirectory: home.path).resolve()
        #expect(resolved.configuration.accessKeyID == "FILEKEYID")
        #expect(resolved.warnings == (warns ? ["warning: ~/.qingcloud/config.yaml holds your secret key and is readable by others (mode 644); run: chmod 600 ~/.qingcloud/config.yaml"] : []))
    }

    @Test(arguments: [nil, "~/.qingcloud/config.yaml"])
    func aBrokenSymlinkIsNamedWithItsTarget(configPath: String?) throws {
        let home = try Home()
        try FileManager.default.createSymbolicLink(atPath: home.path + "/.qingcloud/config.yaml",
                                                   withDestinationPath: home.path + "/gone/config.yaml")
        let message = Self.error(home: home, configPath: configPath)
        #expect(message == "cannot read config file ~/.qingcloud/config.yaml: it is a link to a missing file: \(home.path)/gone/config.yaml")
    }

    /// A pipe or a terminal would wait forever and /dev/zero never ends: each is named, never read
    /// (a terminal: in Tests/EndToEnd/setups.sh).
    @Test func whatIsNotAFileIsNamed() throws {
        let home = try Home()
        #expect(mkfifo(home.path + "/fifo.yaml", 0o600) == 0)
        #expect(Self.error(home: home, configPath: "~/fifo.yaml") == "cannot read config file ~/fifo.yaml: it is a pipe (FIFO), not a file")
        #expect(Self.error(home: home, configPath: "/dev/zero") == "cannot read config file /dev/zero: it is a device, not a file")
        #expect(Self.error(home: home, configPath: "~/.qingcloud") == "cannot read config file ~/.qingcloud: it is a directory, not a file")
    }

    @Test func aMisspeltKeyIsWarnedWithFileAndLine() throws {
        let home = try Home(config: Self.cliConfig + "\nhots: api.example.internal\nporotcol: http\nfavourite_colour: blue\n")
        let resolved = try ConfigurationSources(environment: [:], homeDirectory: home.path).resolve()
        #expect(resolved.warnings == [
            "warning: ~/.qingcloud/config.yaml:6: unknown key \"hots\" ignored (did you mean host?)",
            "warning: ~/.qingcloud/config.yaml:7: unknown key \"porotcol\" ignored (did you mean protocol?)",
            "warning: ~/.qingcloud/config.yaml:8: unknown key \"favourite_colour\" ignored (not a key qingcloud-cli reads)",
        ])
        #expect(resolved.configuration.endpoint == .publicCloud)
    }

    @Test func everyKeyTheCliAndGoSDKReadIsKnown() throws {
        let config = Self.cliConfig + "\nhost: h.example\nport: 443\nprotocol: https\nuri: /iaas\nconnection_timeout: 30\n"
        let home = try Home(config: config)
        #expect(try ConfigurationSources(environment: [:], homeDirectory: home.path).resolve().warnings.isEmpty)
    }

    static func error(config: String?, configPath: String? = nil, environment: [String: String] = [:]) throws -> String {
        error(home: try Home(config: config), configPath: configPath, environment: environment)
    }

    static func error(home: Home, configPath: String? = nil, environment: [String: String] = [:]) -> String {
        do {
            _ = try ConfigurationSources(configPath: configPath, environment: environment, homeDirectory: home.path).resolve()
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func eachBadConfigurationGetsOneClearLine() throws {
        let cases: [(String?, String?, String)] = [
            (nil, "~/missing.yaml", "cannot read config file ~/missing.yaml: no such file"),
            (nil, "~/.qingcloud", "cannot read config file ~/.qingcloud: it is a directory"),
            ("qy_access_key_id: [unclosed", nil, "config file ~/.qingcloud/config.yaml is not valid YAML"),
            ("- just\n- a list\n", nil, "config file ~/.qingcloud/config.yaml is not valid YAML: expected key: value pairs at the top level"),
            ("zone: pek3a\nqy_secret_access_key: s\n", nil, "no qy_access_key_id found (config file ~/.qingcloud/config.yaml)"),
            ("zone: pek3a\nqy_access_key_id: k\n", nil, "no qy_secret_access_key found (config file ~/.qingcloud/config.yaml)"),
            ("qy_access_key_id: k\nqy_secret_access_key: s\n", nil, "no zone found (config file ~/.qingcloud/config.yaml)"),
            (Self.cliConfig + "\nport: https\n", nil, "config file ~/.qingcloud/config.yaml: bad port: must be a number from 1 to 65535, not \"https\""),
            (Self.cliConfig + "\nport: 70000\n", nil, "bad port"),
            (Self.cliConfig + "\nprotocol: ftp\n", nil, "config file ~/.qingcloud/config.yaml: bad protocol: must be http or https, not \"ftp\""),
            (Self.cliConfig + "\nhost: [a, b]\n", nil, "config file ~/.qingcloud/config.yaml: bad host: expected a single value"),
            (nil, nil, "no qy_access_key_id found (config file ~/.qingcloud/config.yaml): set it there, or QINGCLOUD_ACCESS_KEY"),
        ]
        for (config, path, expected) in cases {
            let message = try Self.error(config: config, configPath: path)
            #expect(message.contains(expected), "\(message)")
            #expect(!message.contains("\n"))
        }
    }

    @Test func badEndpointInEnvironment() throws {
        let environment = ["QINGCLOUD_ACCESS_KEY": "k", "QINGCLOUD_SECRET_KEY": "s", "QINGCLOUD_ZONE": "pek3a",
                           "QINGCLOUD_ENDPOINT": "ftp://api.qingcloud.com/iaas"]
        let message = try Self.error(config: nil, environment: environment)
        #expect(message == "bad QINGCLOUD_ENDPOINT: bad endpoint \"ftp://api.qingcloud.com/iaas\": protocol must be http or https, not ftp")
    }

    @Test func theSecretNeverShows() throws {
        let home = try Home(config: Self.cliConfig)
        let configuration = try ConfigurationSources(environment: [:], homeDirectory: home.path).resolve().configuration
        for text in [configuration.description, configuration.debugDescription, "\(configuration)", String(reflecting: configuration)] {
            #expect(!text.contains("FILESECRET"))
        }
        let badPort = try Self.error(config: Self.cliConfig + "\nport: x\n")
        #expect(!badPort.contains("FILESECRET"))
    }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maximumAttempts: 4, baseDelay: .milliseconds(100), maximumDelay: .milliseconds(250), totalBudget: .seconds(2))
    static let busy = QingCloudError.api(APIError(code: 5300, message: "ServiceUpdating"), hint: nil)
    static let serverBusy = QingCloudError.api(APIError(code: 5100, message: "ServerBusy"), hint: nil)
    static let internalError = QingCloudError.api(APIError(code: 5000, message: "InternalError"), hint: nil)

    @Test func retriesBusyInternalAndUpdating() {
        for code in [5000, 5100, 5300] {
            let error = QingCloudError.api(APIError(code: code, message: ""), hint: nil)
            #expect(policy.delay(after: error, failedAttempts: 1, elapsed: .zero, unitRandom: 0.5) != nil)
        }
    }

    @Test func neverRetriesClientErrors() {
        for code in [1100, 1101, 1200, 1300, 1400, 2100, 2400, 2500, 5200] {
            let error = QingCloudError.api(APIError(code: code, message: ""), hint: nil)
            #expect(policy.delay(after: error, failedAttempts: 1, elapsed: .zero, unitRandom: 0.5) == nil)
        }
        #expect(policy.delay(after: .cancelled, failedAttempts: 1, elapsed: .zero, unitRandom: 0.5) == nil)
    }

    @Test("a malformed or truncated answer is retried like a transport error")
    func retriesMalformedAnswers() {
        let malformed = QingCloudError.malformedResponse(reason: "not valid JSON", offset: 12, excerpt: "{\"ret_code\":0\"")
        let truncated = QingCloudError.malformedResponse(reason: "the JSON ends early (truncated)", offset: 40, excerpt: "{")
        for error in [malformed, truncated] {
            #expect(policy.delay(after: error, failedAttempts: 1, elapsed: .zero, unitRandom: 1) == .milliseconds(100))
            #expect(policy.delay(after: error, failedAttempts: 4, elapsed: .zero, unitRandom: 1) == nil)
        }
    }

    @Test("5000 and 5100 back off like the official SDK (random * 2^n s), for longer: 8 attempts, 16 s apart at most, 90 s")
    func busyBacksOffLongerThanTheSDK() {
        let policy = RetryPolicy()
        for error in [Self.serverBusy, Self.internalError] {
            let ceilings = (1...7).map { policy.delay(after: error, failedAttempts: $0, elapsed: .zero, unitRandom: 1) }
            #expect(ceilings == [1, 2, 4, 8, 16, 16, 16].map { Duration.seconds($0) })
            #expect(policy.delay(after: error, failedAttempts: 8, elapsed: .zero, unitRandom: 0) == nil)
            #expect(policy.delay(after: error, failedAttempts: 3, elapsed: .seconds(80), unitRandom: 0.5) == .seconds(2))
            #expect(policy.delay(after: error, failedAttempts: 3, elapsed: .seconds(89), unitRandom: 0.5) == nil)
        }
        // Other retryable failures keep the short schedule.
        #expect(policy.delay(after: Self.busy, failedAttempts: 1, elapsed: .zero, unitRandom: 1) == .milliseconds(200))
        #expect(policy.delay(after: Self.busy, failedAttempts: 5, elapsed: .zero, unitRandom: 0) == nil)
    }

    @Test func retriesTransportAndServerHTTPErrors() {
        let refused = QingCloudError.transport(TransportFailure(kind: .connectionRefused, endpoint: "e", detail: ""))
        #expect(policy.delay(after: refused, failedAttempts: 1, elapsed: .zero, unitRandom: 1) == .milliseconds(100))
        #expect(policy.delay(after: .httpStatus(code: 503, excerpt: ""), failedAttempts: 1, elapsed: .zero, unitRandom: 1) != nil)
        #expect(policy.delay(after: .httpStatus(code: 404, excerpt: ""), failedAttempts: 1, elapsed: .zero, unitRandom: 1) == nil)
    }

    @Test func backoffGrowsWithJitterAndIsCapped() {
        #expect(policy.delay(after: Self.busy, failedAttempts: 1, elapsed: .zero, unitRandom: 1) == .milliseconds(100))
        #expect(policy.delay(after: Self.busy, failedAttempts: 2, elapsed: .zero, unitRandom: 1) == .milliseconds(200))
        #expect(policy.delay(after: Self.busy, failedAttempts: 3, elapsed: .zero, unitRandom: 1) == .milliseconds(250))
        #expect(policy.delay(after: Self.busy, failedAttempts: 2, elapsed: .zero, unitRandom: 0.25) == .milliseconds(50))
        #expect(policy.delay(after: Self.busy, failedAttempts: 2, elapsed: .zero, unitRandom: 0) == .zero)
    }

    @Test func boundedInAttemptsAndTime() {
        #expect(policy.delay(after: Self.busy, failedAttempts: 4, elapsed: .zero, unitRandom: 1) == nil)
        #expect(policy.delay(after: Self.busy, failedAttempts: 1, elapsed: .milliseconds(1950), unitRandom: 1) == nil)
        #expect(RetryPolicy.none.delay(after: Self.busy, failedAttempts: 1, elapsed: .zero, unitRandom: 1) == nil)
    }
}
