import Foundation
import QingCloud

/// The list's rows (filtered and sorted), the selection held by image id, and the scroll position.
extension BrowserState {
    typealias Slot = ImageCatalog.Slot

    /// Where the selection goes when its image leaves the view.
    enum SelectionFallback {
        /// The first row: after a filter change.
        case top
        /// The row that took its place: after the image disappeared.
        case neighbour
    }

    func viewIndex(ofImage id: String) -> Int? {
        guard let slot = catalog.slot(of: id) else { return nil }
        return listSlots.firstIndex(of: slot)
    }

    var selectedIndex: Int? { selectedKey.flatMap(viewIndex(ofImage:)) }

    var selectedImage: Image? { selectedKey.flatMap(catalog.image(forKey:)) }

    var selectedRow: ImageRow? { selectedKey.flatMap(catalog.slot(of:)).map(catalog.row(at:)) }

    /// Runs a change to the view, then puts the selection back on its image (or a fallback) at the same
    /// height on screen, with two exceptions: at the top of the list (selection on the first row) the
    /// list stays at its top, so that new rows appear above the selection in view, as in top and htop;
    /// and with `revealAbove` (the filter was cleared) the rows above the selection show when they fit.
    mutating func changeView(fallback: SelectionFallback, revealAbove: Bool = false, _ change: (inout BrowserState) -> Void) {
        let previousIndex = selectedIndex
        let screenOffset = previousIndex.map { $0 - scrollTop }
        let wasAtTop = scrollTop == 0 && previousIndex == 0
        change(&self)
        guard !listSlots.isEmpty else {
            selectedKey = nil
            scrollTop = 0
            return
        }
        let index: Int
        if let chosenKey, let chosenIndex = viewIndex(ofImage: chosenKey) {
            index = chosenIndex
        } else if let selectedKey, let selectedIndex = viewIndex(ofImage: selectedKey) {
            index = selectedIndex
        } else {
            switch fallback {
            case .top: index = 0
            case .neighbour: index = min(previousIndex ?? 0, listSlots.count - 1)
            }
        }
        let id = catalog.key(at: listSlots[index])
        if id != selectedKey { detailScroll = 0 }
        selectedKey = id
        if wasAtTop || (revealAbove && index < geometry.listRows) {
            scrollTop = 0
        } else if let screenOffset {
            scrollTop = index - screenOffset
        }
        keepSelectionVisible()
    }

    /// Scrolls as little as possible to show the selected row, and never past the last row.
    mutating func keepSelectionVisible() {
        let rows = geometry.listRows
        if let index = selectedIndex {
            if index < scrollTop { scrollTop = index }
            if index >= scrollTop + rows { scrollTop = index - rows + 1 }
        }
        scrollTop = min(max(0, scrollTop), max(0, listSlots.count - rows))
    }

    /// Selects a row because the user moved there.
    mutating func select(index: Int) {
        guard !listSlots.isEmpty else { return }
        let clamped = min(max(0, index), listSlots.count - 1)
        let id = catalog.key(at: listSlots[clamped])
        if id != selectedKey { detailScroll = 0 }
        selectedKey = id
        chosenKey = id
        keepSelectionVisible()
    }

    /// Recomputes the view from the whole catalogue.
    mutating func rebuildView() {
        let filter = self.filter.applied
        if filter.isEmpty {
            listSlots = catalog.sorted
        } else {
            listSlots = catalog.filter(catalog.sorted, by: filter)
        }
    }

    /// Brings the view up to date after a merge, touching only the images that came in.
    mutating func absorb(_ merge: ImageCatalog.MergeResult, removed: Set<Slot> = []) {
        let filter = self.filter.applied
        if filter.isEmpty {
            listSlots = catalog.sorted
            return
        }
        let touched = merge.touched
        if touched.isEmpty, removed.isEmpty { return }
        let stale = removed.union(touched)
        listSlots.removeAll(where: stale.contains)
        let catalog = self.catalog
        let matching = catalog.filter(touched, by: filter).sorted(by: catalog.precedes)
        listSlots = ImageCatalog.merging(listSlots, matching, by: catalog.precedes)
    }

    /// Adds or updates images from any answer, highlighting the fields that changed.
    ///
    /// A ceased image is gone for good: unless the filter asks for ceased images it is left out (and
    /// counted in ``hiddenCeased``), and one that ceases while shown is removed.
    mutating func ingest(_ images: [Image], zone: String, now: Date) {
        var incoming = images
        if let tag = options.requestZone(zone) {
            for index in incoming.indices { incoming[index].zone = tag }
        }
        zoneStates[zone].sweep.seen.formUnion(incoming.map(\.key))
        var ceased: [String] = []
        if !isFilteringForCeased {
            ceased = incoming.filter { $0.status == .ceased }.map(\.key)
            incoming.removeAll { $0.status == .ceased }
        }
        hiddenCeased.formUnion(ceased)
        hiddenCeased.subtract(incoming.map(\.key))
        changeView(fallback: .neighbour) { state in
            let result = state.catalog.merge(incoming)
            let until = now.addingTimeInterval(Browser.highlightDuration)
            for (slot, fields) in result.changed {
                let id = state.catalog.key(at: slot)
                for field in fields { state.highlights[HighlightKey(imageID: id, field: field)] = until }
            }
            let removed = state.catalog.remove(ids: ceased)
            state.forgetHighlights(of: ceased)
            state.absorb(result, removed: removed)
        }
        if let chosenKey, hiddenCeased.contains(chosenKey) { self.chosenKey = nil }
    }

    /// Removes images that no longer exist; the selection moves to the neighbour of a removed one.
    mutating func removeImages(_ ids: [String]) {
        guard !ids.isEmpty else { return }
        if let chosenKey, ids.contains(chosenKey) { self.chosenKey = nil }
        changeView(fallback: .neighbour) { state in
            let removed = state.catalog.remove(ids: ids)
            state.forgetHighlights(of: ids)
            state.absorb(ImageCatalog.MergeResult(), removed: removed)
        }
    }

    private mutating func forgetHighlights(of ids: [String]) {
        guard !ids.isEmpty else { return }
        let gone = Set(ids)
        highlights = highlights.filter { !gone.contains($0.key.imageID) }
    }

    /// Whether the filter asks for ceased images, which are otherwise dropped once they cease.
    var isFilteringForCeased: Bool {
        filter.applied.serverQuery?.statuses.contains(.ceased) ?? false
    }

    mutating func setSort(_ order: SortOrder, now: Date) {
        let previous = catalog.order
        changeView(fallback: .top) { state in
            state.catalog.sort(by: order)
            if state.filter.applied.isEmpty {
                state.listSlots = state.catalog.sorted
            } else if order == previous.reversed {
                state.listSlots.reverse()
            } else {
                let catalog = state.catalog
                state.listSlots.sort(by: catalog.precedes)
            }
        }
        show("sorted by \(order.column.sortName) \(order.descending ? "▼" : "▲")", now: now)
    }
}

extension BrowserState {
    /// When a `zone:` term asks for zones this browser does not show (which would silently match
    /// nothing): which, what is shown, and how to open them.
    var zoneNotOpenNote: String? {
        let open = options.zones.map { $0.lowercased() }
        var missing: [String] = []
        for zone in filter.applied.zonesAskedFor where !open.contains(zone) && !missing.contains(zone) {
            missing.append(zone)
        }
        guard !missing.isEmpty else { return nil }
        let shown = options.isMultiZone ? "shows " + options.zones.joined(separator: ", ") : "shows only " + options.zones[0]
        return "zone \(missing.joined(separator: ", ")) not open: this browser \(shown); "
            + "open more with -z \((options.zones + missing).joined(separator: ",")) or -z all"
    }
}
