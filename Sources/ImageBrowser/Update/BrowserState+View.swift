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
        return view.firstIndex(of: slot)
    }

    var selectedIndex: Int? { selectedID.flatMap(viewIndex(ofImage:)) }

    var selectedImage: Image? { selectedID.flatMap(catalog.image(withID:)) }

    var selectedRow: ImageRow? { selectedID.flatMap(catalog.slot(of:)).map(catalog.row(at:)) }

    /// Runs a change to the view, then puts the selection back on its image (or a fallback) at the same
    /// height on screen, with two exceptions: at the top of the list (selection on the first row) the
    /// list stays at its top, so that new rows appear above the selection in view, as in top and htop;
    /// and with `revealAbove` (the filter was cleared) the rows above the selection show when they fit.
    mutating func changeView(fallback: SelectionFallback, revealAbove: Bool = false, _ change: (inout BrowserState) -> Void) {
        let previousIndex = selectedIndex
        let screenOffset = previousIndex.map { $0 - scrollTop }
        let wasAtTop = scrollTop == 0 && previousIndex == 0
        change(&self)
        guard !view.isEmpty else {
            selectedID = nil
            scrollTop = 0
            return
        }
        let index: Int
        if let chosenID, let chosenIndex = viewIndex(ofImage: chosenID) {
            index = chosenIndex
        } else if let selectedID, let selectedIndex = viewIndex(ofImage: selectedID) {
            index = selectedIndex
        } else {
            switch fallback {
            case .top: index = 0
            case .neighbour: index = min(previousIndex ?? 0, view.count - 1)
            }
        }
        let id = catalog.key(at: view[index])
        if id != selectedID { detailScroll = 0 }
        selectedID = id
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
        scrollTop = min(max(0, scrollTop), max(0, view.count - rows))
    }

    /// Selects a row because the user moved there.
    mutating func select(index: Int) {
        guard !view.isEmpty else { return }
        let clamped = min(max(0, index), view.count - 1)
        let id = catalog.key(at: view[clamped])
        if id != selectedID { detailScroll = 0 }
        selectedID = id
        chosenID = id
        keepSelectionVisible()
    }

    /// Recomputes the view from the whole catalogue.
    mutating func rebuildView() {
        let filter = self.filter.applied
        if filter.isEmpty {
            view = catalog.sorted
        } else {
            view = catalog.filter(catalog.sorted, by: filter)
        }
    }

    /// Brings the view up to date after a merge, touching only the images that came in.
    mutating func absorb(_ merge: ImageCatalog.MergeResult, removed: Set<Slot> = []) {
        let filter = self.filter.applied
        if filter.isEmpty {
            view = catalog.sorted
            return
        }
        let touched = merge.touched
        if touched.isEmpty, removed.isEmpty { return }
        let stale = removed.union(touched)
        view.removeAll(where: stale.contains)
        let catalog = self.catalog
        let matching = catalog.filter(touched, by: filter).sorted(by: catalog.precedes)
        view = ImageCatalog.merging(view, matching, by: catalog.precedes)
    }

    /// Adds or updates images from any answer, highlighting the fields that changed.
    ///
    /// A ceased image is gone for good: unless the filter asks for ceased images it is left out (and
    /// counted in ``hiddenCeased``), and one that ceases while shown is removed.
    mutating func ingest(_ images: [Image], zone: Int, now: Date) {
        var incoming = images
        if let tag = options.requestZone(zone) {
            for index in incoming.indices { incoming[index].zone = tag }
        }
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
        if let chosenID, hiddenCeased.contains(chosenID) { self.chosenID = nil }
    }

    /// Removes images that no longer exist; the selection moves to the neighbour of a removed one.
    mutating func removeImages(_ ids: [String]) {
        guard !ids.isEmpty else { return }
        if let chosenID, ids.contains(chosenID) { self.chosenID = nil }
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
                state.view = state.catalog.sorted
            } else if order == previous.reversed {
                state.view.reverse()
            } else {
                let catalog = state.catalog
                state.view.sort(by: catalog.precedes)
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
        let shown = options.isMultiZone ? "shows " + options.zones.joined(separator: ", ") : "shows only " + options.zone
        return "zone \(missing.joined(separator: ", ")) not open: this browser \(shown); "
            + "open more with -z \((options.zones + missing).joined(separator: ",")) or -z all"
    }
}
