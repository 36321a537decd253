/// The one exponential backoff formula, shared by the client's ``RetryPolicy`` and the browser's retries of
/// failed pages and refreshes.
public enum Backoff {
    /// `base` doubled for each failure after the first (`base` after one failure), never more than `cap`.
    public static func delay(base: Duration, failures: Int, cap: Duration) -> Duration {
        let doublings = min(max(failures - 1, 0), 30)
        return min(base * (1 << doublings), cap)
    }
}
