import QingCloud

/// Every image loaded so far, by id, kept in the current sort order.
///
/// Images live in slots (array positions) so that the sorted and filtered orders are cheap arrays of
/// small integers; a removed image's slot is left behind and never reused. Each slot holds the image as
/// the server sent it (for raw JSON and copying), its sanitised ``ImageRow`` (for display) and its
/// ``FilterIndexEntry`` (for filtering).
struct ImageCatalog: Sendable {
    typealias Slot = Int32

    private(set) var images: [Image] = []
    private(set) var rows: [ImageRow] = []
    /// Each image's lowercased searchable text, for filtering many images at every keystroke.
    private(set) var filterEntries: [FilterIndexEntry] = []
    private(set) var slotByID: [String: Slot] = [:]
    /// The live slots in ``order``.
    private(set) var sorted: [Slot] = []
    private(set) var order: SortOrder

    /// What a merge did, for updating the filtered view and the highlights.
    struct MergeResult {
        var added: [Slot] = []
        var changed: [Slot: Set<ImageField>] = [:]
        /// Slots whose position or filter match may have changed.
        var touched: [Slot] { added + changed.keys }
    }

    init(order: SortOrder = .serverDefault) {
        self.order = order
    }

    var count: Int { slotByID.count }

    func slot(of id: String) -> Slot? { slotByID[id] }
    func image(at slot: Slot) -> Image { images[Int(slot)] }
    func row(at slot: Slot) -> ImageRow { rows[Int(slot)] }
    func image(withID id: String) -> Image? { slotByID[id].map { images[Int($0)] } }

    func matches(_ filter: ImageFilter, _ slot: Slot) -> Bool { filter.matches(filterEntries[Int(slot)]) }

    /// Whether slot `lhs` comes before slot `rhs` in the current order.
    func precedes(_ lhs: Slot, _ rhs: Slot) -> Bool { order.precedes(rows[Int(lhs)], rows[Int(rhs)]) }

    /// Adds new images and replaces known ones (matched by id), keeping ``sorted`` in order.
    mutating func merge(_ incoming: [Image]) -> MergeResult {
        var result = MergeResult()
        var moved: Set<Slot> = []
        for image in incoming {
            if let slot = slotByID[image.id] {
                let fields = ImageField.changes(from: images[Int(slot)], to: image)
                images[Int(slot)] = image
                guard !fields.isEmpty else { continue }
                rows[Int(slot)] = ImageRow(image)
                filterEntries[Int(slot)] = FilterIndexEntry(image)
                result.changed[slot, default: []].formUnion(fields)
                if order.isAffected(by: fields) { moved.insert(slot) }
            } else {
                let slot = Slot(images.count)
                images.append(image)
                rows.append(ImageRow(image))
                filterEntries.append(FilterIndexEntry(image))
                slotByID[image.id] = slot
                result.added.append(slot)
            }
        }
        if !moved.isEmpty { sorted.removeAll(where: moved.contains) }
        let placed = (result.added + moved).sorted(by: precedes)
        sorted = Self.merging(sorted, placed, by: precedes)
        return result
    }

    /// Forgets images; returns the slots they had.
    mutating func remove(ids: some Sequence<String>) -> Set<Slot> {
        var removed: Set<Slot> = []
        for id in ids {
            if let slot = slotByID.removeValue(forKey: id) { removed.insert(slot) }
        }
        if !removed.isEmpty { sorted.removeAll(where: removed.contains) }
        return removed
    }

    mutating func sort(by newOrder: SortOrder) {
        guard newOrder != order else { return }
        if newOrder == order.reversed {
            sorted.reverse()
        } else {
            sorted.sort { newOrder.precedes(rows[Int($0)], rows[Int($1)]) }
        }
        order = newOrder
    }

    /// Merges two arrays that are each in order into one in order.
    static func merging(_ first: [Slot], _ second: [Slot], by precedes: (Slot, Slot) -> Bool) -> [Slot] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        var merged: [Slot] = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count, j < second.count {
            if precedes(second[j], first[i]) {
                merged.append(second[j]); j += 1
            } else {
                merged.append(first[i]); i += 1
            }
        }
        merged.append(contentsOf: first[i...])
        merged.append(contentsOf: second[j...])
        return merged
    }
}
