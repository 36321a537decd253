import Foundation
import Logging
import QingCloud
import Synchronization
import Testing
@testable import QingCloudSimulator

/// The messages logged, shared by the copies of a ``RecordingLogHandler``.
final class LoggedMessages: Sendable {
    let all = Mutex<[String]>([])
}

/// Keeps the messages logged through it.
struct RecordingLogHandler: LogHandler {
    let messages: LoggedMessages
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        messages.all.withLock { $0.append(event.message.description) }
    }
}

@Suite struct ClientRetryLogTests {
    @Test("a retry's wait is logged in seconds with two decimals")
    func retryWaitIsReadable() async throws {
        var configuration = testConfiguration(images: 20)
        configuration.faults = FaultPlan(every: [.busy: 2])
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let logged = LoggedMessages()
        let client = QingCloudClient(
            configuration: ClientConfiguration(
                endpoint: try Endpoint(url: url.absoluteString), accessKeyID: configuration.accessKeyID,
                secretAccessKey: configuration.secretAccessKey, zone: configuration.zone,
                retryPolicy: RetryPolicy(maximumAttempts: 3, baseDelay: .nanoseconds(18_708_368),
                                         maximumDelay: .seconds(1), totalBudget: .seconds(600))),
            logger: Logger(label: "test") { _ in RecordingLogHandler(messages: logged) },
            random: { 0.5 })
        _ = try? await client.describeImagesPage(ImageQuery(limit: 1))
        _ = try? await client.describeImagesPage(ImageQuery(limit: 2))
        await client.shutdown()
        await simulator.stop()
        let retries = logged.all.withLock { $0 }.filter { $0.hasPrefix("retrying") }
        #expect(retries.count == 1)
        // One meaning per line: the retry does not also say it gave up.
        #expect(retries.first?.hasPrefix("retrying DescribeImages after server busy (ret_code 5100)") == true, "\(retries)")
        #expect(retries.first?.contains("gave up") == false, "\(retries)")
        let wait = try #require(retries.first?.firstMatch(of: /waiting ([^)]*)\)/)?.1)
        #expect(wait.wholeMatch(of: /[0-9]+\.[0-9]{2} s/) != nil, "\(wait)")
    }
}
