/// One entry of `keys:`: a built-in action and the keys it is bound to instead of its defaults, as written
/// (`move_down: [j, Down, Ctrl-N]`); no keys (`~` or `[]`) unbinds the action. Whether the action and the
/// keys exist is checked by the browser's key map.
public struct KeyRebinding: Sendable, Equatable {
    /// The action's name (`move_down`, `quit`).
    public var action: String
    /// The key names (`j`, `Down`, `Ctrl-N`); empty to unbind.
    public var keys: [String]
    public var line: Int

    public init(action: String, keys: [String], line: Int) {
        self.action = action
        self.keys = keys
        self.line = line
    }
}
