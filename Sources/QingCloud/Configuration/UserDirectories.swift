import Foundation

/// The user's home and state directories as ssh, git and qingcloud-cli find them: `$HOME` when it is set
/// and non-empty, the passwd entry only when it is not.
///
/// Foundation's `NSHomeDirectory()` on Linux reads the passwd entry and ignores `$HOME`, which sends
/// `sudo -E`, container and CI users to someone else's `~/.qingcloud/config.yaml`.
public struct UserDirectories: Sendable, Hashable {
    /// The home directory, without a trailing slash (unless it is `/`).
    public var home: String
    /// Where logs and other state go: `$XDG_STATE_HOME`, else `home/.local/state`.
    public var state: String

    /// `state` defaults to `home/.local/state`.
    public init(home: String, state: String? = nil) {
        self.home = home
        self.state = state ?? Self.joined(home, ".local/state")
    }

    /// Reads `HOME` and `XDG_STATE_HOME` from `environment`; `passwdHome` is asked only when `HOME` is unset
    /// or empty. A relative `XDG_STATE_HOME` is ignored, as the XDG specification says.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                passwdHome: () -> String? = UserDirectories.passwdHome) {
        let fromEnvironment = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        let home = Self.trimmed(fromEnvironment ?? passwdHome() ?? "/")
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? Self.trimmed($0) : nil }
        self.init(home: home, state: state)
    }

    /// `~` and `~/...` made absolute with ``home``; other paths (including `~user`) unchanged.
    public func expandingTilde(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return Self.joined(home, String(path.dropFirst(2))) }
        return path
    }

    /// A path under ``home`` written with `~`, as the user would type it; other paths unchanged.
    public func abbreviatingHome(_ path: String) -> String {
        guard home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// The home directory of the passwd entry of the real user id, or nil when there is none.
    public static func passwdHome() -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(getuid(), &entry, &buffer, buffer.count, &result) == 0, result != nil,
              let directory = entry.pw_dir else { return nil }
        let path = String(cString: directory)
        return path.isEmpty ? nil : path
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    private static func joined(_ directory: String, _ relative: String) -> String {
        directory == "/" ? "/" + relative : directory + "/" + relative
    }
}
