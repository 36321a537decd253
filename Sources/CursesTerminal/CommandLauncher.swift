import Foundation
import Glibc
import ImageBrowser
import TerminalVocabulary

/// Starts the user's commands: each gets the environment qcimages inherited (the user's own, left as
/// it was: nothing removed, and no credential added) with the image's `QC_*` variables on top.
/// A `background` command runs detached: its own process group, stdin from /dev/null, stdout and
/// stderr appended to the log (to /dev/null when there is no log, which its end message says).
struct CommandLauncher: Sendable {
    /// The environment qcimages inherited.
    var environment: [String: String]
    /// qcimages' log, where background commands' output goes; nil when there is none.
    var logPath: String?

    /// The command's whole environment: the inherited one with the run's variables on top.
    func environment(for run: CommandRun) -> [String: String] {
        environment.merging(run.variables) { $1 }
    }

    /// Starts `run` in the background and returns at once; `post` gets its end (or why it did not start).
    func startInBackground(_ run: CommandRun, post: @escaping @Sendable (BrowserEvent) -> Void) {
        let title = run.command.title
        let started = ContinuousClock.now
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        var output = logPath.map { open($0, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600) } ?? -1
        let discarded = output < 0
        if discarded { output = open("/dev/null", O_WRONLY | O_CLOEXEC) }
        defer {
            close(input)
            close(output)
        }
        let id = Sanitizer.forDisplay(run.variables[CommandEnvironment.fieldVariables[0].name] ?? "")
        if !discarded {
            Self.write("qcimages: \"\(Sanitizer.forDisplay(title))\" on \(id) started in the background; its output follows\n", to: output)
        }
        let process: ShellProcess
        do {
            process = try ShellProcess.start(command: run.command.command, environment: environment(for: run),
                                             input: input, output: output, error: output, ownProcessGroup: true)
        } catch {
            post(.commandEnded(CommandEnd(title: title, status: .notStarted(error.description), duration: .zero)))
            return
        }
        let logPath = discarded ? nil : logPath
        let waiter = Thread {
            let end = CommandEnd(title: title, status: process.wait(), duration: ContinuousClock.now - started,
                                 outputDiscarded: discarded)
            if let logPath {
                let log = open(logPath, O_WRONLY | O_APPEND | O_CLOEXEC)
                if log >= 0 {
                    Self.write("qcimages: \(end.message)\n", to: log)
                    close(log)
                }
            }
            post(.commandEnded(end))
        }
        waiter.name = "qcimages-command"
        waiter.start()
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
