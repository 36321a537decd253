/// How often and how long a failed request is tried again.
///
/// Only retryable failures are retried (5000, 5100, 5300, transport errors, HTTP 5xx); the delay before
/// attempt n is drawn uniformly from `0...min(maximumDelay, baseDelay * 2^(n-1))` ("full jitter", as the
/// official SDK randomises its backoff), and no retry starts once `totalBudget` would be exceeded.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first one included.
    public var maximumAttempts: Int
    public var baseDelay: Duration
    public var maximumDelay: Duration
    /// The time after which no new attempt starts.
    public var totalBudget: Duration

    public init(maximumAttempts: Int = 5, baseDelay: Duration = .milliseconds(200),
                maximumDelay: Duration = .seconds(3), totalBudget: Duration = .seconds(30)) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.totalBudget = totalBudget
    }

    /// One attempt only.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// The pause before retrying after `failedAttempts` attempts have failed with `error`, having spent
    /// `elapsed` so far; nil when the request must not be tried again.
    ///
    /// `unitRandom` is a number in `0..<1` (injected so that tests are deterministic).
    public func delay(after error: QingCloudError, failedAttempts: Int, elapsed: Duration,
                      unitRandom: Double) -> Duration? {
        guard error.isRetryable, failedAttempts < maximumAttempts else { return nil }
        let exponent = min(failedAttempts - 1, 30)
        let ceiling = min(maximumDelay, baseDelay * (1 << exponent))
        let delay = ceiling * max(0, min(unitRandom, 1))
        guard elapsed + delay < totalBudget else { return nil }
        return delay
    }
}
