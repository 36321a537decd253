import Foundation
import ArgumentParser

/// The `qcimages` command: the browser by default, `list` for scripts, `simulate` for a local endpoint.
@main
struct QCImages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qcimages",
        abstract: "Browse the machine images of a QingCloud account.",
        discussion: """
            Credentials come from flags, then QINGCLOUD_ACCESS_KEY, QINGCLOUD_SECRET_KEY, QINGCLOUD_ZONE and \
            QINGCLOUD_ENDPOINT, then ~/.qingcloud/config.yaml (the qingcloud-cli file). \
            Try it without an account: qcimages --demo
            """,
        version: "0.1.0",
        subcommands: [BrowseCommand.self, ListCommand.self, SimulateCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}

extension QCImages {
    /// Runs the command line. A mistake in the flags is one line on stderr, like every other error:
    /// what is wrong and where the help is, not the whole usage text.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let status = exitCode(for: error)
            guard status == .validationFailure else { exit(withError: error) }
            var line = "qcimages: " + message(for: error).replacingOccurrences(of: "\n", with: "; ")
            // The usage text ends "See 'qcimages list --help' for more information."; keep the quoted command.
            if let help = fullMessage(for: error).split(separator: "\n").last(where: { $0.contains("--help") }),
               let open = help.firstIndex(of: "'"), let close = help.lastIndex(of: "'"), open < close {
                line += " (see \(help[open...close]))"
            }
            StandardError.write(line)
            Foundation.exit(status.rawValue)
        }
    }
}
