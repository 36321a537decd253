import ArgumentParser
import Foundation

/// The `qcimages` command: the browser by default, `list` for scripts, `simulate` for a local endpoint.
@main
struct QCImages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qcimages",
        abstract: "Browse the machine images of a QingCloud account.",
        discussion: """
            Examples:
              $ qcimages --demo                  Browse a built-in simulator (no account).
              $ qcimages                         Browse with ~/.qingcloud/config.yaml.
              $ qcimages -z all                  Browse every active zone at once.
              $ qcimages list -W centos -o ids   Print the ids of images named centos.
              $ qcimages wait --until available img-x  Until an image is ready.
              $ qcimages pick --demo             Choose an image, print its id.
              $ qcimages simulate --churn        Serve a local QingCloud API for tests.

            Credentials come from flags, then QINGCLOUD_ACCESS_KEY, QINGCLOUD_SECRET_KEY, QINGCLOUD_ZONE and \
            QINGCLOUD_ENDPOINT, then ~/.qingcloud/config.yaml (the qingcloud-cli file). Run qcimages help \
            <command> (browse, pick, list, wait, simulate) for a command's options.
            """,
        version: Version.text,
        subcommands: [BrowseCommand.self, PickCommand.self, ListCommand.self, WaitCommand.self, SimulateCommand.self],
        defaultSubcommand: BrowseCommand.self
    )

    /// ArgumentParser's `main`, except that a mistake in `pick`'s flags exits 2, fzf's status for an error
    /// before the browser opened, so that a script tells it from "nothing chosen" (the other commands keep
    /// ArgumentParser's 64).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if arguments.first == PickCommand.configuration.commandName, exitCode(for: error) == .validationFailure {
                try? FileHandle.standardError.write(contentsOf: Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(PickCommand.failedToOpen)
            }
            exit(withError: error)
        }
    }
}
