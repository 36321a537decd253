import Foundation
import ImageBrowser
import QingCloud
import QingCloudSimulator
import Synchronization
import TerminalVocabulary

/// Live refresh against statuses that drift: the browser's state runs against the simulator over
/// loopback on a clock stepped from one timer to the next (virtual minutes pass in seconds), with
/// `simulate --drift-per-minute 600 --drift-for 90`. For each size: the requests a minute the browser
/// makes once loaded, the time spent in the browser's update function a minute, how long after the
/// changes stop every status count and the total equal the server's, and the largest `oldest` age the
/// header showed once loaded. Counts are compared every 5 s after the changes stop (every 30 s above
/// 20,000 images). Run: `swift run -c release qcimages-benchmarks freshness [sizes...]`.
enum FreshnessBenchmark {
    struct Row {
        var images: Int
        var requestsPerMinute: Double
        var updateMillisecondsPerMinute: Double
        var convergedAfter: TimeInterval?
        var oldestShown: TimeInterval
        var checkedFor: TimeInterval
    }

    static func run(sizes: [Int]) async throws {
        print("live refresh every 5 s, default sweep budget (\(BrowserOptions.defaultSweepRate) requests/s per zone), 600 status changes a minute for 90 s")
        print("images    requests/min  update ms/min  counts exact after stop  largest 'oldest' shown")
        for size in sizes {
            let row = try await measure(images: size, watch: size > 20_000 ? 1_800 : 300)
            let converged = row.convergedAfter.map { String(format: "%.0f s", $0) } ?? String(format: "not within %.0f s", row.checkedFor)
            print(String(format: "%-9d %12.0f  %13.1f  %23@  %.0f s", row.images, row.requestsPerMinute,
                         row.updateMillisecondsPerMinute, converged as NSString, row.oldestShown))
        }
    }

    /// One size: drift for 90 s, then `watch` seconds of stillness.
    static func measure(images: Int, watch: TimeInterval) async throws -> Row {
        let start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let clock = Mutex(start)
        var configuration = SimulatorConfiguration()
        configuration.imageCount = images
        configuration.seed = 16
        configuration.statusDrift = StatusDrift(perMinute: 600, seconds: 90)
        configuration.timestampWindow = .seconds(86_400)
        configuration.clock = { clock.withLock { $0 } }
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let client = QingCloudClient(configuration: ClientConfiguration(
            endpoint: try Endpoint(url: url.absoluteString), accessKeyID: configuration.accessKeyID,
            secretAccessKey: configuration.secretAccessKey, zone: configuration.zone))
        var state = BrowserState(options: BrowserOptions(endpointLabel: "loopback", zones: [configuration.zone]))
        var now = start
        var queue: [(RequestID, ImageQuery)] = []
        var timers: [BrowserTimer.Kind: (BrowserTimer, Date)] = [:]
        var updateTime = Duration.zero
        var requests = 0
        var loadedAt: Date?
        var requestsWhenLoaded = 0
        var updateWhenLoaded = Duration.zero
        var oldestShown: TimeInterval = 0
        var convergedAt: Date?
        var nextCheck = start.addingTimeInterval(90)

        /// Runs `step` (an update), timing it, and keeps the requests and timers it asks for.
        func apply(_ step: (inout BrowserState) -> [BrowserEffect]) {
            let began = ContinuousClock.now
            let effects = step(&state)
            updateTime += ContinuousClock.now - began
            for effect in effects {
                switch effect {
                case .fetch(let id, let query): queue.append((id, query))
                case .cancel(let id): queue.removeAll { $0.0 == id }
                case .schedule(let timer, let delay): timers[timer.kind] = (timer, now.addingTimeInterval(seconds(delay)))
                case .quit, .choose, .copyToClipboard, .runCommand, .describeInstances, .countInstances, .saveView, .saveSettings, .setMouse: break
                }
            }
        }
        func apply(_ event: BrowserEvent) {
            apply { Browser.update(&$0, event, now: now) }
        }

        apply(.resize(TerminalSize(width: 160, height: 45)))
        apply { Browser.start(&$0, now: now) }
        let end = start.addingTimeInterval(90 + watch)
        while now < end {
            while !queue.isEmpty {
                let (id, query) = queue.removeFirst()
                let result: Result<ImagePage, QingCloudError>
                do { result = .success(try await client.describeImages(query)) } catch { result = .failure(QingCloudError(error)) }
                requests += 1
                apply(.fetched(id, result))
            }
            if loadedAt == nil, state.isFullyLoaded {
                loadedAt = now
                requestsWhenLoaded = requests
                updateWhenLoaded = updateTime
            }
            if loadedAt != nil, let oldest = state.oldestRead { oldestShown = max(oldestShown, now.timeIntervalSince(oldest)) }
            if convergedAt == nil, now >= nextCheck {
                if try await browserCounts(state) == serverCounts(client) { convergedAt = now }
                nextCheck = now.addingTimeInterval(images > 20_000 ? 30 : 5)
            }
            guard let (kind, (timer, due)) = timers.filter({ $0.key == .refresh || $0.key == .retryLoading || $0.key == .sweep }).min(by: { $0.value.1 < $1.value.1 })
            else { break }
            timers[kind] = nil
            now = max(now, due)
            clock.withLock { $0 = now }
            apply(.timerFired(timer))
        }
        await client.shutdown()
        await simulator.stop()
        let minutes = max(1e-9, now.timeIntervalSince(loadedAt ?? start) / 60)
        let updateMilliseconds = seconds(updateTime - updateWhenLoaded) * 1000
        return Row(images: images, requestsPerMinute: Double(requests - requestsWhenLoaded) / minutes,
                   updateMillisecondsPerMinute: updateMilliseconds / minutes,
                   convergedAfter: convergedAt.map { $0.timeIntervalSince(start) - 90 }, oldestShown: oldestShown,
                   checkedFor: watch)
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Each status's count and the total, as the browser holds them.
    static func browserCounts(_ state: BrowserState) -> [String: Int] {
        var counts = ["total": state.imageCount]
        for (status, count) in state.statusCounts { counts[status.rawValue] = count }
        return counts.filter { $0.value > 0 }
    }

    /// Each status's count (`status.1=X&limit=1`) and the total of the default listing, as the server has them.
    static func serverCounts(_ client: QingCloudClient) async throws -> [String: Int] {
        var counts = ["total": try await client.describeImages(ImageQuery(limit: 1)).totalCount]
        for status in [ImageStatus.pending, .available, .deprecated, .suspended, .deleted] {
            counts[status.rawValue] = try await client.describeImages(ImageQuery(statuses: [status], limit: 1)).totalCount
        }
        return counts.filter { $0.value > 0 }
    }
}
