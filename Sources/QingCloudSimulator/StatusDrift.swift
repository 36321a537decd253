import QingCloud
import SeededRandom

/// Statuses that change at once, with no transition in between, at a set rate: what an administrator or
/// a back-end job does to images behind a client's back, and what a client that refreshes only what is
/// in transition never sees. Beside `churn`, which follows the documented lifecycle; drift does not.
///
/// For its first ``seconds`` of virtual time, ``perMinute`` changes a minute, each moving one catalogue
/// image (drawn from the seed) to another of available, deprecated, suspended, deleted or (more rarely)
/// ceased, which it keeps; then the catalogue stands still, so that a client can be checked to catch up.
public struct StatusDrift: Sendable, Hashable {
    public var perMinute: Int
    public var seconds: Int

    public init(perMinute: Int, seconds: Int) {
        self.perMinute = max(0, perMinute)
        self.seconds = max(0, seconds)
    }

    /// The most changes planned, so that building the world stays quick.
    static let maximumChanges = 200_000

    /// The status each drifting image takes and when, by the image's position in `catalogue`. An image
    /// with churn's schedule keeps that one (its drift is dropped).
    func schedules(for catalogue: [Image], seed: UInt64) -> [Int: LifecycleSchedule] {
        guard perMinute > 0, seconds > 0, !catalogue.isEmpty else { return [:] }
        var random = SplitMix64(seed: seed, stream: 0x4452_4946_54)
        let count = min(Self.maximumChanges, perMinute * seconds / 60)
        var changes: [Int: [LifecycleSchedule.Change]] = [:]
        var current: [Int: ImageStatus] = [:]
        let targets: [(weight: Int, value: ImageStatus)] = [
            (4, .available), (3, .deprecated), (2, .suspended), (2, .deleted), (1, .ceased),
        ]
        for change in 0..<count {
            let at = Int64((Double(change + 1) * 60 / Double(perMinute)).rounded(.up))
            let position = random.int(in: 0...(catalogue.count - 1))
            let from = current[position] ?? catalogue[position].status
            guard from != .ceased else { continue }
            var to = random.pick(weighted: targets)
            if to == from { to = from == .available ? .deprecated : .available }
            changes[position, default: []].append(LifecycleSchedule.Change(at: at, phase: ImagePhase(to)))
            current[position] = to
        }
        return changes.mapValues { LifecycleSchedule(changes: $0) }
    }
}
