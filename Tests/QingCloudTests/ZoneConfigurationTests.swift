import Foundation
import Testing
@testable import QingCloud

@Suite("Where the zones to show come from")
struct ZoneConfigurationTests {
    typealias Home = ConfigurationTests.Home
    static let credentials = "qy_access_key_id: 'K'\nqy_secret_access_key: 'S'\n"

    func resolve(_ config: String, flag: String? = nil, environment: [String: String] = [:]) throws -> ResolvedConfiguration {
        let home = try Home(config: Self.credentials + config)
        return try ConfigurationSources(zone: flag, environment: environment, homeDirectory: home.path).resolve()
    }

    @Test func theFilesZonesListBeatsItsZone() throws {
        let listed = try resolve("zone: pek3a\nzones: [sh1a, GD2]\n")
        #expect(listed.zones == .zones(["sh1a", "gd2"]))
        #expect(listed.configuration.zone == "sh1a")
        let block = try resolve("zones:\n  - ap2a\n  - pek3a\n")
        #expect(block.zones == .zones(["ap2a", "pek3a"]))
        let commas = try resolve("zones: 'pek3a, sh1a'\n")
        #expect(commas.zones == .zones(["pek3a", "sh1a"]))
        let single = try resolve("zone: pek3a\n")
        #expect(single.zones == .zones(["pek3a"]) && !single.zones.isMultiple)
    }

    @Test func allAsksWithTheSingleZoneALaterSourceNames() throws {
        let all = try resolve("zone: pek3a\nzones: all\n")
        #expect(all.zones == .all)
        #expect(all.configuration.zone == "pek3a")
        let allAlone = try resolve("", flag: "all")
        #expect(allAlone.zones == .all && allAlone.configuration.zone == "")
    }

    @Test func environmentBeatsTheFileAndTheFlagBeatsEverything() throws {
        let config = "zone: pek3a\nzones: [pek3a, sh1a]\n"
        let environment = ["QINGCLOUD_ZONES": "gd2a,ap2a", "QINGCLOUD_ZONE": "sh1a"]
        #expect(try resolve(config, environment: environment).zones == .zones(["gd2a", "ap2a"]))
        #expect(try resolve(config, environment: ["QINGCLOUD_ZONE": "sh1a"]).zones == .zones(["sh1a"]))
        let flagged = try resolve(config, flag: "all", environment: environment)
        #expect(flagged.zones == .all && flagged.configuration.zone == "sh1a")
        #expect(try resolve(config, flag: "ap2a,pek3a", environment: environment).zones == .zones(["ap2a", "pek3a"]))
    }

    @Test func aBadZoneListIsOneLineNamingWhereItCameFrom() throws {
        func message(_ config: String, flag: String? = nil, environment: [String: String] = [:]) -> String {
            do {
                _ = try resolve(config, flag: flag, environment: environment)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(message("zones: [pek3a, {a: b}]\n") == "config file ~/.qingcloud/config.yaml: bad zones: expected a list of zone ids")
        #expect(message("zones: 'pek3a,,sh1a'\n").hasPrefix("config file ~/.qingcloud/config.yaml: bad zones: expected zone ids"))
        #expect(message("", flag: "pek3a sh1a") == "bad -z/--zone: \"pek3a sh1a\" is not a zone id (e.g. pek3a, gd2); use commas between zones, or all")
        #expect(message("", environment: ["QINGCLOUD_ZONES": "pek3a;sh1a"]).hasPrefix("bad QINGCLOUD_ZONES: "))
        #expect(message("").hasPrefix("no zone found (config file ~/.qingcloud/config.yaml): set zone (or zones) there"))
    }
}
