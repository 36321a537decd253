import Foundation

/// The simulator's time: the wall clock it was given, and virtual time, which starts at zero when the
/// simulator is created and runs `speed` times as fast, in whole seconds.
struct VirtualClock: Sendable {
    let wallClock: @Sendable () -> Date
    let speed: Double
    /// The wall-clock second the simulator started at.
    let epoch: Int64

    init(wallClock: @escaping @Sendable () -> Date, speed: Double) {
        self.wallClock = wallClock
        self.speed = speed
        epoch = Int64(wallClock().timeIntervalSince1970.rounded(.down))
    }

    /// About three million years: beyond it virtual time stands still rather than overflow.
    private static let farFuture: Double = 1e14

    var epochDate: Date { Date(timeIntervalSince1970: TimeInterval(epoch)) }

    /// Virtual seconds since the epoch; never negative.
    func virtualElapsed() -> Int64 {
        let elapsed = (wallClock().timeIntervalSince1970 - TimeInterval(epoch)) * speed
        guard elapsed.isFinite, elapsed > 0 else { return 0 }
        return Int64(min(elapsed, Self.farFuture).rounded(.down))
    }
}
