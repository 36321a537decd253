import QingCloud

/// What DescribeImages shows of an image's lifecycle at one moment.
struct ImagePhase: Sendable, Hashable {
    var status: ImageStatus
    var transition: TransitionStatus?

    init(_ status: ImageStatus, _ transition: TransitionStatus? = nil) {
        self.status = status
        self.transition = transition
    }
}

/// When one image changes phase, as a pure function of virtual time.
///
/// Times are virtual seconds since the simulator's epoch. A schedule is a few one-off changes, optionally
/// followed by a cycle that repeats forever, so the phase at any time is found in constant time without
/// replaying history: that keeps every request cheap and makes churn reproducible for a seed.
struct LifecycleSchedule: Sendable {
    /// A change of phase at a time (absolute, or relative to the start of a cycle).
    struct Change: Sendable {
        let at: Int64
        let phase: ImagePhase
    }

    /// Phases repeating with period `period` from `start`; `segments` begin at offset 0.
    struct Cycle: Sendable {
        let start: Int64
        let segments: [Change]
        let period: Int64
    }

    /// One-off changes in ascending time; all of them come before the cycle starts.
    let changes: [Change]
    let cycle: Cycle?

    init(changes: [Change]) {
        self.changes = changes
        self.cycle = nil
    }

    /// An image that is `remaining` seconds away from leaving `segments[index]`, after which it goes round
    /// the segments (phase and duration each) for ever.
    init(cyclingThrough segments: [(phase: ImagePhase, duration: Int64)], from index: Int, remaining: Int64) {
        var offset: Int64 = 0
        var rotated: [Change] = []
        for step in 1...segments.count {
            let segment = segments[(index + step) % segments.count]
            rotated.append(Change(at: offset, phase: segment.phase))
            offset += segment.duration
        }
        changes = []
        cycle = Cycle(start: remaining, segments: rotated, period: offset)
    }

    /// The phase at virtual time `time` and the virtual time it began; nil while nothing has changed yet
    /// (the image is still as the catalogue made it).
    func phase(at time: Int64) -> (phase: ImagePhase, since: Int64)? {
        if let cycle, time >= cycle.start {
            let elapsed = time - cycle.start
            let round = elapsed / cycle.period
            let offset = elapsed % cycle.period
            var current = cycle.segments[0]
            for segment in cycle.segments where segment.at <= offset {
                current = segment
            }
            return (current.phase, cycle.start + round * cycle.period + current.at)
        }
        var latest: Change?
        for change in changes where change.at <= time {
            latest = change
        }
        return latest.map { ($0.phase, $0.at) }
    }
}
