/// What the user set in qcimages' own settings file (`~/.config/qcimages/config.yaml`): one value per
/// section, each entry with the line it came from so that whoever checks its meaning (is this a column,
/// an action, a key that is free?) can name the file and the line.
///
/// A section left out of the file is nil or empty: the built-in default applies. The file is read by
/// ``SettingsFile``; its structure is checked there, its meaning by the part of qcimages that uses it.
public struct Settings: Sendable, Equatable {
    /// `commands:`: the user's own commands on the selection (k9s plugins, lazygit custom commands).
    public var commands: [UserCommandEntry] = []
    /// `columns:`: the list's columns in order, by field name (`[id, name, status, size]`).
    public var columns: Located<[String]>?
    /// `sort:`: the default sort, a field name, `-` in front for descending (`-created`).
    public var sort: Located<String>?
    /// `refresh:`: seconds between live refreshes (0 turns it off).
    public var refresh: Located<Double>?
    /// `theme:`: `dark`, `light`, `mono` or `auto`.
    public var theme: Located<String>?
    /// `mouse:`: whether the mouse is on.
    public var mouse: Located<Bool>?
    /// `remember:`: whether the last sort and zone set are remembered between runs.
    public var remember: Located<Bool>?
    /// `keys:`: built-in actions bound to other keys (`move_down: [j, Down, Ctrl-N]`; `~` unbinds).
    public var keys: [KeyRebinding] = []
    /// `views:`: named filters with their sort, zones and columns, in the file's order.
    public var views: [ViewEntry] = []
    /// `last:`: what `remember: true` keeps (written by qcimages, not by hand).
    public var remembered: RememberedState?

    public init() {}

    /// The top-level keys a settings file may hold, in the order qcimages writes them.
    public static let sectionNames = [
        "theme", "mouse", "refresh", "sort", "columns", "remember", "keys", "commands", "views", "last",
    ]
}

/// A value read from the settings file with its line (from 1), for messages that name the line.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}
