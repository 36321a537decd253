import Foundation
import FilterLanguage
import QingCloud
import TerminalVocabulary

/// Every image loaded so far, by key (its id, or `zone/id` when several zones are shown), kept in the
/// current sort order.
///
/// Images live in slots (array positions) so that the sorted and filtered orders are cheap arrays of
/// small integers; a removed image's slot is left behind and never reused. Each slot holds the image's
/// typed fields (as a ``StoredImage``), its JSON object as the server sent it (in a ``RawJSONStore``, for `y`), its keys in the
/// current sort column and its place in the ``FilterIndex`` (for filtering). Display rows are made
/// for the images on screen when they are drawn.
struct ImageCatalog: Sendable {
    typealias Slot = Int32

    /// The images without their JSON objects (which would keep every page body alive).
    private var images: [StoredImage] = []
    private var undocumented = UndocumentedValues()
    private var rawObjects = RawJSONStore()
    private var sharedValues = SharedValues()
    private var sortKeys: SortKeys
    /// Every slot's lowercased searchable text, for filtering many images at every keystroke.
    private(set) var filterIndex = FilterIndex()
    private(set) var slotByKey: [String: Slot] = [:]
    /// How many images each zone holds (images not tagged with a zone count under "").
    private var countByZone: [String: Int] = [:]
    /// The live slots in ``order``.
    private(set) var sorted: [Slot] = []
    private(set) var order: SortOrder
    /// The display width of the widest sanitised id ever loaded, for the ID column.
    private(set) var widestID = 0
    /// The zone of the images not tagged with one (a one-zone browser's), so that `zone:pek3a` matches them.
    private let untaggedZone: String?
    /// Bumped whenever images are merged or removed: what was laid out from an image before may differ.
    private(set) var revision = 0

    /// What a merge did, for updating the filtered view and the highlights.
    struct MergeResult {
        var added: [Slot] = []
        var changed: [Slot: Set<ImageField>] = [:]
        /// Slots whose position or filter match may have changed.
        var touched: [Slot] { added + changed.keys }
    }

    init(order: SortOrder = .serverDefault, untaggedZone: String? = nil) {
        self.order = order
        self.untaggedZone = untaggedZone
        sortKeys = SortKeys(column: order.column, images: [])
    }

    var count: Int { slotByKey.count }

    /// `image` as the filter sees it: tagged with ``untaggedZone`` when it has no zone.
    private func filterable(_ image: Image) -> Image {
        guard image.zone == nil, let untaggedZone else { return image }
        var tagged = image
        tagged.zone = untaggedZone
        return tagged
    }

    func slot(of id: String) -> Slot? { slotByKey[id] }
    func count(inZone zone: String) -> Int { countByZone[zone] ?? 0 }
    /// The image in `slot`, its JSON object included.
    func image(at slot: Slot) -> Image {
        let image = images[Int(slot)]
        return image.image(undocumented: undocumented, raw: rawObjects.text(Int(slot), known: Self.known(image.id, image.name)))
    }

    func image(forKey key: String) -> Image? { slotByKey[key].map(image(at:)) }
    /// The key (``Image/key``) of the image in `slot`.
    func key(at slot: Slot) -> String { images[Int(slot)].key }
    func createTime(at slot: Slot) -> Date? { images[Int(slot)].createTime }
    /// The image in `slot` as the screen shows it.
    func row(at slot: Slot) -> ImageRow { ImageRow(images[Int(slot)].image(undocumented: undocumented)) }

    /// The keys of the images of `zone` (nil: those not tagged with a zone).
    func keys(inZone zone: String?) -> [String] {
        slotByKey.compactMap { key, slot in images[Int(slot)].zone == zone ? key : nil }
    }

    /// The keys of up to `limit` images going through a transition (creating, deleting, ...), in sort order.
    func idsInTransition(limit: Int) -> [String] {
        var ids: [String] = []
        images.withUnsafeBufferPointer { images in
            for slot in sorted where images[Int(slot)].isInTransition {
                ids.append(images[Int(slot)].key)
                if ids.count >= limit { break }
            }
        }
        return ids
    }

    /// The slots (in their order) whose images pass the filter; the terms of `known`, which every slot
    /// is known to pass, are not checked again.
    func filter(_ slots: [Slot], by filter: ImageFilter, knownToPass known: ImageFilter = .empty) -> [Slot] {
        filterIndex.numbers(slots, passing: filter, knownToPass: known)
    }

    /// Whether slot `lhs` comes before slot `rhs` in the current order.
    func precedes(_ lhs: Slot, _ rhs: Slot) -> Bool {
        order.descending ? sortKeys.ascending(rhs, lhs) : sortKeys.ascending(lhs, rhs)
    }

    /// Adds new images and replaces known ones (matched by id), keeping ``sorted`` in order.
    mutating func merge(_ incoming: [Image]) -> MergeResult {
        if !incoming.isEmpty { revision &+= 1 }
        var result = MergeResult()
        var moved: Set<Slot> = []
        for received in incoming {
            let raw = received.rawJSON
            let image = sharedValues.sharing(received)
            if let slot = slotByKey[image.key] {
                let fields = ImageField.changes(from: images[Int(slot)].image(undocumented: undocumented), to: image)
                images[Int(slot)] = StoredImage(image, undocumented: &undocumented)
                rawObjects.set(Int(slot), raw, known: Self.known(image.id, image.name))
                guard !fields.isEmpty else { continue }
                sortKeys.replace(slot, with: image)
                filterIndex.replace(Int(slot), with: filterable(image))
                result.changed[slot, default: []].formUnion(fields)
                if order.isAffected(by: fields) { moved.insert(slot) }
            } else {
                let slot = Slot(images.count)
                images.append(StoredImage(image, undocumented: &undocumented))
                rawObjects.set(Int(slot), raw, known: Self.known(image.id, image.name))
                sortKeys.append(image)
                widestID = max(widestID, DisplayWidth.of(Sanitizer.forDisplay(image.id)))
                filterIndex.append(filterable(image))
                slotByKey[image.key] = slot
                countByZone[image.zone ?? "", default: 0] += 1
                result.added.append(slot)
            }
        }
        if !moved.isEmpty { sorted.removeAll(where: moved.contains) }
        let placed = (result.added + moved).sorted(by: precedes)
        sorted = Self.merging(sorted, placed, by: precedes)
        return result
    }

    /// The pieces of an image's JSON object that its typed fields already hold (see ``RawJSONStore``).
    private static func known(_ id: String, _ name: String) -> [[UInt8]] {
        [RawJSONStore.quoted(id), RawJSONStore.quoted(name)]
    }

    /// Forgets images (by key); returns the slots they had.
    mutating func remove(ids: some Sequence<String>) -> Set<Slot> {
        var removed: Set<Slot> = []
        for id in ids {
            if let slot = slotByKey.removeValue(forKey: id) {
                removed.insert(slot)
                countByZone[images[Int(slot)].zone ?? "", default: 0] -= 1
            }
        }
        if !removed.isEmpty {
            sorted.removeAll(where: removed.contains)
            revision &+= 1
        }
        return removed
    }

    mutating func sort(by newOrder: SortOrder) {
        guard newOrder != order else { return }
        if newOrder == order.reversed {
            sorted.reverse()
        } else {
            sortKeys = SortKeys(column: newOrder.column, images: images.lazy.map { [undocumented] in $0.image(undocumented: undocumented) })
            let keys = sortKeys
            if newOrder.descending {
                sorted.sort { keys.ascending($1, $0) }
            } else {
                sorted.sort(by: keys.ascending)
            }
        }
        order = newOrder
    }

    /// Merges a short ordered array into a long ordered one: a binary search per element of `second`,
    /// so that adding a page of 100 to 100,000 rows costs about 1,700 comparisons and one copy.
    static func merging(_ first: [Slot], _ second: [Slot], by precedes: (Slot, Slot) -> Bool) -> [Slot] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        var merged: [Slot] = []
        merged.reserveCapacity(first.count + second.count)
        var copied = 0
        for slot in second {
            var low = copied, high = first.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(slot, first[middle]) { high = middle } else { low = middle + 1 }
            }
            merged.append(contentsOf: first[copied..<low])
            merged.append(slot)
            copied = low
        }
        merged.append(contentsOf: first[copied...])
        return merged
    }
}
