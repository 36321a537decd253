import QingCloud
import SeededRandom

/// Decides, from the seed, how each image will move through the documented lifecycle while the simulator
/// runs with churn on.
///
/// The moves are exactly those QingCloud documents: pending (creating) to available; available to
/// deprecated; available to suspended (suspending) and back (resuming); available or suspended to deleted
/// (deleting); deleted back to available (recovering) within two hours, or to ceased after them.
/// Images caught mid-transition by the catalogue complete it; a bounded number of available, suspended
/// and deleted images keep cycling; the rest stay as they are. Every choice is drawn from a stream keyed
/// by the seed and the image id; the bounded budget of cycling images is spent in listing order.
struct LifecyclePlanner {
    /// How long a deleted image can still be recovered, after which it is ceased.
    static let recoveryWindow = Int64(ImageStatus.recoveryWindowSeconds)
    /// The most images given an optional cycle, so that a request's cost stays bounded.
    static let maximumCyclingImages = 5_000

    let seed: UInt64
    /// The simulator's epoch in seconds since 1970; catalogue times are before it.
    let epoch: Int64
    private var cyclingBudget: Int

    init(seed: UInt64, epoch: Int64, imageCount: Int) {
        self.seed = seed
        self.epoch = epoch
        cyclingBudget = min(Self.maximumCyclingImages, max(1, imageCount / 10))
    }

    /// The schedule of a catalogue image, nil when it stays as it is.
    mutating func schedule(for image: Image) -> LifecycleSchedule? {
        var random = SplitMix64(seed: seed, stream: Self.stream(image.id))
        let durations = Durations(&random)
        switch (image.status, image.transitionStatus) {
        case (.pending, _):
            return LifecycleSchedule(changes: [.init(at: random.int64(in: 5...60), phase: ImagePhase(.available))])
        case (.available, .deleting?):
            return durations.deletionCycle(from: 1, remaining: random.int64(in: 1...durations.transition))
        case (.deleted, .recovering?):
            return durations.deletionCycle(from: 3, remaining: random.int64(in: 1...durations.transition))
        case (.available, .suspending?):
            return durations.suspensionCycle(from: 1, remaining: random.int64(in: 1...durations.transition))
        case (.suspended, .resuming?):
            return durations.suspensionCycle(from: 3, remaining: random.int64(in: 1...durations.transition))
        case (.suspended, .deleting?):
            let deleted = random.int64(in: 1...durations.transition)
            return LifecycleSchedule(changes: [
                .init(at: deleted, phase: ImagePhase(.deleted)),
                .init(at: deleted + Self.recoveryWindow, phase: ImagePhase(.ceased)),
            ])
        case (.deleted, nil):
            let deletedFor = epoch - Int64((image.statusTime ?? .distantPast).timeIntervalSince1970)
            let recoverableFor = Self.recoveryWindow - deletedFor
            if recoverableFor > 1, takeCyclingSlot(&random, probability: 0.3) {
                let remaining = random.int64(in: 1...min(durations.settled, recoverableFor - 1))
                return durations.deletionCycle(from: 2, remaining: remaining)
            }
            return LifecycleSchedule(changes: [.init(at: max(1, recoverableFor), phase: ImagePhase(.ceased))])
        case (.suspended, nil):
            guard takeCyclingSlot(&random, probability: 0.6) else { return nil }
            let remaining = random.int64(in: 1...durations.settled)
            guard random.chance(0.25) else {
                return durations.suspensionCycle(from: 2, remaining: remaining)
            }
            let deleted = remaining + durations.transition
            return LifecycleSchedule(changes: [
                .init(at: remaining, phase: ImagePhase(.suspended, .deleting)),
                .init(at: deleted, phase: ImagePhase(.deleted)),
                .init(at: deleted + Self.recoveryWindow, phase: ImagePhase(.ceased)),
            ])
        case (.available, nil):
            return availableImageSchedule(&random, durations)
        default:
            return nil
        }
    }

    private mutating func availableImageSchedule(_ random: inout SplitMix64, _ durations: Durations) -> LifecycleSchedule? {
        guard takeCyclingSlot(&random, probability: 0.15) else { return nil }
        let remaining = random.int64(in: 1...durations.idle)
        switch random.int(in: 0...99) {
        case 0...39:
            return durations.deletionCycle(from: 0, remaining: remaining)
        case 40...79:
            return durations.suspensionCycle(from: 0, remaining: remaining)
        case 80...89:
            return LifecycleSchedule(changes: [.init(at: remaining, phase: ImagePhase(.deprecated))])
        default:
            let deleted = remaining + durations.transition
            return LifecycleSchedule(changes: [
                .init(at: remaining, phase: ImagePhase(.available, .deleting)),
                .init(at: deleted, phase: ImagePhase(.deleted)),
                .init(at: deleted + Self.recoveryWindow, phase: ImagePhase(.ceased)),
            ])
        }
    }

    /// The schedule of an image that appears at `appearance`: created, then available.
    func newcomerSchedule(for image: Image, appearance: Int64) -> LifecycleSchedule {
        var random = SplitMix64(seed: seed, stream: Self.stream(image.id))
        return LifecycleSchedule(changes: [
            .init(at: appearance, phase: ImagePhase(.pending, .creating)),
            .init(at: appearance + random.int64(in: 10...60), phase: ImagePhase(.available)),
        ])
    }

    private mutating func takeCyclingSlot(_ random: inout SplitMix64, probability: Double) -> Bool {
        guard cyclingBudget > 0, random.chance(probability) else { return false }
        cyclingBudget -= 1
        return true
    }

    /// The stream of draws for one image: FNV-1a of its id.
    static func stream(_ id: String) -> UInt64 {
        id.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// How long one image dwells in each kind of phase, drawn once so that its cycle repeats exactly.
    private struct Durations {
        let idle: Int64
        let transition: Int64
        let settled: Int64

        init(_ random: inout SplitMix64) {
            idle = random.int64(in: 30...600)
            transition = random.int64(in: 3...15)
            settled = random.int64(in: 30...900)
        }

        /// available, deleting, deleted, recovering, and round again; deleted stays well under two hours.
        func deletionCycle(from index: Int, remaining: Int64) -> LifecycleSchedule {
            LifecycleSchedule(cyclingThrough: [
                (ImagePhase(.available), idle), (ImagePhase(.available, .deleting), transition),
                (ImagePhase(.deleted), settled), (ImagePhase(.deleted, .recovering), transition),
            ], from: index, remaining: remaining)
        }

        /// available, suspending, suspended, resuming, and round again.
        func suspensionCycle(from index: Int, remaining: Int64) -> LifecycleSchedule {
            LifecycleSchedule(cyclingThrough: [
                (ImagePhase(.available), idle), (ImagePhase(.available, .suspending), transition),
                (ImagePhase(.suspended), settled), (ImagePhase(.suspended, .resuming), transition),
            ], from: index, remaining: remaining)
        }
    }
}
