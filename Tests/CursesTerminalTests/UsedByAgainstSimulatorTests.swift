import Foundation
import QingCloud
import Testing
import TerminalVocabulary
@testable import CursesTerminal
@testable import ImageBrowser
@testable import QingCloudSimulator

/// The detail pane's "Used by" over real HTTP on loopback: the browser's update, the effect runner and the
/// client against a simulator on a free port, its numbers checked against the simulator's own instances.
@Suite("Used by against the simulator")
struct UsedByAgainstSimulatorTests {
    /// A browser on a started simulator, run until its images are loaded.
    private struct Session {
        let simulator: Simulator
        let client: QingCloudClient
        let runner: EffectRunner
        var events: AsyncStream<BrowserEvent>.AsyncIterator
        var state: BrowserState

        init(_ configuration: SimulatorConfiguration) async throws {
            simulator = Simulator(configuration: configuration)
            let url = try await simulator.start()
            client = try configuration.client(at: url)
            let (stream, continuation) = AsyncStream<BrowserEvent>.makeStream()
            runner = EffectRunner(service: client) { continuation.yield($0) }
            events = stream.makeAsyncIterator()
            state = BrowserState(options: BrowserOptions(endpointLabel: "loopback", zones: [configuration.zone], refreshInterval: nil))
            _ = Browser.update(&state, .resize(TerminalSize(width: 130, height: 40)), now: Date())
            run(Browser.start(&state, now: Date()))
            while !state.isFullyLoaded { try await next() }
        }

        func run(_ effects: [BrowserEffect]) {
            for effect in effects { runner.run(effect) }
        }

        mutating func send(_ event: BrowserEvent) {
            run(Browser.update(&state, event, now: Date()))
        }

        mutating func next() async throws {
            send(try #require(await events.next()))
        }

        /// Waits until the detail pane has an answer about `key`.
        mutating func answer(about key: String) async throws -> InstanceUsage.Answer {
            while state.usage.details[key] == nil { try await next() }
            return try #require(state.usage.details[key]?.answer)
        }

        func stop() async {
            runner.cancelAll()
            try? await client.shutdown()
            await simulator.stop()
        }
    }

    private static func configuration(denying denied: Set<String> = []) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.imageCount = 300
        configuration.seed = 7
        configuration.deniedActions = denied
        return configuration
    }

    @Test("holding ↓ through 200 rows asks DescribeInstances once, and its count and first five are the simulator's")
    func usedByMatchesTheCatalogue() async throws {
        var session = try await Session(Self.configuration())
        let zone = session.simulator.configuration.zone
        // While the pages loaded, the first image may have stood still long enough to be asked about.
        while session.state.usage.waitingFor != nil || !session.state.usage.inFlight.isEmpty { try await session.next() }
        let before = session.simulator.requestCount(action: "DescribeInstances", zone: zone)
        for _ in 0..<200 { session.send(.key(.down)) }
        let key = try #require(session.state.selectedKey)
        let answer = try await session.answer(about: key)
        #expect(session.simulator.requestCount(action: "DescribeInstances", zone: zone) - before == 1)

        let api = session.simulator.api
        let world = try #require(api.zones[zone])
        let using = api.instances.catalogue(zone: zone, world: world).entries.filter { $0.imageID == key && $0.status != "ceased" }
        guard case .known(let total, let first) = answer else {
            Issue.record("no count for \(key): \(answer)")
            await session.stop()
            return
        }
        #expect(total == using.count)
        #expect(first.map(\.id) == using.prefix(5).map(\.id))
        #expect(first.map(\.status) == using.prefix(5).map(\.status))
        let frame = Browser.render(session.state, now: Date()).text
        #expect(frame.contains(using.isEmpty ? "Used by     no instances" : "Used by     \(using.count) instance"))

        // An image that several instances run from: the count, the first five listed, the rest counted.
        let counts = Dictionary(grouping: api.instances.catalogue(zone: zone, world: world).entries.filter { $0.status != "ceased" },
                                by: \.imageID).mapValues(\.count)
        let listed = session.state.listSlots.map(session.state.catalog.key(at:))
        let busiest = try #require(counts.filter { listed.contains($0.key) }.max { $0.value < $1.value })
        session.send(.key(.home))
        for _ in 0..<listed.count where session.state.selectedKey != busiest.key { session.send(.key(.down)) }
        try #require(session.state.selectedKey == busiest.key)
        guard case .known(let busiestTotal, let busiestFirst) = try await session.answer(about: busiest.key) else {
            Issue.record("no count for \(busiest.key)")
            await session.stop()
            return
        }
        #expect(busiestTotal == busiest.value)
        #expect(busiestFirst.count == min(5, busiest.value))
        #expect(session.simulator.requestCount(action: "DescribeInstances", zone: zone) - before == 2)
        await session.stop()
    }

    @Test("a key the simulator refuses DescribeInstances (1400): unknown, with why")
    func deniedIsUnknown() async throws {
        var session = try await Session(Self.configuration(denying: ["DescribeInstances"]))
        let key = try #require(session.state.selectedKey)
        #expect(try await session.answer(about: key) == .unknown(reason: "this key may not call DescribeInstances"))
        #expect(session.state.health.error == nil, "the images still load")
        await session.stop()
    }
}
