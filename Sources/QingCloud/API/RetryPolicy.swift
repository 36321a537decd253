/// How often and how long a failed request is tried again.
///
/// Only what may succeed later is retried: ret_code 5000, 5100 and 5300, transport errors, HTTP 5xx and
/// 429, and answers that are not the API's JSON (malformed or truncated: a proxy or a dropped stream
/// garbled one answer, the next is usually fine). The delay before attempt n is drawn uniformly from
/// `0...min(maximumDelay, baseDelay * 2^(n-1))` ("full jitter"), and no retry starts once the total
/// budget would be exceeded.
///
/// 5000 (internal error) and 5100 (server busy) follow ``busy``: the official SDK retries them with
/// `random() * 2^n` seconds (n = 0, 1, 2: three attempts); a server that is busy needs time more than
/// attempts, so this schedule starts the same and goes on longer (8 attempts, up to 16 s apart, within
/// 90 s).
public struct RetryPolicy: Sendable, Hashable {
    /// One backoff schedule: how many attempts and how far apart.
    public struct Schedule: Sendable, Hashable {
        /// Attempts in all, the first one included.
        public var maximumAttempts: Int
        public var baseDelay: Duration
        public var maximumDelay: Duration
        /// The time after which no new attempt starts.
        public var totalBudget: Duration

        public init(maximumAttempts: Int, baseDelay: Duration, maximumDelay: Duration, totalBudget: Duration) {
            self.maximumAttempts = maximumAttempts
            self.baseDelay = baseDelay
            self.maximumDelay = maximumDelay
            self.totalBudget = totalBudget
        }

        /// For 5000 and 5100: the official SDK's backoff, longer.
        public static let serverBusy = Schedule(
            maximumAttempts: 8, baseDelay: .seconds(1), maximumDelay: .seconds(16), totalBudget: .seconds(90))

        func delay(failedAttempts: Int, elapsed: Duration, unitRandom: Double) -> Duration? {
            guard failedAttempts < maximumAttempts else { return nil }
            let ceiling = Backoff.delay(base: baseDelay, failures: failedAttempts, cap: maximumDelay)
            let delay = ceiling * max(0, min(unitRandom, 1))
            guard elapsed + delay < totalBudget else { return nil }
            return delay
        }
    }

    /// The schedule of every retryable failure but 5000 and 5100.
    public var general: Schedule
    /// The schedule of 5000 (internal error) and 5100 (server busy).
    public var busy: Schedule

    /// Attempts in all for failures other than 5000 and 5100.
    public var maximumAttempts: Int { general.maximumAttempts }

    public init(maximumAttempts: Int = 5, baseDelay: Duration = .milliseconds(200),
                maximumDelay: Duration = .seconds(3), totalBudget: Duration = .seconds(30),
                busy: Schedule = .serverBusy) {
        general = Schedule(maximumAttempts: maximumAttempts, baseDelay: baseDelay, maximumDelay: maximumDelay,
                           totalBudget: totalBudget)
        self.busy = busy
    }

    /// One attempt only.
    public static let none = RetryPolicy(
        maximumAttempts: 1, busy: Schedule(maximumAttempts: 1, baseDelay: .zero, maximumDelay: .zero, totalBudget: .zero))

    /// The pause before retrying after `failedAttempts` attempts have failed with `error`, having spent
    /// `elapsed` so far; nil when the request must not be tried again.
    ///
    /// `unitRandom` is a number in `0..<1` (injected so that tests are deterministic).
    public func delay(after error: QingCloudError, failedAttempts: Int, elapsed: Duration,
                      unitRandom: Double) -> Duration? {
        switch error {
        case .api(let api, _) where api.returnCode == .internalError || api.returnCode == .serverBusy:
            busy.delay(failedAttempts: failedAttempts, elapsed: elapsed, unitRandom: unitRandom)
        case .malformedResponse:
            general.delay(failedAttempts: failedAttempts, elapsed: elapsed, unitRandom: unitRandom)
        default:
            error.isRetryable
                ? general.delay(failedAttempts: failedAttempts, elapsed: elapsed, unitRandom: unitRandom) : nil
        }
    }
}
