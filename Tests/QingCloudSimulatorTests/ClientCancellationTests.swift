import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// Cancelling the task that awaits a request cancels the HTTP request (the browser cancels superseded
/// searches this way).
@Suite struct ClientCancellationTests {
    @Test func cancellingTheTaskAbandonsARequestInFlight() async throws {
        var configuration = testConfiguration(images: 50)
        configuration.faults.latency = .seconds(120)
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let client = QingCloudClient(configuration: ClientConfiguration(
            endpoint: try Endpoint(url: url.absoluteString), accessKeyID: configuration.accessKeyID,
            secretAccessKey: configuration.secretAccessKey, zone: configuration.zone,
            requestTimeout: .seconds(300)), now: configuration.clock)
        let request = Task { () -> Result<ImagePage, QingCloudError> in
            do throws(QingCloudError) {
                return .success(try await client.describeImagesPage(ImageQuery(limit: 5)))
            } catch {
                return .failure(error)
            }
        }
        // No event says "the request reached the server"; let it get there. Were it not yet sent, the
        // outcome must be the same: the answer is two minutes away, so only cancellation ends it.
        try await Task.sleep(for: .milliseconds(200))
        request.cancel()
        let outcome = await request.value
        await client.shutdown()
        await simulator.stop()
        guard case .failure(let error) = outcome else {
            Issue.record("the request completed instead of being cancelled")
            return
        }
        #expect(error == .cancelled)
    }
}
