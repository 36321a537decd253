import Foundation
import Testing
@testable import QingCloud

/// What the client does with hostile or broken input: server text, config files, zone values, JSON.
@Suite("Hostile input in the client")
struct ClientHostileInputTests {
    @Test("server text in an error is cut to 300 characters: a 1 MB message is not printed whole")
    func serverTextIsCut() {
        let huge = String(repeating: "ServerBusy ", count: 100_000)
        let api = QingCloudError.api(APIError(code: 5100, message: huge), hint: nil).description
        #expect(api.count < 300 + 40, "\(api.count)")
        #expect(api.hasSuffix("…"))
        let http = QingCloudError.httpStatus(code: 500, excerpt: String(repeating: "<p>", count: 1000)).description
        #expect(http.count < 300 + 80)
        let short = QingCloudError.api(APIError(code: 1100, message: "bad zone"), hint: nil).description
        #expect(short == "bad request (ret_code 1100): bad zone")
    }

    static func configError(_ yaml: String) -> String {
        do {
            _ = try ConfigFile.parse(yaml, displayPath: "~/.qingcloud/config.yaml")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test("a YAML error never prints the secret", arguments: [
        ("qy_access_key_id: 'K'\nqy_secret_access_key: ABCSECRET: DEFSECRET\nzone: pek3a\n", "line 2"),
        ("qy_access_key_id: 'K'\nqy_secret_access_key: \"ABC\\qSECRET\"\nzone: pek3a\n", "line 2"),
        ("qy_access_key_id: 'K'\nqy_secret_access_key: 'ABCSECRET' DEFSECRET\nzone: pek3a\n", "line 2"),
        ("qy_secret_access_key: 'ABCSECRET'\nqy_access_key_id: 'K'\nqy_secret_access_key: 'DEFSECRET'\n", "duplicate key qy_secret_access_key"),
        ("qy_access_key_id: 'K'\nqy_secret_access_key: 'ABCSECRET\nzone: pek3a\n", "line"),
        ("qy_access_key_id: [K\nqy_secret_access_key: ABCSECRET\n", "line"),
        ("qy_secret_access_key:\tABCSECRET\t: x\n\tzone: DEFSECRET\n", "line"),
    ])
    func secretNeverInYAMLErrors(yaml: String, expected: String) {
        let message = Self.configError(yaml)
        #expect(message.hasPrefix("config file ~/.qingcloud/config.yaml is not valid YAML: "), "\(message)")
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains("SECRET"), "\(message)")
        #expect(!message.contains("\n"))
        #expect(message.count < 300)
    }

    /// The second guard on its own: the messages above never reach it with the secret in them (they are
    /// built from the parser's problem and position), so it is checked directly on text that holds it.
    @Test("the second guard replaces the secret as written, quoted or not, in any text", arguments: [
        "qy_secret_access_key: 'ABCSECRET99'", "qy_secret_access_key: ABCSECRET99  ", "qy_secret_access_key:\t\"ABCSECRET99\"",
    ])
    func redactionOfAnyText(line: String) {
        let contents = "qy_access_key_id: 'K'\n" + line + "\nzone: pek3a\n"
        let text = "problem near ABCSECRET99 and 'ABCSECRET99' (line 2)"
        let redacted = YAMLProblem.redactingSecrets(text, in: contents)
        #expect(redacted.hasPrefix("problem near <redacted> and ") && redacted.hasSuffix(" (line 2)"), "\(redacted)")
        #expect(!redacted.contains("SECRET"), "\(redacted)")
        #expect(YAMLProblem.redactingSecrets("no secret here", in: contents) == "no secret here")
    }

    @Test("the input Tests/Fuzz/ConfigReader found (Foundation's replacing trapped while redacting) is one line")
    func fuzzFoundRedactionTrap() {
        let bytes: [UInt8] = [
            0x71, 0x79, 0x5F, 0x73, 0x65, 0x63, 0x72, 0x65, 0x74, 0x5F, 0x61, 0x63, 0x63, 0x65, 0x73, 0x73, 0x5F,
            0x6B, 0x65, 0x79, 0x79, 0x3A, 0x20, 0x41, 0x61, 0x63, 0x61, 0x3A, 0x65, 0x61, 0x63, 0x63, 0x65, 0x73,
            0x73, 0x5F, 0x6B, 0x65, 0x79, 0x79, 0x3A, 0x20, 0x41, 0x61, 0x63, 0x87, 0x3A, 0xFF, 0xFF, 0x20, 0xFF,
            0xFF, 0xFF, 0x25, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x3A, 0x5B, 0x5B, 0x5B,
            0x5B, 0x5B, 0x43, 0x4C, 0x4F, 0x55, 0x21, 0x31, 0x44, 0x5F, 0x53, 0x44, 0x4B, 0x5F, 0x56, 0x45, 0x52,
            0x53, 0x49, 0x4F, 0x4E, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x38, 0x00, 0x00, 0x00, 0x5B, 0x3A,
            0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x5B, 0x63, 0x5B,
            0x63, 0x73, 0x73, 0x5F, 0x20, 0x44, 0x45, 0x6B, 0x5B, 0x65, 0x79, 0x79, 0x3A, 0x46, 0x20, 0x41, 0x3A,
            0x20, 0x41, 0x8A, 0x5B, 0x5B, 0x88, 0x88
        ]
        let text = String(decoding: bytes, as: UTF8.self)
        let secret = "SeCrEtVaLuE42"
        for yaml in [text, text.replacingOccurrences(of: "qy_secret_access_key:", with: "qy_secret_access_key: " + secret),
                     "qy_secret_access_key: " + secret + "\n" + text, text + "\nqy_secret_access_key: '" + secret + "'"] {
            let message = Self.configError(yaml)
            #expect(!message.contains(secret))
            #expect(!message.contains("\n"))
        }
    }

    @Test("a deeply nested or huge config gives one short line")
    func deepNestingIsShort() {
        for yaml in ["a: " + String(repeating: "[", count: 100_000), String(repeating: "- ", count: 5_000) + "x",
                     "a: " + String(repeating: "{b: ", count: 20_000), String(repeating: "x", count: 300_000)] {
            let message = Self.configError(yaml)
            #expect(message.contains("config file ~/.qingcloud/config.yaml"), "\(message.prefix(300))")
            #expect(message.count < 300, "\(message.count) characters")
        }
    }

    @Test("zone values are checked before they are sent", arguments: [
        ("pek3a", true), ("SH1A", true), ("ap2a", true), ("gd2", true), ("pek-3a", true),
        ("pek 3a", false), ("北京3区", false), ("pek\u{1B}]0;x\u{07}", false), ("pek3a\n", false),
        (String(repeating: "a", count: 33), false), ("a/b", false), ("pek3a&action=x", false),
    ])
    func zonesAreValidated(zone: String, valid: Bool) throws {
        #expect((ZoneName.problem(zone) == nil) == valid)
        let sources = ConfigurationSources(
            zone: zone, environment: ["QINGCLOUD_ACCESS_KEY": "k", "QINGCLOUD_SECRET_KEY": "s"],
            homeDirectory: "/nonexistent-home")
        if valid {
            #expect(try sources.resolve().configuration.zone == zone.lowercased())
        } else {
            #expect(throws: ConfigurationError.self) { try sources.resolve() }
        }
        let fromEnvironment = ConfigurationSources(
            environment: ["QINGCLOUD_ACCESS_KEY": "k", "QINGCLOUD_SECRET_KEY": "s", "QINGCLOUD_ZONE": zone],
            homeDirectory: "/nonexistent-home")
        #expect((try? fromEnvironment.resolve()) != nil || !valid)
    }

    static func page(names: [String]) -> [UInt8] {
        let images = names.enumerated().map { index, name in
            "{\"image_id\":\"img-\(index)\",\"image_name\":\"\(name)\",\"status\":\"available\",\"size\":20,"
                + "\"processor_type\":\"64bit\",\"platform\":\"linux\",\"os_family\":\"centos\",\"visibility\":\"private\","
                + "\"provider\":\"self\",\"owner\":\"usr-1\",\"recommended_type\":\"c1m1\"}"
        }
        return Array("{\"ret_code\":0,\"total_count\":\(names.count),\"image_set\":[\(images.joined(separator: ","))]}".utf8)
    }

    @Test("a lone surrogate in one name becomes U+FFFD and the page is kept")
    func loneSurrogateKeepsThePage() throws {
        let body = Self.page(names: ["ok", "lone \\ud800 high", "lone \\uDC00 low", "pair \\ud83d\\ude80", "escaped \\\\ud800",
                                     "high then high \\ud800\\ud801"])
        let page = try ResponseDecoder.imagePage(from: body)
        #expect(page.images.map(\.name) == [
            "ok", "lone \u{FFFD} high", "lone \u{FFFD} low", "pair 🚀", "escaped \\ud800", "high then high \u{FFFD}\u{FFFD}",
        ])
        #expect(page.totalCount == 6)
    }
}
