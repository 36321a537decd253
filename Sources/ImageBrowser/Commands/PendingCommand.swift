/// A user command with `confirm: true` waiting for `y` (or `n`) in the footer.
struct PendingCommand: Sendable, Hashable {
    var run: CommandRun
    /// What it runs on, as the prompt names it: the image's id, or how many marked images.
    var subject: String

    /// The footer's question: `run "launch an instance" on img-xxx? y/n`.
    var prompt: String { "run \"\(run.command.displayTitle)\" on \(subject)? y/n" }
}
