import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// The client reuses the decoded page when an answer's bytes repeat (a live refresh of an idle screen),
/// and never serves a stale page when the answer changed.
@Suite struct ClientPageReuseTests {
    @Test func repeatedAnswersAreReusedAndChangedOnesAreNot() async throws {
        let clock = SteppedClock()
        var configuration = testConfiguration(images: 400, churn: true, clock: clock)
        configuration.speed = 60
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let client = QingCloudClient(configuration: ClientConfiguration(
            endpoint: try Endpoint(url: url.absoluteString), accessKeyID: configuration.accessKeyID,
            secretAccessKey: configuration.secretAccessKey, zone: configuration.zone), now: clock.reading)
        let query = ImageQuery(limit: 100)
        let first = try await client.describeImagesPage(query)
        let again = try await client.describeImagesPage(query)
        #expect(again == first)

        var changed = false
        for _ in 0..<30 where !changed {
            clock.advance(by: 30)
            let expected = try await client.describeImagesPage(ImageQuery(offset: 0, limit: 100))
            let viaReuse = try await client.describeImagesPage(query)
            #expect(viaReuse == expected, "the same query answers what the server says now")
            changed = viaReuse != first
        }
        #expect(changed, "churn changed the first page within 15 virtual hours")
        await client.shutdown()
        await simulator.stop()
    }
}
