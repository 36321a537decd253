import Foundation
import QingCloud
import TerminalVocabulary

/// The user's own commands: a free key runs one on the images it applies to, after a `y/n` in the
/// footer when it asks for one; the terminal layer runs it and reports its end.
extension BrowserState {
    /// How long the footer says how a command ended.
    static let commandEndDuration: TimeInterval = 10

    /// The images a command applies to (`QC_IMAGE_IDS`): the marked ones in the list's order when there
    /// are any, else the selected one.
    var commandTargets: [Image] {
        let marked = markedImages
        return marked.isEmpty ? selectedImage.map { [$0] } ?? [] : marked
    }

    /// The user command on `key`, if any.
    func userCommand(for key: Key) -> UserCommand? {
        options.commands.first { $0.key == key }
    }

    /// The command's key was pressed: it runs at once, or asks first.
    mutating func startUserCommand(_ command: UserCommand, now: Date, _ effects: inout [BrowserEffect]) {
        guard let image = selectedImage else {
            show("no image selected: \"\(command.displayTitle)\" runs on one", kind: .warning, now: now)
            return
        }
        let targets = commandTargets
        let variables = CommandEnvironment.variables(
            image: image, zone: options.zones[0], targets: targets, filter: filter.text, endpoint: options.endpointURL
        )
        let subject = targets.count == 1 ? Sanitizer.forDisplay(targets[0].id) : "\(targets.count) marked images"
        let pending = PendingCommand(run: CommandRun(command: command, variables: variables), subject: subject)
        if command.confirm {
            pendingCommand = pending
        } else {
            launch(pending, now: now, &effects)
        }
    }

    /// A key while the footer asks `y/n`: `y` runs the command, `n`, Esc or `q` drop it, Ctrl-C quits;
    /// any other key leaves the question asked.
    mutating func answerConfirmation(_ key: Key, pending: PendingCommand, now: Date, _ effects: inout [BrowserEffect]) {
        switch key {
        case .character("y"), .character("Y"):
            pendingCommand = nil
            launch(pending, now: now, &effects)
        case .character("n"), .character("N"), .character("q"), .escape:
            pendingCommand = nil
            show("not run: \"\(pending.run.command.displayTitle)\"", now: now)
        case .control("c"):
            quit(&effects)
        default:
            break
        }
    }

    /// A ``BrowserEffect/runCommand(_:)`` ended: the footer says how.
    mutating func commandEnded(_ end: CommandEnd, now: Date) {
        show(end.message, kind: end.succeeded ? .info : .warning, now: now, for: Self.commandEndDuration)
    }

    private mutating func launch(_ pending: PendingCommand, now: Date, _ effects: inout [BrowserEffect]) {
        effects.append(.runCommand(pending.run))
        if pending.run.command.output == .background {
            show("\"\(pending.run.command.displayTitle)\" started in the background on \(pending.subject)", now: now)
        }
    }
}
