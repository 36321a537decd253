import Foundation
import JSONEngine
import QingCloud
import SeededRandom
import Synchronization

/// The images a simulator serves and how they change: the catalogue, the images that appear later and
/// every image's lifecycle schedule, all fixed at creation, so that answering a request at virtual time
/// `t` is a pure, lock-free read.
///
/// Entries are kept in listing order (newest `create_time` first, then `image_id`). Each entry's JSON,
/// apart from the three fields that change (status, transition_status, status_time), is encoded the
/// first time a page carries it and kept, so that building a world stays quick (most images of a large
/// catalogue are never listed) and a page seen before costs little more than copying bytes.
final class ImageWorld: Sendable {
    /// One image as the world holds it (a class, so that scanning the entries copies no strings).
    final class Entry: Sendable {
        /// The image as the catalogue made it (`raw` is not kept).
        let image: Image
        /// Virtual time from which the image exists; nil for the catalogue, which exists from the start.
        let appearance: Int64?
        /// How the image changes; nil when it does not.
        let schedule: LifecycleSchedule?
        /// The state the catalogue gave the image.
        let initialState: State
        let searchableID: [UInt8]
        let searchableName: [UInt8]
        /// The JSON, once a page has carried the image.
        private let encoded = Mutex<EncodedEntry?>(nil)

        init(image: Image, appearance: Int64?, schedule: LifecycleSchedule?, initialState: State,
             searchableID: [UInt8], searchableName: [UInt8]) {
            self.image = image
            self.appearance = appearance
            self.schedule = schedule
            self.initialState = initialState
            self.searchableID = searchableID
            self.searchableName = searchableName
        }

        /// The image's JSON, encoded on first use.
        var json: EncodedEntry {
            encoded.withLock { encoded in
                if let encoded { return encoded }
                let json = EncodedEntry(image, initialState: initialState)
                encoded = json
                return json
            }
        }
    }

    /// An image's JSON object in three parts: up to the changing fields, the changing fields as the
    /// catalogue made them, and the rest of the object.
    struct EncodedEntry: Sendable {
        let head: [UInt8]
        let initialState: [UInt8]
        let tail: [UInt8]
    }

    /// An image's phase at some moment and when (seconds since 1970) it began.
    struct State: Sendable, Hashable {
        let phase: ImagePhase
        let statusTime: Int64
    }

    /// The simulator's start, in whole seconds since 1970; virtual time counts from here.
    let epoch: Int64
    let entries: [Entry]
    private let positionByID: [String: Int]
    private let selections = FilterSelections()

    /// How many images appear while the simulator runs with churn, at most.
    static let maximumNewcomers = 2_000

    init(imageCount: Int, seed: UInt64, churn: Bool, drift: StatusDrift? = nil, epoch: Date) {
        let epochSeconds = Int64(epoch.timeIntervalSince1970.rounded(.down))
        self.epoch = epochSeconds
        var generator = CatalogueGenerator(seed: seed, now: CatalogueGenerator.date(epochSeconds))
        let catalogue = SeededCatalogue.inListingOrder((0..<max(0, imageCount)).map { _ in generator.nextImage() })
        let drifting = drift?.schedules(for: catalogue, seed: seed) ?? [:]

        var entries: [Entry] = []
        if churn {
            var planner = LifecyclePlanner(seed: seed, epoch: epochSeconds, imageCount: imageCount)
            let newcomerCount = min(Self.maximumNewcomers, max(5, imageCount / 20))
            var appearanceRandom = SplitMix64(seed: seed, stream: 0x4E45_5743_4F4D_4552)
            var appearance: Int64 = 0
            var newcomers: [Entry] = []
            for _ in 0..<newcomerCount {
                appearance += appearanceRandom.int64(in: 20...120)
                var image = generator.nextNewcomer()
                let created = CatalogueGenerator.date(epochSeconds + appearance)
                image.createTime = created
                image.statusTime = created
                let schedule = planner.newcomerSchedule(for: image, appearance: appearance)
                newcomers.append(Self.entry(image, appearance: appearance, schedule: schedule))
            }
            entries = newcomers.reversed()
            for (position, image) in catalogue.enumerated() {
                entries.append(Self.entry(image, appearance: nil, schedule: planner.schedule(for: image) ?? drifting[position]))
            }
        } else {
            entries = catalogue.enumerated().map { Self.entry($1, appearance: nil, schedule: drifting[$0]) }
        }
        self.entries = entries
        positionByID = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.image.id, $0) })
    }

    /// The state of an entry at virtual time `time`; nil when it does not exist yet.
    func state(of entry: Entry, at time: Int64) -> State? {
        if let appearance = entry.appearance, time < appearance { return nil }
        if let (phase, since) = entry.schedule?.phase(at: time) {
            return State(phase: phase, statusTime: epoch + since)
        }
        return entry.initialState
    }

    /// The first id of `ids` that names no image existing at `time`.
    func firstUnknownID(in ids: [String], at time: Int64) -> String? {
        ids.first { id in
            guard let position = positionByID[id] else { return true }
            return state(of: entries[position], at: time) == nil
        }
    }

    /// The images matching `filter` at virtual time `time`: how many, and those of the page
    /// `offset..<offset+limit`, in listing order.
    ///
    /// Images that never change are matched once per filter (``FilterSelections``); only those with a
    /// lifecycle or an appearance time are looked at on every request, so a page costs far less than the
    /// catalogue.
    func page(matching filter: DescribeImagesFilter, at time: Int64, offset: Int, limit: Int)
        -> (totalCount: Int, page: [(entry: Entry, state: State)])
    {
        guard filter.imageIDs.isEmpty else {
            return pageOfNamedImages(matching: filter, at: time, offset: offset, limit: limit)
        }
        let selection = selections.selection(for: filter) { select(filter) }
        var changing: [(position: Int32, state: State)] = []
        for position in selection.changing {
            let entry = entries[Int(position)]
            if let state = state(of: entry, at: time), filter.matches(state.phase) {
                changing.append((position, state))
            }
        }
        let totalCount = selection.fixed.count + changing.count
        var page: [(entry: Entry, state: State)] = []
        page.reserveCapacity(min(limit, 100))
        var fixedIndex = 0
        var changingIndex = 0
        var rank = 0
        // An offset past the matches is an empty page, as QingCloud answers; no sum can overflow.
        guard offset < totalCount else { return (totalCount, []) }
        let end = offset + min(limit, totalCount - offset)
        while rank < end, fixedIndex < selection.fixed.count || changingIndex < changing.count {
            let takeFixed = changingIndex == changing.count
                || (fixedIndex < selection.fixed.count && selection.fixed[fixedIndex] < changing[changingIndex].position)
            if rank >= offset {
                if takeFixed {
                    let entry = entries[Int(selection.fixed[fixedIndex])]
                    page.append((entry, entry.initialState))
                } else {
                    page.append((entries[Int(changing[changingIndex].position)], changing[changingIndex].state))
                }
            }
            if takeFixed { fixedIndex += 1 } else { changingIndex += 1 }
            rank += 1
        }
        return (totalCount, page)
    }

    /// Positions of the entries that match `filter` without changing, and of the changing ones whose
    /// unchanging attributes match.
    private func select(_ filter: DescribeImagesFilter) -> FilterSelections.Selection {
        var fixed: [Int32] = []
        var changing: [Int32] = []
        for (position, entry) in entries.enumerated()
        where filter.matchesAttributes(entry.image, searchableID: entry.searchableID, searchableName: entry.searchableName) {
            if entry.appearance != nil || entry.schedule != nil {
                changing.append(Int32(position))
            } else if filter.matches(entry.initialState.phase) {
                fixed.append(Int32(position))
            }
        }
        return FilterSelections.Selection(fixed: fixed, changing: changing)
    }

    /// `images.N`: the named images, in listing order, whatever their status.
    private func pageOfNamedImages(matching filter: DescribeImagesFilter, at time: Int64, offset: Int, limit: Int)
        -> (totalCount: Int, page: [(entry: Entry, state: State)])
    {
        var totalCount = 0
        var page: [(entry: Entry, state: State)] = []
        for position in Set(filter.imageIDs.compactMap({ positionByID[$0] })).sorted() {
            let entry = entries[position]
            guard let state = state(of: entry, at: time),
                  filter.matches(entry.image, phase: state.phase,
                                 searchableID: entry.searchableID, searchableName: entry.searchableName)
            else { continue }
            if totalCount >= offset && totalCount - offset < limit {
                page.append((entry, state))
            }
            totalCount += 1
        }
        return (totalCount, page)
    }

    /// The body of a successful DescribeImages answer.
    func describeImagesResponse(totalCount: Int, page: [(entry: Entry, state: State)]) -> [UInt8] {
        let encoded = page.map(\.entry.json)
        let size = encoded.reduce(96) { $0 + $1.head.count + $1.tail.count + 96 }
        var json = JSONWriter(capacity: size)
        json.raw("{\"action\":\"DescribeImagesResponse\",\"total_count\":")
        json.integer(totalCount)
        json.raw(",\"image_set\":[")
        for (index, item) in page.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw(encoded[index].head)
            if item.entry.schedule == nil {
                json.raw(encoded[index].initialState)
            } else {
                Self.writeState(item.state, to: &json)
            }
            json.raw(encoded[index].tail)
        }
        json.raw("],\"ret_code\":0}")
        return json.bytes
    }

    // MARK: - An entry, and its JSON encoded once

    private static func entry(_ image: Image, appearance: Int64?, schedule: LifecycleSchedule?) -> Entry {
        let initialState = State(phase: ImagePhase(image.status, image.transitionStatus),
                                 statusTime: Int64((image.statusTime ?? .distantPast).timeIntervalSince1970))
        return Entry(
            image: image, appearance: appearance, schedule: schedule, initialState: initialState,
            searchableID: Array(image.id.lowercased().utf8), searchableName: Array(image.name.lowercased().utf8)
        )
    }

    fileprivate static func writeState(_ state: State, to json: inout JSONWriter) {
        json.key("status"); json.string(state.phase.status.rawValue); json.raw(",")
        json.key("transition_status"); json.string(state.phase.transition?.rawValue ?? ""); json.raw(",")
        json.key("status_time")
        json.string(APITimestamp.format(Date(timeIntervalSince1970: TimeInterval(state.statusTime))))
        json.raw(",")
    }
}

extension ImageWorld.EncodedEntry {
    /// Encodes `image`, whose state as the catalogue made it is `initialState`.
    init(_ image: Image, initialState: ImageWorld.State) {
        var head = JSONWriter()
        head.raw("{")
        head.key("image_id"); head.string(image.id); head.raw(",")
        head.key("image_name"); head.string(image.name); head.raw(",")
        head.key("description"); head.value(image.description.map(JSONValue.string) ?? .null); head.raw(",")
        head.key("size"); head.integer(image.sizeGB); head.raw(",")
        head.key("processor_type"); head.string(image.processorType.rawValue); head.raw(",")
        head.key("platform"); head.string(image.platform.rawValue); head.raw(",")
        head.key("os_family"); head.string(image.osFamily); head.raw(",")
        head.key("visibility"); head.string(image.visibility.rawValue); head.raw(",")
        head.key("provider"); head.string(image.provider.rawValue); head.raw(",")
        head.key("owner"); head.string(image.owner); head.raw(",")
        head.key("recommended_type"); head.string(image.recommendedType); head.raw(",")

        var initialStateJSON = JSONWriter()
        ImageWorld.writeState(initialState, to: &initialStateJSON)

        var tail = JSONWriter()
        tail.key("create_time"); tail.string(APITimestamp.format(image.createTime ?? .distantPast)); tail.raw(",")
        tail.key("tags"); tail.raw("[")
        for (index, tag) in image.tags.enumerated() {
            if index > 0 { tail.raw(",") }
            tail.raw("{"); tail.key("tag_id"); tail.string(tag.id)
            tail.raw(","); tail.key("tag_name"); tail.string(tag.name)
            tail.raw(","); tail.key("tag_key"); tail.string(tag.key)
            tail.raw(","); tail.key("tag_value"); tail.string(tag.value)
            tail.raw(","); tail.key("color"); tail.string(tag.color)
            tail.raw(","); tail.key("owner"); tail.string(tag.owner); tail.raw("}")
        }
        tail.raw("]")
        for (name, value) in ServerExtras.fields(of: image) {
            tail.raw(",")
            tail.string(name)
            tail.raw(":")
            tail.value(value)
        }
        tail.raw("}")

        self.init(head: head.bytes, initialState: initialStateJSON.bytes, tail: tail.bytes)
    }
}
