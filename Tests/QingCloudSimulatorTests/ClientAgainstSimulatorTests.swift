import Foundation
import QingCloud
import Synchronization
import Testing
@testable import QingCloudSimulator

/// Counts calls to the client's source of jitter: it is drawn once per failed attempt.
final class FailureCounter: Sendable {
    private let count = Mutex(0)

    var failures: Int { count.withLock { $0 } }

    var random: @Sendable () -> Double {
        { [self] in
            count.withLock { $0 += 1 }
            return 0.5
        }
    }
}

/// The shared client (`QingCloudClient`, `ImagePager`) against the simulator over real HTTP.
@Suite struct ClientAgainstSimulatorTests {
    /// Enough attempts for the longest run of faulted requests in `retriedFaults` (4, for 3, 5 and 7), short
    /// pauses, and a budget generous enough that a loaded machine never cuts the retries short.
    static let quickRetries = RetryPolicy(
        maximumAttempts: 6, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5), totalBudget: .seconds(600),
        busy: .init(maximumAttempts: 6, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5), totalBudget: .seconds(600)))

    /// Runs `body` with a simulator and a client pointed at it, and stops both afterwards.
    func withClient<Result>(
        _ configuration: SimulatorConfiguration,
        secret: String? = nil,
        clientClock: (@Sendable () -> Date)? = nil,
        retryPolicy: RetryPolicy = quickRetries,
        method: RequestMethod = .get,
        path: String = "/iaas/",
        random: @escaping @Sendable () -> Double = { 0.5 },
        _ body: (QingCloudClient, Simulator) async throws -> Result
    ) async throws -> Result {
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        var endpoint = try Endpoint(url: url.absoluteString)
        endpoint.path = path
        let client = QingCloudClient(
            configuration: ClientConfiguration(
                endpoint: endpoint, accessKeyID: configuration.accessKeyID,
                secretAccessKey: secret ?? configuration.secretAccessKey, zone: configuration.zone,
                requestTimeout: .seconds(20), retryPolicy: retryPolicy, method: method),
            random: random,
            now: clientClock ?? configuration.clock
        )
        do {
            let result = try await body(client, simulator)
            await client.shutdown()
            await simulator.stop()
            return result
        } catch {
            await client.shutdown()
            await simulator.stop()
            throw error
        }
    }

    /// A query through the client and the catalogue images it must select.
    struct QueryCase: Sendable, CustomTestStringConvertible {
        let name: String
        let query: @Sendable ([Image]) -> ImageQuery
        let selects: @Sendable (Image, [Image]) -> Bool
        var testDescription: String { name }
    }

    /// The error a page request fails with; nil (and a recorded issue) when it succeeds.
    func failure(of client: QingCloudClient, _ query: ImageQuery) async -> QingCloudError? {
        do throws(QingCloudError) {
            _ = try await client.describeImagesPage(query)
        } catch {
            return error
        }
        Issue.record("the request should have failed")
        return nil
    }

    static func account(_ images: [Image]) -> String {
        images.first { $0.visibility == .private }!.owner
    }

    static let queryCases: [QueryCase] = [
        QueryCase(name: "no filter", query: { _ in ImageQuery() }) { image, _ in image.status != .ceased },
        QueryCase(name: "statuses", query: { _ in ImageQuery(statuses: [.deleted, .ceased, .pending]) }) { image, _ in
            [.deleted, .ceased, .pending].contains(image.status)
        },
        QueryCase(name: "one os family", query: { _ in ImageQuery(osFamilies: ["debian"]) }) { image, _ in
            image.osFamily == "debian" && image.status != .ceased
        },
        QueryCase(name: "two os families", query: { _ in ImageQuery(osFamilies: ["windows", "uos"]) }) { image, _ in
            ["windows", "uos"].contains(image.osFamily) && image.status != .ceased
        },
        QueryCase(name: "processor type", query: { _ in ImageQuery(processorType: .bits32) }) { image, _ in
            image.processorType == .bits32 && image.status != .ceased
        },
        QueryCase(name: "visibility", query: { _ in ImageQuery(visibility: .private) }) { image, _ in
            image.visibility == .private && image.status != .ceased
        },
        QueryCase(name: "provider", query: { _ in ImageQuery(provider: .system) }) { image, _ in
            image.provider == .system && image.status != .ceased
        },
        QueryCase(name: "owner", query: { images in ImageQuery(owner: account(images)) }) { image, images in
            image.owner == account(images) && image.status != .ceased
        },
        QueryCase(name: "tags", query: { images in ImageQuery(tagIDs: [images.flatMap(\.tags).first!.id]) }) { image, images in
            image.tags.contains(images.flatMap(\.tags).first!) && image.status != .ceased
        },
        QueryCase(name: "image ids", query: { images in ImageQuery(imageIDs: [images[9].id, images[4].id]) }) { image, images in
            image.id == images[4].id || image.id == images[9].id
        },
        QueryCase(name: "search word", query: { _ in ImageQuery(searchWord: "Windows Server") }) { image, _ in
            image.name.lowercased().contains("windows server") && image.status != .ceased
        },
        QueryCase(name: "search word with hostile text", query: { _ in ImageQuery(searchWord: "bidi-\u{202E}") }) { image, _ in
            image.name.contains("bidi-\u{202E}") && image.status != .ceased
        },
        QueryCase(name: "verbose 0", query: { _ in ImageQuery(verbose: 0) }) { image, _ in image.status != .ceased },
    ]

    @Test(arguments: queryCases)
    func everyFilterThroughTheClient(_ queryCase: QueryCase) async throws {
        let configuration = testConfiguration(images: 400)
        let images = catalogue(of: configuration)
        let expected = images.filter { queryCase.selects($0, images) }
        #expect(!expected.isEmpty)
        try await withClient(configuration) { client, _ in
            let page = try await ImagePager(service: client).fetchAll(matching: queryCase.query(images))
            #expect(page.images.map(\.id) == expected.map(\.id))
            #expect(page.totalCount == expected.count)
            #expect(page.images.map(\.name) == expected.map(\.name))
        }
    }

    @Test(arguments: [RequestMethod.get, .post], ["/iaas/", "/iaas"])
    func onePageByOffsetAndLimit(method: RequestMethod, path: String) async throws {
        let configuration = testConfiguration(images: 100)
        let visible = catalogue(of: configuration).filter { $0.status != .ceased }
        try await withClient(configuration, method: method, path: path) { client, _ in
            let page = try await client.describeImagesPage(ImageQuery(offset: 10, limit: 15))
            #expect(page.totalCount == visible.count)
            #expect(page.images == Array(visible[10..<25]).map { try! Image(json: SeededCatalogue.serverObject($0)) })
        }
    }

    @Test func pagingAStillCatalogueWithChurnOnGetsExactlyTheCatalogue() async throws {
        let configuration = testConfiguration(images: 2_500, seed: 1, churn: true)
        let expected = catalogue(of: configuration).filter { $0.status != .ceased }.map(\.id)
        try await withClient(configuration) { client, _ in
            let page = try await ImagePager(service: client).fetchAll(matching: ImageQuery())
            #expect(page.images.map(\.id) == expected)
        }
    }

    @Test func pagingA2500ImageCatalogueWhileItChurnsHasNoDuplicatesAndNoGaps() async throws {
        // Every reading of the clock moves it by half a second and virtual time runs 20 times faster:
        // images appear, change and cease while the pages are read.
        let clock = SteppedClock(stepPerReading: 0.5)
        var configuration = testConfiguration(images: 2_500, seed: 1, churn: true, clock: clock)
        configuration.speed = 20
        try await withClient(configuration) { client, simulator in
            let world = simulator.api.zones[configuration.zone]!
            let clockAtStart = simulator.api.clock.virtualElapsed()
            let page = try await ImagePager(service: client, concurrency: 4).fetchAll(matching: ImageQuery())
            let clockAtEnd = simulator.api.clock.virtualElapsed()
            let ids = page.images.map(\.id)
            #expect(Set(ids).count == ids.count, "no duplicates")

            func visible(at time: Int64) -> Set<String> {
                Set(world.page(matching: DescribeImagesFilter(), at: time, offset: 0, limit: .max).page.map(\.entry.image.id))
            }
            let before = visible(at: clockAtStart)
            let after = visible(at: clockAtEnd)
            #expect(clockAtEnd - clockAtStart > 300, "the catalogue really moved meanwhile")
            #expect(before != after)
            let missing = before.intersection(after).subtracting(ids)
            #expect(missing.isEmpty, "no gaps: \(missing.sorted().prefix(10))")
            let appearedMeanwhile = Set(world.entries.filter { ($0.appearance ?? 0) > clockAtStart }.map(\.image.id))
            #expect(Set(ids).isSubset(of: before.union(appearedMeanwhile)))
        }
    }

    @Test func aWrongSecretIsAnAuthenticationErrorAndIsNotRetried() async throws {
        let counter = FailureCounter()
        try await withClient(testConfiguration(images: 20), secret: "wrong-secret", random: counter.random) { client, _ in
            let error = await failure(of: client, ImageQuery())
            guard case .api(let apiError, let hint) = error else {
                Issue.record("expected an API error, got \(String(describing: error))")
                return
            }
            #expect(apiError.returnCode == .authenticationFailed)
            #expect(hint != nil)
            #expect(error?.description.contains("wrong-secret") == false)
            #expect(counter.failures == 1, "one attempt only")
        }
    }

    @Test func aSkewedClockIsRefusedWith1300AndTheHintNamesTheClock() async throws {
        let configuration = testConfiguration(images: 20)
        let skewed: @Sendable () -> Date = { fixedNow.addingTimeInterval(-3600) }
        try await withClient(configuration, clientClock: skewed) { client, _ in
            let error = await failure(of: client, ImageQuery())
            guard case .api(let apiError, _) = error else {
                Issue.record("expected an API error, got \(String(describing: error))")
                return
            }
            #expect(apiError.returnCode == .requestExpired)
            #expect(error?.description.contains("clock") == true)
        }
    }

    @Test func invalidParametersSurfaceAsTypedAPIErrors() async throws {
        try await withClient(testConfiguration(images: 20)) { client, _ in
            let queries = [ImageQuery(imageIDs: ["img-missing0"]), ImageQuery(verbose: 1), ImageQuery(zone: "gd2"),
                           ImageQuery(statuses: [.other("running")])]
            var codes: [Int] = []
            for query in queries {
                let error = await failure(of: client, query)
                if case .api(let apiError, _) = error { codes.append(apiError.code) }
            }
            #expect(codes == [2100, 1100, 1100, 1100])
        }
    }

    static let retriedFaults: [FaultPlan] = [
        FaultPlan(every: [.busy: 2]), FaultPlan(every: [.internalError: 2]), FaultPlan(every: [.updating: 2]),
        FaultPlan(every: [.http500: 2]), FaultPlan(every: [.http503: 2]), FaultPlan(every: [.dropConnection: 2]),
        FaultPlan(latency: .milliseconds(5), every: [.busy: 3, .http503: 5, .dropConnection: 7]),
        // A garbled answer is retried as well: one bad page no longer fails a whole listing.
        FaultPlan(every: [.malformedJSON: 5]), FaultPlan(every: [.truncatedJSON: 5]),
        FaultPlan(every: [.malformedJSON: 2]), FaultPlan(every: [.truncatedJSON: 3]),
    ]

    @Test(arguments: retriedFaults)
    func retryableFaultsAreRetriedAndPagingStillSucceeds(plan: FaultPlan) async throws {
        var configuration = testConfiguration(images: 700)
        configuration.faults = plan
        let expected = catalogue(of: configuration).filter { $0.status != .ceased }.map(\.id)
        let counter = FailureCounter()
        try await withClient(configuration, random: counter.random) { client, _ in
            // One request at a time, so that which requests the faults hit is deterministic.
            let page = try await ImagePager(service: client, concurrency: 1).fetchAll(matching: ImageQuery())
            #expect(page.images.map(\.id) == expected)
            #expect(counter.failures > 0, "faults were met and retried")
        }
    }

    /// A fault on every request, and the typed error it must surface as.
    static let persistentFaults: [(FaultPlan, String)] = [
        (FaultPlan(every: [.busy: 1]), "api 5100"),
        (FaultPlan(every: [.internalError: 1]), "api 5000"),
        (FaultPlan(every: [.updating: 1]), "api 5300"),
        (FaultPlan(every: [.http500: 1]), "http 500"),
        (FaultPlan(every: [.http503: 1]), "http 503"),
        (FaultPlan(every: [.dropConnection: 1]), "transport"),
        (FaultPlan(every: [.malformedJSON: 1]), "malformed"),
        (FaultPlan(every: [.truncatedJSON: 1]), "malformed"),
    ]

    static func kind(of error: QingCloudError) -> String {
        switch error {
        case .api(let apiError, _): "api \(apiError.code)"
        case .httpStatus(let code, _): "http \(code)"
        case .transport: "transport"
        case .malformedResponse: "malformed"
        case .cancelled: "cancelled"
        }
    }

    @Test(arguments: persistentFaults)
    func persistentFaultsSurfaceAsTypedErrorsAfterBoundedRetries(plan: FaultPlan, expected: String) async throws {
        var configuration = testConfiguration(images: 20)
        configuration.faults = plan
        let counter = FailureCounter()
        try await withClient(configuration, random: counter.random) { client, _ in
            guard let error = await failure(of: client, ImageQuery()) else { return }
            #expect(Self.kind(of: error) == expected)
            let retried = Self.quickRetries.delay(after: error, failedAttempts: 1, elapsed: .zero, unitRandom: 0) != nil
            #expect(counter.failures == (retried ? Self.quickRetries.maximumAttempts : 1))
        }
    }
}
