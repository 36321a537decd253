import Foundation
import Testing
@testable import QingCloud

@Suite("$HOME and XDG, as ssh, git and qingcloud-cli read them")
struct UserDirectoriesTests {
    @Test func homeComesFromTheEnvironmentWhenSet() {
        var askedPasswd = false
        let directories = UserDirectories(environment: ["HOME": "/srv/ci/home/"]) {
            askedPasswd = true
            return "/home/passwd-user"
        }
        #expect(directories.home == "/srv/ci/home")
        #expect(directories.state == "/srv/ci/home/.local/state")
        #expect(!askedPasswd)
    }

    @Test(arguments: [[:], ["HOME": ""]])
    func passwdEntryOnlyWhenHomeIsUnsetOrEmpty(environment: [String: String]) {
        let directories = UserDirectories(environment: environment) { "/home/passwd-user" }
        #expect(directories.home == "/home/passwd-user")
    }

    @Test func absoluteXDGStateHomeWinsAndARelativeOneIsIgnored() {
        let absolute = UserDirectories(environment: ["HOME": "/h", "XDG_STATE_HOME": "/var/state/"]) { nil }
        #expect(absolute.state == "/var/state")
        let relative = UserDirectories(environment: ["HOME": "/h", "XDG_STATE_HOME": "state"]) { nil }
        #expect(relative.state == "/h/.local/state")
    }

    @Test func tildeExpandsToHomeAndBack() {
        let directories = UserDirectories(home: "/h/me")
        #expect(directories.expandingTilde("~") == "/h/me")
        #expect(directories.expandingTilde("~/ca.pem") == "/h/me/ca.pem")
        #expect(directories.expandingTilde("~other/ca.pem") == "~other/ca.pem")
        #expect(directories.expandingTilde("/etc/ca.pem") == "/etc/ca.pem")
        #expect(directories.abbreviatingHome("/h/me/.qingcloud/config.yaml") == "~/.qingcloud/config.yaml")
        #expect(directories.abbreviatingHome("/h/meadow/x") == "/h/meadow/x")
        #expect(UserDirectories(home: "/").expandingTilde("~/x") == "/x")
    }

    @Test func configFileIsReadFromTheEnvironmentsHome() throws {
        let home = try ConfigurationTests.Home(config: ConfigurationTests.cliConfig)
        let sources = ConfigurationSources(environment: ["HOME": home.path])
        #expect(sources.defaultConfigPath == home.path + "/.qingcloud/config.yaml")
        #expect(try sources.resolve().configuration.accessKeyID == "FILEKEYID")
        let missing = ConfigurationSources(environment: ["HOME": home.path + "/nowhere"])
        #expect(throws: ConfigurationError.missing(
            key: "qy_access_key_id", file: "~/.qingcloud/config.yaml",
            hint: "set it there, or QINGCLOUD_ACCESS_KEY, or pass --access-key-id (or try --demo)")) {
            try missing.resolve()
        }
    }
}
