/// Strings that attack whatever displays them: terminal control sequences, bidirectional overrides,
/// NUL, line breaks and wide emoji, as an image name, description or tag written by anyone can carry.
///
/// The catalogue plants each of them at least once (and a few more at random) so that every output path
/// of qcimages is exercised against them.
public enum HostileText {
    /// One payload per kind of attack, each embedded in otherwise ordinary text.
    public static let samples: [String] = [
        "clear\u{1B}[2Jscreen",
        "clipboard\u{1B}]52;c;cm0gLXJmIH4vKgo=\u{07}write",
        "title\u{1B}]0;you have been pwned\u{07}change",
        "bell\u{07}\u{07}\u{07}ring",
        "overwrite\rEVIL",
        "c1-csi\u{9B}31mred",
        "bidi-\u{202E}gnp.exe",
        "nul\u{0}byte",
        "link\u{1B}]8;;http://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\",
        "dcs\u{1B}P+q544e\u{1B}\\query",
        "line\nbreak\ttab",
        "rocket 🚀 family 👨‍👩‍👧 flag 🇨🇳",
    ]

    /// Names that attack a shell that pastes them into a command line (a user command must get them as
    /// variable values only): command substitution, backticks, and quotes closed around a command.
    public static let shellSamples: [String] = [
        "$(touch /tmp/pwned)",
        "'; rm -rf ~; '",
        "`touch /tmp/pwned-backtick`\"; touch /tmp/pwned-quote; \"",
    ]
}
