/// Where a wait for images stands: what each image was last seen as, which are there, which zones still
/// have images to ask about, and the outcome once there is one. Pure: the poller feeds it what each zone
/// answered, and everything `qcimages wait` prints is read from it.
///
/// An image given with its zone (`pek3a/img-x`), or a bare id when one zone is selected, is watched in that
/// zone, and an id that zone does not know ends the wait. A bare id with several zones is looked for in
/// each: it is watched where it is found (system images exist in every zone), dropped where it is not, and
/// ends the wait only when no zone knows it.
public struct WaitLedger: Sendable {
    /// One image in one zone.
    public struct Watch: Sendable, Hashable {
        public let zone: String
        public let id: String
    }

    /// How a wait ended.
    public enum Outcome: Sendable, Hashable {
        /// Every image is there.
        case allReached
        /// One image cannot get there: the line that says which and why.
        case unreachable(String)
    }

    public let target: WaitTarget
    /// The images given, without repeats, in the order given.
    public let images: [WaitedImage]
    private let watchesByImage: [WaitedImage: [Watch]]
    /// Whether lines name each image's zone (more than one zone is involved).
    private let showsZones: Bool
    private var states: [Watch: ImageState] = [:]
    private var reached: Set<Watch> = []
    private var dropped: Set<Watch> = []
    public private(set) var outcome: Outcome?

    /// - Parameter zones: where bare ids are looked for (the zones of `-z`, resolved); not empty.
    public init(target: WaitTarget, images: [WaitedImage], zones: [String]) {
        self.target = target
        var unique: [WaitedImage] = []
        var seen: Set<WaitedImage> = []
        for image in images where seen.insert(image).inserted { unique.append(image) }
        self.images = unique
        var watches: [WaitedImage: [Watch]] = [:]
        for image in unique {
            watches[image] = (image.zone.map { [$0] } ?? zones).map { Watch(zone: $0, id: image.id) }
        }
        watchesByImage = watches
        showsZones = Set(watches.values.joined().map(\.zone)).count > 1
    }

    /// The ids still to ask about, by zone, in the order given: neither there yet nor known to be elsewhere.
    public var idsToAsk: [String: [String]] {
        var result: [String: [String]] = [:]
        for image in images {
            for watch in watchesByImage[image] ?? [] where !reached.contains(watch) && !dropped.contains(watch) {
                result[watch.zone, default: []].append(watch.id)
            }
        }
        return result
    }

    /// Takes in what `zone` answered about the ids asked: their states, and the ids it does not know.
    /// Returns one line per image whose state changed (`img-x pending (creating)`); sets ``outcome`` when
    /// this answer decides the wait. Once there is an outcome, nothing changes any more.
    @discardableResult
    public mutating func record(zone: String, states seen: [String: ImageState], unknown: [String]) -> [String] {
        guard outcome == nil else { return [] }
        var changes: [String] = []
        let position = Dictionary(images.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
        let inOrder = { (first: String, second: String) in
            (position[first] ?? .max, first) < (position[second] ?? .max, second)
        }
        for (id, state) in seen.sorted(by: { inOrder($0.key, $1.key) }) {
            let watch = Watch(zone: zone, id: id)
            guard !reached.contains(watch), !dropped.contains(watch) else { continue }
            if states[watch] != state { changes.append("\(name(watch)) \(state)") }
            states[watch] = state
            judge(watch, target.verdict(status: state.status, transition: state.transition), state: "is \(state)")
        }
        for id in unknown.sorted(by: inOrder) {
            let watch = Watch(zone: zone, id: id)
            guard !reached.contains(watch), !dropped.contains(watch) else { continue }
            if states[watch] != nil {
                changes.append("\(name(watch)) no longer exists")
                judge(watch, target.vanishedVerdict, state: "no longer exists")
            } else {
                notFound(watch)
            }
        }
        if outcome == nil, images.allSatisfy(isReached) { outcome = .allReached }
        return changes
    }

    private mutating func judge(_ watch: Watch, _ verdict: WaitVerdict, state: String) {
        switch verdict {
        case .reached: reached.insert(watch)
        case .notYet: break
        case .unreachable(let reason):
            if outcome == nil { outcome = .unreachable("\(name(watch)) \(state): \(reason); it will not become \(target)") }
        }
    }

    /// An id a zone does not know and that was never seen there.
    private mutating func notFound(_ watch: Watch) {
        dropped.insert(watch)
        guard let image = images.first(where: { $0.id == watch.id && (watchesByImage[$0] ?? []).contains(watch) }) else { return }
        let watches = watchesByImage[image] ?? []
        guard watches.allSatisfy(dropped.contains), outcome == nil else { return }
        let zones = watches.map(\.zone)
        outcome = .unreachable(zones.count == 1
            ? "\(image): no such image in zone \(zones[0]) (DescribeImages does not know it)"
            : "\(image): no such image in zones \(zones.joined(separator: ", ")) (DescribeImages does not know it)")
    }

    /// Whether an image is there in every zone it was found in (and was found somewhere).
    private func isReached(_ image: WaitedImage) -> Bool {
        let watches = watchesByImage[image] ?? []
        return watches.allSatisfy { reached.contains($0) || dropped.contains($0) } && !watches.allSatisfy(dropped.contains)
    }

    /// How many images are there.
    public var reachedCount: Int { images.filter(isReached).count }

    /// The images not there yet with what each was last seen as, in the order given.
    public var waitingFor: [String] {
        images.filter { !isReached($0) }.flatMap { image in
            (watchesByImage[image] ?? []).filter { !reached.contains($0) && !dropped.contains($0) }.map { watch in
                "\(name(watch)) " + (states[watch].map(\.description) ?? "not seen yet")
            }
        }
    }

    /// `2/3 available · img-x pending (creating)`, with `(+N more)` when several are still waited for.
    public var summary: String {
        var line = "\(reachedCount)/\(images.count) \(target)"
        let waiting = waitingFor
        if let first = waiting.first {
            line += " · " + first + (waiting.count > 1 ? " (+\(waiting.count - 1) more)" : "")
        }
        return line
    }

    /// How lines name an image in a zone: `img-x`, or `pek3a/img-x` when several zones are involved.
    private func name(_ watch: Watch) -> String {
        showsZones ? "\(watch.zone)/\(watch.id)" : watch.id
    }
}

/// What DescribeImages shows of an image's lifecycle: `pending (creating)`, `available`.
public struct ImageState: Sendable, Hashable, CustomStringConvertible {
    public var status: ImageStatus
    public var transition: TransitionStatus?

    public init(status: ImageStatus, transition: TransitionStatus?) {
        self.status = status
        self.transition = transition
    }

    public var description: String { status.rawValue + (transition.map { " (\($0.rawValue))" } ?? "") }
}
