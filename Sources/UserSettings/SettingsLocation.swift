import Foundation
import QingCloud

/// Where qcimages keeps its settings: `$XDG_CONFIG_HOME/qcimages/config.yaml`, or
/// `~/.config/qcimages/config.yaml` when `XDG_CONFIG_HOME` is unset, empty or relative (as the XDG base
/// directory specification says). The qingcloud-cli credentials file (`~/.qingcloud/config.yaml`) is
/// another file and stays as it is.
public struct SettingsLocation: Sendable, Hashable {
    /// The absolute path.
    public var path: String
    /// The path as messages show it, under the home directory written with `~`.
    public var displayPath: String

    public init(path: String, displayPath: String) {
        self.path = path
        self.displayPath = displayPath
    }

    /// The location for `environment` and the user's home.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                directories: UserDirectories = UserDirectories()) {
        let base: String
        if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
            base = configHome.hasSuffix("/") ? String(configHome.dropLast()) : configHome
        } else {
            base = (directories.home == "/" ? "" : directories.home) + "/.config"
        }
        let path = base + "/qcimages/config.yaml"
        self.init(path: path, displayPath: directories.abbreviatingHome(path))
    }

    /// The directory that holds the file.
    public var directory: String { (path as NSString).deletingLastPathComponent }
}
