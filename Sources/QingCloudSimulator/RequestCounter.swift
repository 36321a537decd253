import Synchronization

/// How many requests a simulator answered, by action and zone, so that tests and benchmarks can hold a
/// client to a request budget (`qcimages wait` on 1,000 ids: at most 10 DescribeImages per zone and round).
final class RequestCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Counts one request of `action` in `zone` (empty when it named none).
    func record(action: String, zone: String) {
        counts.withLock { $0[Self.key(action, zone), default: 0] += 1 }
    }

    func count(action: String, zone: String) -> Int {
        counts.withLock { $0[Self.key(action, zone)] ?? 0 }
    }

    private static func key(_ action: String, _ zone: String) -> String { action + " " + zone }
}
