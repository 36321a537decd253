import ArgumentParser
import CursesTerminal
import Foundation
import ImageBrowser
import Logging
import QingCloud

/// `qcimages` / `qcimages browse`: the full-screen browser.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the full-screen image browser (the default command).",
        discussion: """
            Examples:
              $ qcimages --demo                The browser on a built-in simulator.
              $ qcimages --refresh 2 -z sh1a   Refresh every 2 s (0: no live refresh).
              $ qcimages -z pek3a,sh1a         Two zones at once (or -z all).
              $ qcimages --filter os:ubuntu    Open with the filter applied.
              $ qcimages --view prod-ubuntu    Open a saved view (filter, sort, zones).

            Press ? in the browser for every key.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var requestTimeout: RequestTimeoutOptions

    @Option(help: ArgumentHelp("Open with this filter applied, as if typed after / (e.g. 'os:ubuntu status:available').", valueName: "filter"))
    var filter = ""

    @Option(help: ArgumentHelp("Open with a view of the settings file (`views:`): its filter, its sort and its zones (-z wins over them; --filter replaces its filter).", valueName: "name"))
    var view: String?

    @Option(help: ArgumentHelp("Seconds between live status refreshes (at least 1; 0 turns it off; default: `refresh:` in the settings file, else 5).", valueName: "seconds"))
    var refresh: Double?

    @Option(name: .customLong("sweep-rate"), help: ArgumentHelp("Requests per second per zone that re-read the whole catalogue in turn, beyond the rows on screen (0.1 to 50; see README, \"Live refresh\").", valueName: "requests"))
    var sweepRate = BrowserOptions.defaultSweepRate

    @Flag(name: .customLong("no-color"), help: "Draw without colours (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: ArgumentHelp("Colours: dark (for a dark background), light (for a light one), mono (no colours) or auto (light when COLORFGBG says the background is light, else dark; the default, or `theme:` in the settings file). NO_COLOR and --no-color still draw without colours.", valueName: "theme"))
    var theme: ThemeName?

    @Flag(help: "Turn the mouse on: a click selects a row, sorts by a column title or filters to a zone, the wheel scrolls (off by default: it takes the terminal's own text selection; Shift-drag still selects in most terminals).")
    var mouse = false

    @Option(name: .customLong("escape-delay"), help: ArgumentHelp("Milliseconds to wait after Esc for a key sequence.", valueName: "ms"))
    var escapeDelay = 25

    @Option(name: .customLong("log-file"), help: ArgumentHelp("Where to write the log (default: $XDG_STATE_HOME/qcimages/qcimages.log, its directories created when missing, never the home directory; a --log-file directory must exist). Without a default log (a read-only or missing home) the browser opens and says so in the footer; a log that cannot be written (a full disk) is given up; the browser goes on.", valueName: "path"))
    var logFile: String?

    func validate() throws {
        if let refresh, !(refresh == 0 || (refresh >= 1 && refresh <= 86_400)) {
            throw ValidationError("--refresh must be 0 (off) or from 1 to 86400 seconds")
        }
        guard (0.1...50).contains(sweepRate) else { throw ValidationError("--sweep-rate must be from 0.1 to 50 requests a second") }
        guard (0...2_000).contains(escapeDelay) else { throw ValidationError("--escape-delay must be from 0 to 2000 ms") }
    }

    func run() async throws {
        try await reportingFailures {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw Failure(TerminalStartupError.notATerminal.description)
            }
            let session = try await openSession(picking: false)
            if session.end.exitStatus != 0 { throw ExitCode(session.end.exitStatus) }
        }
    }

    /// Connects, runs the browser until it ends and returns how, with the first zone shown (the zone of
    /// an image not tagged with one). `picking`: `qcimages pick`, on `/dev/tty`; `allowsMarks`: whether
    /// Space marks images (not in pick without `--multi`). Throws a ``Failure`` for anything that stops it
    /// before the screen is taken over.
    func openSession(picking: Bool, allowsMarks: Bool = true) async throws -> (end: SessionEnd, zone: String) {
        let directories = UserDirectories()
        let (logger, logNotice, logPath) = try openLog(directories: directories)
        let startup = SettingsStartup(directories: directories, environment: ProcessInfo.processInfo.environment)
        startup.log(to: logger)
        let refresh = startup.refreshSeconds(commandLine: refresh)
        let chosenView = try startup.view(named: view)
        var start = startup.start(view: chosenView, commandLineZones: connection.zone)
        var connectionOptions = self.connection
        connectionOptions.zone = start.zones
        var zonesNotice: String?
        if connection.zone == nil, start.zones != nil {
            do {
                try connectionOptions.validate()
            } catch {
                // A view's zones were asked for: an error. Remembered ones (another account's, or the demo's)
                // never stop a start: they are left out and the footer says why.
                if let chosenView, chosenView.zones != nil { throw Failure("the view \(chosenView.name): \(error)") }
                zonesNotice = "\(startup.file.location.displayPath): last: zones \(start.zones ?? "") not used: \(error)"
                start.zones = nil
                connectionOptions.zone = nil
            }
        }
        let connection = try await connectionOptions.connect(logger: logger, requestTimeout: requestTimeout.duration)
        let zones: (zones: [String], faulty: [String])
        do {
            // -z all asks DescribeZones now: a failure is one line before the screen is taken over.
            zones = try await connection.zoneIDs()
        } catch {
            await connection.close()
            throw error
        }
        let endpoint = connection.client.configuration.endpoint
        let options = BrowserOptions(
            endpointLabel: connection.isDemo ? "built-in simulator" : endpoint.host + (endpoint.port == 443 ? "" : ":\(endpoint.port)"),
            zones: zones.zones,
            faultyZones: zones.faulty,
            isDemo: connection.isDemo,
            refreshInterval: refresh == 0 ? nil : .milliseconds(Int64(refresh * 1000)),
            sweepRate: sweepRate,
            startupNotice: SettingsStartup.joined(startup.notice, zonesNotice, logNotice),
            picking: picking,
            allowsMarks: allowsMarks,
            initialFilter: filter.isEmpty ? chosenView?.filter ?? "" : filter,
            keys: startup.keys,
            commands: startup.commands,
            endpointURL: endpoint.url,
            initialSort: start.sort,
            views: startup.views.views,
            zoneSelection: start.zones,
            columns: chosenView?.columns.map { ColumnChoice.named($0).choice } ?? startup.columns,
            sort: startup.sort,
            mouse: mouse || startup.settings.mouse?.value == true,
            settingsFile: startup.file.location.displayPath
        )
        let settings = TerminalSettings(escapeDelayMilliseconds: escapeDelay, mouse: options.mouse,
                                        colorsAllowed: !noColor, theme: theme ?? startup.theme ?? .auto, usesControllingTerminal: picking,
                                        commandLogPath: logPath)
        logger.info("\(picking ? "picking" : "browsing") \(connection.client.configuration) zones=\(zones.zones.joined(separator: ","))")
        let location = startup.file.location
        let outcome = await BrowserSession.run(options: options, service: connection.client, settings: settings,
                                               saveView: { startup.save($0) },
                                               saveSettings: { SettingsStartup.save($0, at: location) })
        await connection.close()
        switch outcome {
        case .failure(let error):
            throw Failure(error.description)
        case .success(let outcome):
            // The screen is restored: a failure to remember is one line on stderr, the session's end stands.
            if let failure = startup.remember(sort: outcome.sort, zones: start.zones) {
                logger.warning("settings: \(failure)")
                StandardError.write("qcimages: \(failure)")
            }
            return (outcome.end, zones.zones[0])
        }
    }

    /// The session's logger, writing to `--log-file` or the default log. A `--log-file` that cannot be
    /// opened is an error (it was asked for); the default log is a convenience: when it cannot be opened
    /// (a read-only or missing home) the browser goes on without a log and says so once, in the footer.
    /// Returns the log's path too, where `background` user commands write their output (nil without a log).
    private func openLog(directories: UserDirectories) throws -> (Logger, notice: String?, path: String?) {
        if let logFile {
            let path = directories.expandingTilde(logFile)
            do {
                let sink = try FileLogHandler.Sink(path: path, creatingDirectoriesBelow: nil)
                return (Logger(label: "qcimages") { FileLogHandler(label: $0, level: .info, sink: sink) }, nil, path)
            } catch {
                throw Failure("cannot open the log file \(path): \(error.description); choose another with --log-file")
            }
        }
        let path = FileLogHandler.defaultPath(directories: directories)
        do {
            let sink = try FileLogHandler.Sink(path: path, creatingDirectoriesBelow: directories.home)
            return (Logger(label: "qcimages") { FileLogHandler(label: $0, level: .info, sink: sink) }, nil, path)
        } catch {
            let notice = "no log: \(directories.abbreviatingHome(path)): \(error.description) (--log-file picks one)"
            return (Logger(label: "qcimages") { _ in SwiftLogNoOpLogHandler() }, notice, nil)
        }
    }
}
