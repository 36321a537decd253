/// When the run loop draws the next frame.
///
/// Keys, resizes and signals are drawn at once. Background events (answers from the API, timers) come in
/// bursts: a live refresh round is several answers a few milliseconds apart, and loading the catalogue
/// is a page every few milliseconds. Drawn one by one, each costs a whole frame (render and compare,
/// most often to send nothing). They are drawn at most once per ``interval`` instead: the first one
/// after a quiet spell at once (so the first page shows without delay), the rest of the burst together
/// when the interval is over.
struct RedrawPacer {
    typealias Instant = ContinuousClock.Instant

    /// The shortest time between two frames drawn for background events.
    let interval: Duration
    /// When the next frame is due; nil when nothing happened since the last one.
    private(set) var due: Instant?
    private var backgroundEventsPending = false
    private var lastBackgroundFrame: Instant?

    init(interval: Duration) {
        self.interval = interval
    }

    /// Input from the user, a resize or a signal: draw at once.
    mutating func inputArrived(at now: Instant) {
        due = now
    }

    /// An answer or a timer changed the state: draw now if no frame was drawn for background events
    /// within the interval, else when the interval is over.
    mutating func backgroundEventArrived(at now: Instant) {
        backgroundEventsPending = true
        let earliest = lastBackgroundFrame.map { max(now, $0 + interval) } ?? now
        due = min(due ?? earliest, earliest)
    }

    func isDue(at now: Instant) -> Bool {
        due.map { $0 <= now } ?? false
    }

    mutating func drew(at now: Instant) {
        if backgroundEventsPending { lastBackgroundFrame = now }
        backgroundEventsPending = false
        due = nil
    }

    /// How long the loop may sleep waiting for input, in milliseconds for `poll`: until the next frame
    /// is due, or -1 (no limit) when no frame is pending.
    func pollTimeout(at now: Instant) -> Int32 {
        guard let due else { return -1 }
        let (seconds, attoseconds) = max(.zero, due - now).components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
