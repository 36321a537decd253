import Foundation
import QingCloud

extension SimulatorConfiguration {
    /// A client of the simulator this configuration started at `url`: its credentials and clock, `zone`
    /// (nil for the first zone served, empty for none, as with several zones) and `retryPolicy` (none by
    /// default, so that tests see every answer as it came).
    public func client(at url: URL, zone: String? = nil, retryPolicy: RetryPolicy = .none) throws -> QingCloudClient {
        QingCloudClient(configuration: ClientConfiguration(
            endpoint: try Endpoint(url: url.absoluteString), accessKeyID: accessKeyID, secretAccessKey: secretAccessKey,
            zone: zone ?? self.zone, retryPolicy: retryPolicy), now: clock)
    }
}
