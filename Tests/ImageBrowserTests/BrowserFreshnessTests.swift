import Foundation
import QingCloud
import QingCloudSimulator
import Synchronization
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// The browser's state against the real simulator over loopback, on a clock the test steps: the refresh
/// and retry timers fire at their time, every request is answered at once.
@Suite("Freshness: every count converges after statuses drift")
struct BrowserFreshnessTests {
    @Test("statuses changing with no transition: every status count and the total exact within the target after changes stop",
          arguments: [(3_000, 60.0), (10_000, 120.0)])
    func countsConverge(images: Int, target: TimeInterval) async throws {
        let start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let clock = SteppedClock(start)
        var configuration = SimulatorConfiguration()
        configuration.imageCount = images
        configuration.seed = 16
        configuration.statusDrift = StatusDrift(perMinute: 600, seconds: 90)
        configuration.clock = { clock.now }
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let client = QingCloudClient(configuration: ClientConfiguration(
            endpoint: try Endpoint(url: url.absoluteString), accessKeyID: configuration.accessKeyID,
            secretAccessKey: configuration.secretAccessKey, zone: configuration.zone))
        do {
            try await Self.converge(client: client, clock: clock, start: start, images: images, target: target)
        } catch {
            await client.shutdown()
            await simulator.stop()
            throw error
        }
        await client.shutdown()
        await simulator.stop()
    }

    private static func converge(client: QingCloudClient, clock: SteppedClock, start: Date, images: Int,
                                 target: TimeInterval) async throws {
        var driver = LiveDriver(client: client, clock: clock, now: start)
        await driver.run(until: start.addingTimeInterval(90))
        let before = try await ServerCounts(client: client)
        let drifted = driver.counts
        #expect(drifted != before, "the drift changed statuses the screen does not show: nothing to converge")
        await driver.run(until: start.addingTimeInterval(90 + target))
        let server = try await ServerCounts(client: client)
        #expect(server == before, "the drift stopped at 90 s")
        #expect(driver.counts == server, "\(target) s after the changes stopped")
        #expect(driver.state.catalog.count == server.total)
        let requestsPerMinute = Double(driver.requests) / ((90 + target) / 60)
        #expect(requestsPerMinute < 60 * (2 + 1) + Double(images) / 100 * 2, "\(requestsPerMinute) requests a minute")
    }
}

/// A wall clock the test moves on by hand, shared with the simulator.
final class SteppedClock: Sendable {
    private let date: Mutex<Date>
    init(_ date: Date) { self.date = Mutex(date) }
    var now: Date { date.withLock { $0 } }
    func set(_ now: Date) { date.withLock { $0 = now } }
}

/// The images of each status DescribeImages lists by default, as the server counts them
/// (`status.1=X&limit=1`) or as the browser holds them.
struct ServerCounts: Equatable, CustomStringConvertible {
    static let statuses: [ImageStatus] = [.pending, .available, .deprecated, .suspended, .deleted]
    var byStatus: [ImageStatus: Int]
    var total: Int

    init(client: QingCloudClient) async throws {
        var byStatus: [ImageStatus: Int] = [:]
        for status in Self.statuses {
            byStatus[status] = try await client.describeImages(ImageQuery(statuses: [status], limit: 1)).totalCount
        }
        self.byStatus = byStatus
        total = try await client.describeImages(ImageQuery(limit: 1)).totalCount
    }

    init(byStatus: [ImageStatus: Int], total: Int) {
        self.byStatus = byStatus.filter { $0.value > 0 }
        self.total = total
        for status in Self.statuses where self.byStatus[status] == nil { self.byStatus[status] = 0 }
    }

    var description: String {
        Self.statuses.map { "\($0.rawValue) \(byStatus[$0] ?? 0)" }.joined(separator: ", ") + ", total \(total)"
    }
}

/// Runs a ``BrowserState`` as the terminal loop would, against a real client, on a stepped clock.
struct LiveDriver {
    var state = BrowserState(options: BrowserOptions(endpointLabel: "loopback", zones: ["pek3a"], refreshInterval: .seconds(5)))
    let client: QingCloudClient
    let clock: SteppedClock
    var now: Date
    var pending: [(id: RequestID, query: ImageQuery)] = []
    var timers: [BrowserTimer.Kind: (timer: BrowserTimer, due: Date)] = [:]
    /// Requests answered so far.
    var requests = 0

    init(client: QingCloudClient, clock: SteppedClock, now: Date) {
        self.client = client
        self.clock = clock
        self.now = now
        _ = Browser.update(&state, .resize(TerminalSize(width: 120, height: 40)), now: now)
        absorb(Browser.start(&state, now: now))
    }

    mutating func absorb(_ effects: [BrowserEffect]) {
        for effect in effects {
            switch effect {
            case .fetch(let id, let query): pending.append((id, query))
            case .cancel(let id): pending.removeAll { $0.id == id }
            case .schedule(let timer, let delay): timers[timer.kind] = (timer, now.addingTimeInterval(delay.timeInterval))
            case .quit, .choose, .copyToClipboard, .runCommand, .describeInstances, .countInstances, .saveView, .saveSettings, .setMouse: break
            }
        }
    }

    /// Answers every request (and those they lead to), then fires the refresh and retry timers in turn
    /// until `end`.
    mutating func run(until end: Date) async {
        while true {
            while !pending.isEmpty {
                let request = pending.removeFirst()
                let result: Result<ImagePage, QingCloudError>
                do {
                    result = .success(try await client.describeImages(request.query))
                } catch {
                    result = .failure(QingCloudError(error))
                }
                requests += 1
                absorb(Browser.update(&state, .fetched(request.id, result), now: now))
            }
            let due = timers.filter { $0.key == .refresh || $0.key == .retryLoading || $0.key == .sweep }.min { $0.value.due < $1.value.due }
            guard let (kind, next) = due, next.due <= end else { break }
            timers[kind] = nil
            now = max(now, next.due)
            clock.set(now)
            absorb(Browser.update(&state, .timerFired(next.timer), now: now))
        }
        now = end
        clock.set(end)
    }

    /// The browser's count of each status and its total.
    var counts: ServerCounts { ServerCounts(byStatus: state.statusCounts, total: state.imageCount) }
}
