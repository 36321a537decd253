import ArgumentParser
import Foundation
import Logging
import QingCloud

extension WaitTarget: ExpressibleByArgument {}

/// `qcimages wait`: polls DescribeImages until images reach a status, with the exit codes scripts know
/// from `timeout(1)` and shells (124, 130), so that a captured image can be used the moment it is ready.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Wait until images reach a status; say at once when one never will.",
        usage: "qcimages wait --until <status> [<options>] <image>... (- for stdin)",
        discussion: """
            Examples:
              $ qcimages wait --until available img-a1b2c3d4   A captured image, ready.
              $ qcimages wait --until deleted pek3a/img-x sh1a/img-y    Two zones.
              $ qcimages list -s pending -o ids | qcimages wait --until available -

            Images are given as ids (looked for in the zones of -z; with several zones, waited for in each \
            zone that knows them) or as zone/id; - reads more of them from stdin, separated by spaces or \
            lines. Every --interval, each zone is asked with DescribeImages (images.n, every status.n, 100 \
            ids per request). On a terminal one progress line on stderr is redrawn in place; to a pipe or \
            file, one line per change. When every image is there, their names are printed on stdout, one \
            per line, as given.

            Exit status: 0 every image is there; 1 one image cannot get there any more (waiting for \
            available or deprecated and it is suspended, deleted or ceased, or deprecated when waiting for \
            available; an id the API does not know), with one line saying which and why, or an error that \
            asking again cannot mend (credentials, permission, clock); 2 no ids or a word that is not an \
            id; 124 --timeout ran out; 130 interrupted (Ctrl-C). An image in a transition (creating, \
            deleting, ...) is judged when it settles; ceased counts as deleted. A poll that fails after \
            the retries of list is not a verdict: it is shown and asked again at the next interval.
            """
    )

    @Argument(help: ArgumentHelp("Image ids (img-x or zone/img-x); - reads them from stdin.", valueName: "image"))
    var images: [String] = []

    @Option(help: ArgumentHelp("The status to wait for.", valueName: "status"))
    var until: WaitTarget

    @Option(help: ArgumentHelp("How long to wait in all (90s, 30m, 1h); then exit status 124.", valueName: "duration"))
    var timeout = DurationArgument(.seconds(30 * 60))

    @Option(help: ArgumentHelp("How often to ask (at least 1s).", valueName: "duration"))
    var interval = DurationArgument(.seconds(5))

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var requestTimeout: RequestTimeoutOnlyOptions

    func validate() throws {
        guard interval.duration >= .seconds(1) else { throw ValidationError("--interval must be at least 1s") }
        guard timeout.duration > .zero else { throw ValidationError("--timeout must be more than 0") }
    }

    /// The exit status of `timeout(1)` when the time ran out.
    static let timedOutStatus = ExitCode(124)
    /// The exit status of a command a shell saw interrupted by SIGINT.
    static let interruptedStatus = ExitCode(130)
    /// The exit status of input that names no image.
    static let badInputStatus = ExitCode(2)

    private enum Ending: Sendable {
        case decided(WaitLedger.Outcome, WaitLedger)
        case timedOut
        case interrupted
    }

    func run() async throws {
        let given: [WaitedImage]
        do {
            given = try WaitInput.images(arguments: images) { try FileHandle.standardInput.readToEnd() ?? Data() }
        } catch {
            StandardError.write("qcimages: \(error)")
            throw Self.badInputStatus
        }
        let display = WaitDisplay(isTerminal: isatty(STDERR_FILENO) == 1)
        try await reportingFailures {
            let logger = Logger(label: "qcimages") { _ in SwiftLogNoOpLogHandler() }
            let connection = try await connection.connect(logger: logger, requestTimeout: requestTimeout.duration)
            let result: Result<Ending, any Error>
            do {
                result = .success(try await Self.race(given, until: until, every: interval.duration,
                                                      timeout: timeout.duration, connection: connection, display: display))
            } catch {
                result = .failure(error)
            }
            // The connection is closed whatever happened; the error is reported after.
            await connection.close()
            display.finish()
            let ending = try result.get()
            let standing = display.ledger
            switch ending {
            case .decided(.allReached, let ledger):
                StandardOutput.write(ledger.images.map { "\($0)\n" }.joined())
            case .decided(.unreachable(let line), _):
                throw Failure(line)
            case .timedOut:
                StandardError.write("qcimages: timed out after \(DurationArgument.format(timeout.duration)): " + Self.standing(standing))
                throw Self.timedOutStatus
            case .interrupted:
                StandardError.write("qcimages: interrupted: " + Self.standing(standing))
                throw Self.interruptedStatus
            }
        }
    }

    /// The wait against its deadline and Ctrl-C, with the progress line's clock ticking: whichever ends
    /// first ends the others.
    private static func race(_ given: [WaitedImage], until target: WaitTarget, every interval: Duration,
                             timeout: Duration, connection: Connection, display: WaitDisplay) async throws -> Ending {
        try await withThrowingTaskGroup(of: Ending.self) { group in
            group.addTask {
                try await waitForImages(given, until: target, every: interval, connection: connection, display: display)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return .timedOut
            }
            group.addTask {
                await TerminationSignals.wait(for: [SIGINT])
                return .interrupted
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: .seconds(1))
                    display.redraw()
                }
            }
            defer { group.cancelAll() }
            guard let ending = try await group.next() else { throw CancellationError() }
            return ending
        }
    }

    /// `2/3 available; still waiting for img-x pending (creating), img-y not seen yet`.
    private static func standing(_ ledger: WaitLedger?) -> String {
        guard let ledger else { return "no poll had answered yet" }
        let waiting = ledger.waitingFor
        return "\(ledger.reachedCount)/\(ledger.images.count) \(ledger.target)"
            + (waiting.isEmpty ? "" : "; still waiting for " + waiting.prefix(5).joined(separator: ", ")
                + (waiting.count > 5 ? " and \(waiting.count - 5) more" : ""))
    }

    /// Finds the zones and polls until there is an outcome, showing each round on `display`.
    private static func waitForImages(_ given: [WaitedImage], until target: WaitTarget, every interval: Duration,
                                      connection: Connection, display: WaitDisplay) async throws -> Ending {
        // Bare ids go to the zones of -z; when every id names its zone, DescribeZones is not asked.
        var zones: [String] = []
        if given.contains(where: { $0.zone == nil }) {
            let resolved = try await connection.zoneIDs()
            for zone in resolved.faulty {
                StandardError.write("qcimages: zone \(zone) skipped: DescribeZones lists it as faulty")
            }
            zones = resolved.zones
        }
        let ledger = WaitLedger(target: target, images: given, zones: zones)
        display.start(ledger)
        let waiter = ImageWaiter(poller: ImageStatusPoller(service: connection.client), interval: interval)
        let outcome = try await waiter.run(ledger) { round in display.show(round) }
        return .decided(outcome, display.ledger ?? ledger)
    }
}

/// The images `qcimages wait` is given: its arguments, with `-` standing for the words of stdin.
enum WaitInput {
    /// Why the input names no image to wait for.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// The images of `arguments`, `-` replaced by the words `readStandardInput` returns; a word that is
    /// not an id, or nothing to wait for, is one line.
    static func images(arguments: [String], readStandardInput: () throws -> Data) throws -> [WaitedImage] {
        var words: [String] = []
        var readStdin = false
        for argument in arguments {
            guard argument == "-" else {
                words.append(argument)
                continue
            }
            guard !readStdin else { continue }
            readStdin = true
            guard let text = String(data: try readStandardInput(), encoding: .utf8) else {
                throw Problem(description: "stdin is not UTF-8 text; expected image ids, one per line")
            }
            let read = text.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !read.isEmpty else { throw Problem(description: "no image ids on stdin (-); expected one per line") }
            words += read
        }
        guard !words.isEmpty else {
            throw Problem(description: "no image ids: give them as arguments (img-x or zone/img-x), or - to read them from stdin")
        }
        return try words.map { word throws in try WaitedImage(parsing: word) }
    }
}
