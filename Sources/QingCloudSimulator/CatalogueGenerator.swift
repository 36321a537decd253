import Foundation
import QingCloud
import SeededRandom

/// Draws the images of a catalogue one after the other from a seed.
///
/// The first images generated showcase one of everything a client must cope with (each status and
/// transition, each hostile string, long and CJK names, long and null descriptions, every system release),
/// so that even a small catalogue has them all; the rest are drawn with realistic proportions.
/// Ids and names never depend on `now`: only the times do.
struct CatalogueGenerator {
    private var random: SplitMix64
    private let now: Int64
    private var usedIDs: Set<String> = []
    private var generated = 0
    /// The account whose private images these are.
    private let account: String
    private let otherOwners: [String]
    private let ordinaryTags: [Tag]
    private let hostileTag: Tag

    static let secondsPerDay: Int64 = 86_400
    static let threeYears: Int64 = 3 * 365 * secondsPerDay

    init(seed: UInt64, now: Date) {
        random = SplitMix64(seed: seed)
        self.now = Int64(now.timeIntervalSince1970.rounded(.down))
        var accountRandom = SplitMix64(seed: seed, stream: 0xACC0)
        func userID() -> String { "usr-" + Self.randomSuffix(&accountRandom) }
        let account = userID()
        self.account = account
        otherOwners = (0..<3).map { _ in userID() }
        func tag(_ spec: (key: String, value: String, color: String)) -> Tag {
            Tag(id: "tag-" + Self.randomSuffix(&accountRandom),
                name: spec.value.isEmpty ? spec.key : "\(spec.key):\(spec.value)",
                key: spec.key, value: spec.value.isEmpty ? spec.key : spec.value, color: spec.color, owner: account)
        }
        ordinaryTags = CatalogueVocabulary.tags.map(tag)
        hostileTag = tag(CatalogueVocabulary.hostileTag)
    }

    private static func randomSuffix(_ random: inout SplitMix64) -> String {
        String((0..<8).map { _ in random.pick(CatalogueVocabulary.idAlphabet) })
    }

    private mutating func uniqueImageID() -> String {
        while true {
            let id = "img-" + Self.randomSuffix(&random)
            if usedIDs.insert(id).inserted { return id }
        }
    }

    // MARK: - What the first images showcase

    private enum Showcase {
        case state(ImageStatus, TransitionStatus?)
        case hostileName(String)
        case hostileDescription(String)
        case hostileTag
        case name(String)
        case longDescription
        case release(CatalogueVocabulary.Release)
    }

    /// Every combination of status and transition status the lifecycle documents.
    static let documentedStates: [(ImageStatus, TransitionStatus?)] = [
        (.pending, .creating), (.available, nil), (.available, .deleting), (.available, .suspending),
        (.deprecated, nil), (.suspended, nil), (.suspended, .resuming), (.suspended, .deleting),
        (.deleted, nil), (.deleted, .recovering), (.ceased, nil),
    ]

    private static let showcase: [Showcase] =
        documentedStates.map { Showcase.state($0.0, $0.1) }
        + HostileText.samples.map(Showcase.hostileName)
        + [HostileText.samples[1], HostileText.samples[6]].map(Showcase.hostileDescription)
        + [.hostileTag, .name(CatalogueVocabulary.longName), .name(CatalogueVocabulary.longChineseName), .longDescription]
        + CatalogueVocabulary.chineseNames.prefix(2).map(Showcase.name)
        + CatalogueVocabulary.releases.map(Showcase.release)
        + HostileText.shellSamples.map(Showcase.hostileName)

    // MARK: - Drawing images

    /// The next image of the catalogue.
    mutating func nextImage() -> Image {
        let position = generated
        generated += 1
        if position < Self.showcase.count {
            switch Self.showcase[position] {
            case .state(let status, let transition):
                return selfImage(state: (status, transition))
            case .hostileName(let name):
                var image = selfImage(state: (.available, nil))
                image.name = name
                return image
            case .hostileDescription(let text):
                var image = selfImage(state: (.available, nil))
                image.description = "Imported from a vendor: \(text)"
                return image
            case .hostileTag:
                var image = selfImage(state: (.available, nil))
                image.tags.append(hostileTag)
                return image
            case .name(let name):
                var image = selfImage(state: (.available, nil))
                image.name = name
                return image
            case .longDescription:
                var image = selfImage(state: (.available, nil))
                image.description = CatalogueVocabulary.longDescription
                return image
            case .release(let release):
                return systemImage(release: release)
            }
        }
        if random.chance(0.12) {
            return systemImage(release: random.pick(CatalogueVocabulary.releases))
        }
        var image = selfImage(state: randomSelfState())
        if random.chance(0.01) { image.name = random.pick(HostileText.samples) }
        if random.chance(0.01) { image.description = random.pick(HostileText.samples) }
        if random.chance(0.01) { image.tags.append(hostileTag) }
        return image
    }

    /// A private image that is only being created now: what appears while the simulator runs.
    /// Its times are set by whoever schedules its appearance.
    mutating func nextNewcomer() -> Image {
        selfImage(state: (.pending, .creating))
    }

    private mutating func randomSelfState() -> (ImageStatus, TransitionStatus?) {
        random.pick(weighted: [
            (700, (.available, nil)), (40, (.deprecated, nil)), (40, (.suspended, nil)), (40, (.deleted, nil)),
            (60, (.ceased, nil)), (20, (.pending, .creating)), (10, (.available, .deleting)),
            (10, (.available, .suspending)), (10, (.suspended, .resuming)), (5, (.suspended, .deleting)),
            (10, (.deleted, .recovering)),
        ])
    }

    private mutating func systemImage(release: CatalogueVocabulary.Release) -> Image {
        let state: (ImageStatus, TransitionStatus?) = random.chance(0.15) ? (.deprecated, nil) : (.available, nil)
        let times = self.times(for: state.0, state.1)
        return Image(
            id: uniqueImageID(), name: release.name, description: release.description,
            sizeGB: release.sizeGB, processorType: release.processorType, platform: release.platform,
            osFamily: release.family, visibility: .public, provider: .system, owner: "system",
            recommendedType: random.pick(CatalogueVocabulary.recommendedTypes),
            status: state.0, transitionStatus: state.1,
            createTime: times.create, statusTime: times.status, tags: [], rawJSON: .null
        )
    }

    private mutating func selfImage(state: (ImageStatus, TransitionStatus?)) -> Image {
        let base = random.pick(CatalogueVocabulary.releases)
        let processorType: ProcessorType = base.processorType == .bits32 || random.chance(0.03) ? .bits32 : .bits64
        let ownedByAccount = random.chance(0.88)
        let owner = ownedByAccount ? account : random.pick(otherOwners)
        let visibility: Visibility = ownedByAccount && !random.chance(0.06) ? .private : .public
        let times = self.times(for: state.0, state.1)
        return Image(
            id: uniqueImageID(), name: selfImageName(base: base, created: times.create),
            description: selfImageDescription(base: base),
            sizeGB: max(base.sizeGB, random.pick(CatalogueVocabulary.selfImageSizes)),
            processorType: processorType, platform: base.platform, osFamily: base.family,
            visibility: visibility, provider: .self, owner: owner,
            recommendedType: random.pick(CatalogueVocabulary.recommendedTypes),
            status: state.0, transitionStatus: state.1,
            createTime: times.create, statusTime: times.status, tags: randomTags(), rawJSON: .null
        )
    }

    private mutating func selfImageName(base: CatalogueVocabulary.Release, created: Date) -> String {
        let role = random.pick(CatalogueVocabulary.roles)
        let stage = random.pick(CatalogueVocabulary.stages)
        // The date in a name is drawn, not taken from `created`, so that names never depend on `now`.
        let date = "\(random.int(in: 2021...2024))" + Self.twoDigits(random.int(in: 1...12)) + Self.twoDigits(random.int(in: 1...28))
        return switch random.int(in: 0...9) {
        case 0...3: "\(role)-\(stage)-\(date)"
        case 4...5: "\(role) \(base.name) \(stage)"
        case 6...7: random.pick(CatalogueVocabulary.chineseNames) + (random.chance(0.5) ? " \(date)" : "")
        case 8: "\(role)-\(random.int(in: 1...40))"
        default: "\(stage)/\(role)/\(base.family)-\(date)"
        }
    }

    /// `value` (0...99) in two digits, as `%02d` writes it, without Foundation's formatting (costly here).
    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private mutating func selfImageDescription(base: CatalogueVocabulary.Release) -> String? {
        switch random.int(in: 0...99) {
        case 0...34: nil
        case 35...37: CatalogueVocabulary.longDescription
        case 38...49: "Captured from i-\(Self.randomSuffix(&random)) (\(base.name))"
        default: random.pick(CatalogueVocabulary.shortDescriptions)
        }
    }

    private mutating func randomTags() -> [Tag] {
        let count = random.pick(weighted: [(50, 0), (30, 1), (15, 2), (5, 3)])
        var tags: [Tag] = []
        while tags.count < count {
            let tag = random.pick(ordinaryTags)
            if !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }

    /// Creation and last status change, consistent with the state: a deleted image was deleted less
    /// than two hours ago (else it would be ceased), an image in transition changed seconds ago.
    private mutating func times(for status: ImageStatus, _ transition: TransitionStatus?) -> (create: Date, status: Date) {
        var create = now - random.int64(in: 3600...Self.threeYears)
        let changed: Int64
        switch (status, transition) {
        case (.pending, _):
            changed = now - random.int64(in: 0...60)
            create = changed
        case (_, .some):
            changed = now - random.int64(in: 0...20)
        case (.available, nil):
            changed = min(now, create + random.int64(in: 60...900))
        case (.deleted, nil):
            changed = now - random.int64(in: 0...7000)
            create = min(create, changed - random.int64(in: 600...(30 * Self.secondsPerDay)))
        case (.ceased, _):
            create = min(create, now - 3 * 3600)
            changed = create + LifecyclePlanner.recoveryWindow + random.int64(in: 0...(now - create - LifecyclePlanner.recoveryWindow))
        default:
            changed = create + random.int64(in: 0...(now - create))
        }
        return (Self.date(create), Self.date(changed))
    }

    static func date(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
