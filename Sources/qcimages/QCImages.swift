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
