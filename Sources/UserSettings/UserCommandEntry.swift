/// One entry of `commands:`: a key that runs the user's own shell command on the selected image (or the
/// marked ones), as read from the file. Whether the key is free is checked by the browser, which knows its
/// own keys.
public struct UserCommandEntry: Sendable, Equatable {
    /// Where the command's output goes.
    public enum Output: String, Sendable, CaseIterable {
        /// The browser gives the terminal back, runs the command, waits for Enter and comes back.
        case terminal
        /// The command runs detached, its output to the log; the footer says when it ended.
        case background
    }

    /// The key as written (`L`, `Ctrl-L`, `F7`), parsed by ``TerminalVocabulary/Key/init(name:)``.
    public var key: String
    /// What help and the footer call it.
    public var title: String
    /// The shell command (`sh -c`), which reads the image from `QC_*` environment variables.
    public var command: String
    /// Whether to ask before running it.
    public var confirm: Bool
    public var output: Output
    /// The line of the entry's first key.
    public var line: Int

    public init(key: String, title: String, command: String, confirm: Bool = false, output: Output = .terminal, line: Int) {
        self.key = key
        self.title = title
        self.command = command
        self.confirm = confirm
        self.output = output
        self.line = line
    }
}
