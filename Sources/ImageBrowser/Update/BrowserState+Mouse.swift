import Foundation

/// What a click or a wheel notch does (with `--mouse`), decided by what is under the pointer
/// (``ViewGeometry/target(column:row:overlay:zoneSpans:)``):
/// - the wheel moves the list's selection, or scrolls the detail pane when the pointer is over it, or
///   scrolls an open overlay (moves the sort chooser's cursor);
/// - a click on a row selects it; on a column title sorts by that column (again: reverses, as `S`); on
///   the detail pane gives it the focus (as Tab); on a zone in the header filters to that zone with a
///   `zone:` term in the filter (again: every zone);
/// - in the sort chooser a click on a column sorts by it (as Enter); a click outside any overlay closes
///   it (as Esc); a click on the footer, the header's other parts or an overlay's text does nothing.
extension BrowserState {
    /// Lines the wheel moves per notch (the selection, the detail pane or an overlay), as most terminals'
    /// own scrollback does.
    static let wheelLines = 3

    mutating func handleMouse(_ mouse: MouseEvent, now: Date, _ effects: inout [BrowserEffect]) {
        let geometry = self.geometry
        let zoneSpans = overlay == nil && options.isMultiZone
            ? Renderer(state: self, geometry: geometry, now: now).zoneSpans : []
        let target = geometry.target(column: mouse.column, row: mouse.row, overlay: overlay, zoneSpans: zoneSpans)
        switch mouse.kind {
        case .press:
            click(target, now: now, &effects)
        case .wheelUp:
            turnWheel(.previous, over: target, now: now, &effects)
        case .wheelDown:
            turnWheel(.next, over: target, now: now, &effects)
        }
    }

    private mutating func turnWheel(_ movement: KeyAction, over target: MouseTarget, now: Date, _ effects: inout [BrowserEffect]) {
        guard !geometry.layout.isTooSmall else { return }
        if case .sortChooser(let cursor) = overlay {
            let choices = geometry.sortChoices.map(\.column)
            let index = (choices.firstIndex(of: cursor) ?? 0) + (movement == .previous ? -1 : 1)
            overlay = .sortChooser(cursor: choices[min(max(0, index), choices.count - 1)])
            return
        }
        for _ in 0..<Self.wheelLines {
            if let overlay {
                scrollOverlay(overlay, by: movement)
            } else if target == .detail || geometry.layout.list == nil {
                scrollDetail(movement, now: now)
            } else {
                moveInList(movement, now: now, &effects)
            }
        }
    }

    private mutating func click(_ target: MouseTarget, now: Date, _ effects: inout [BrowserEffect]) {
        switch target {
        case .listRow(let line):
            let index = scrollTop + line
            guard index < listSlots.count else { return }
            cancelJumpToEnd()
            focus = .list
            select(index: index)
            loadAheadIfNearEnd(&effects)
        case .columnTitle(let column):
            let order = catalog.order
            setSort(column == order.column ? order.reversed : SortOrder(column: column, descending: column.startsDescending),
                    now: now)
        case .detail:
            focus = .detail
        case .zone(let zone):
            filterByZone(zone, now: now, &effects)
        case .overlayLine(let line):
            guard case .sortChooser(let cursor) = overlay else { return }
            let choices = geometry.sortChoices
            let index = geometry.sortChooserTop(cursor: cursor) + line
            if index < choices.count { pickSort(choices[index].column, now: now) }
        case .outsideOverlay:
            overlay = nil
        case .overlayFrame, .nothing:
            break
        }
    }

    /// A click on a zone in the header: the filter's `zone:` terms give way to this zone's, or, when the
    /// filter already asks for this zone alone, the term goes and every zone shows again. The rest of
    /// the filter stays; the filter bar shows the term, and Esc clears it as any filter.
    private mutating func filterByZone(_ zone: String, now: Date, _ effects: inout [BrowserEffect]) {
        let (text, added) = Self.filterText(filter.text, togglingZone: zone)
        setFilterText(text, caret: text.count, &effects)
        show(added ? "only zone \(zone) (zone:\(zone) in the filter; click it again for every zone)" : "every zone",
             now: now)
    }

    /// `text` with its `zone:` terms replaced by `zone:ZONE`, or without it when it was the only one;
    /// whether the term was added. Terms are split at spaces outside quotes, as the filter reads them.
    static func filterText(_ text: String, togglingZone zone: String) -> (text: String, added: Bool) {
        let term = "zone:" + zone
        var terms = filterTerms(of: text)
        let isZoneTerm = { (term: String) in term.lowercased().hasPrefix("zone:") }
        let zoneTerms = terms.filter(isZoneTerm).map { $0.lowercased() }
        terms.removeAll(where: isZoneTerm)
        let added = zoneTerms != [term.lowercased()]
        if added { terms.append(term) }
        return (terms.joined(separator: " "), added)
    }

    /// The filter's terms as typed; a quote left open is closed, so that a term added after it stays a term.
    private static func filterTerms(of text: String) -> [String] {
        var terms: [String] = []
        var term = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character.isWhitespace, !quoted {
                if !term.isEmpty { terms.append(term) }
                term = ""
            } else {
                term.append(character)
            }
        }
        if quoted { term.append("\"") }
        if !term.isEmpty { terms.append(term) }
        return terms
    }
}
