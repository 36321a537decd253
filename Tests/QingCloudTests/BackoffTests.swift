import Testing
import QingCloud

/// The one backoff formula the client's retries and the browser's share.
@Suite("Backoff")
struct BackoffTests {
    @Test("the base after one failure, doubling after each further one, never past the cap")
    func doubling() {
        let delays = (0...6).map { Backoff.delay(base: .seconds(1), failures: $0, cap: .seconds(10)) }
        #expect(delays == [.seconds(1), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
        #expect(Backoff.delay(base: .seconds(1), failures: 1_000, cap: .seconds(3600)) == .seconds(3600))
    }

    @Test("RetryPolicy's ceiling is the same formula: a unit random of 1 waits the whole ceiling")
    func retryPolicyUsesIt() {
        let policy = RetryPolicy()
        let error = QingCloudError.api(APIError(.serverBusy, message: "busy"), hint: nil)
        for failures in 1...7 {
            #expect(policy.delay(after: error, failedAttempts: failures, elapsed: .zero, unitRandom: 1)
                == Backoff.delay(base: .seconds(1), failures: failures, cap: .seconds(16)))
        }
    }
}
