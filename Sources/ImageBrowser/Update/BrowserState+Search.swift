import FilterLanguage
import Foundation
import QingCloud
import TerminalVocabulary

/// The filter bar: every keystroke re-filters what is loaded at once; after a pause the filter's server
/// query fetches the matches that are not loaded yet. A newer keystroke cancels the older request.
extension BrowserState {
    /// Characters that can make a longer filter text match more, not less (alternatives, negation,
    /// comparisons, fields, quotes): with none of them, a longer text only narrows.
    private static let widening: Set<Character> = [":", "!", "|", "<", ">", "=", "\"", "'", "(", ")", "\\"]

    /// Applies a new filter text: the local view at once, the server query after ``Browser/searchDebounce``.
    mutating func setFilterText(_ text: String, caret: Int, _ effects: inout [BrowserEffect]) {
        let old = filter.applied
        let new = ImageFilter.parse(text)
        filter.text = text
        filter.caret = min(max(0, caret), text.count)
        filter.applied = new
        filter.generation += 1
        cancelJumpToEnd()
        cancelSearch(&effects)
        changeView(fallback: .top, revealAbove: new.isEmpty) { state in
            if !new.isEmpty, Self.narrows(from: old, to: new) {
                state.listSlots = state.catalog.filter(state.listSlots, by: new, knownToPass: old)
            } else {
                state.rebuildView()
            }
        }
        if !new.isEmpty, new.serverQuery != nil, !isFullyLoaded {
            effects.append(.schedule(BrowserTimer(.searchDebounce, generation: filter.generation), after: Browser.searchDebounce))
        }
    }

    /// Whether every image matching `new` also matches `old`, so that `new` can filter `old`'s rows.
    static func narrows(from old: ImageFilter, to new: ImageFilter) -> Bool {
        !old.isEmpty && old.syntaxError == nil && new.syntaxError == nil && new.text.hasPrefix(old.text)
            && !new.text.contains(where: widening.contains)
    }

    /// Whether the server may still bring matches for the current filter (waiting for the pause after a
    /// keystroke, or the request in flight). Never once every page is loaded: the local answer is
    /// complete then, and live refresh brings what is new.
    var isServerSearchPending: Bool {
        guard filter.applied.serverQuery != nil, search != nil || !isFullyLoaded else { return false }
        return search?.isRunning ?? true
    }

    /// Cancels the search's requests; the background paging they held back resumes.
    mutating func cancelSearch(_ effects: inout [BrowserEffect]) {
        let cancelled = search?.inFlight.keys.sorted() ?? []
        for id in cancelled { effects.append(.cancel(id)) }
        search = nil
        if !cancelled.isEmpty { loadMorePages(&effects) }
    }

    mutating func startServerSearch(_ effects: inout [BrowserEffect]) {
        guard let query = filter.applied.serverQuery, !isFullyLoaded else { return }
        cancelSearch(&effects)
        guard let zone = nextZoneToSearch(after: nil) else { return }
        search = ServerSearch(query: query, zone: zone, pageSize: pageSize)
        requestSearchPages(&effects)
    }

    /// The next zone after `zone` (the first when nil), in the order of ``BrowserOptions/zones``, whose
    /// pages are not all loaded (there the server may know more) and whose images the filter's `zone:`
    /// terms let through.
    private func nextZoneToSearch(after zone: String?) -> String? {
        let start = zone.flatMap(options.zones.firstIndex(of:)).map { $0 + 1 } ?? 0
        return options.zones[start...].first { name in
            !zoneStates[name].paging.plan.isComplete && filter.applied.admits(zone: options.requestZone(name) ?? "")
        }
    }

    /// Asks for the next pages of the search in its zone, up to ``PagingState/backgroundConcurrency`` in
    /// flight (one until the first answer gives the total); once that zone is read to the end and nothing
    /// is in flight, the search goes on in the next zone not fully loaded.
    private mutating func requestSearchPages(_ effects: inout [BrowserEffect]) {
        guard var search else { return }
        if !search.hasMorePages, search.inFlight.isEmpty, !search.hasFailed,
           let next = nextZoneToSearch(after: search.zone) {
            search = ServerSearch(query: search.query, zone: next, pageSize: pageSize)
        }
        let concurrency = search.totalCount == nil ? 1 : PagingState.backgroundConcurrency
        for offset in search.plan.take(upTo: search.hasFailed ? 0 : concurrency - search.inFlight.count) {
            let id = newRequestID()
            var query = search.query
            query.offset = offset
            query.limit = pageSize
            query.zone = options.requestZone(search.zone)
            search.inFlight[id] = offset
            effects.append(.fetch(id, query))
        }
        self.search = search
    }

    mutating func handleSearch(
        _ id: RequestID, _ result: Result<ImagePage, QingCloudError>, now: Date, _ effects: inout [BrowserEffect]
    ) {
        guard var search, let offset = search.inFlight.removeValue(forKey: id) else { return }
        switch result {
        case .success(let answer):
            let zone = search.zone
            recordSuccess(now: now, zone: zone)
            search.plan.receive(answer, at: offset)
            self.search = search
            ingest(answer.images, zone: zone, now: now)
            if zoneStates.contains(where: \.paging.jumpToEndPending) { followEnd(zone: zone) }
            requestSearchPages(&effects)
            resumePagingIfWaiting(zone: zone, &effects)
        case .failure(.cancelled):
            search.plan.abandon(offset)
            self.search = search
        case .failure(let error):
            search.plan.abandon(offset)
            search.hasFailed = true
            self.search = search
            show("server search failed: " + Sanitizer.forDisplay(error.description), kind: .warning, now: now)
        }
        if self.search?.isRunning != true { loadMorePages(&effects) }
    }

    // MARK: Editing

    mutating func openFilterBar() {
        filter.isEditing = true
        filter.caret = filter.text.count
    }

    mutating func clearFilter(_ effects: inout [BrowserEffect]) {
        filter.isEditing = false
        guard !filter.text.isEmpty else {
            cancelSearch(&effects)
            return
        }
        setFilterText("", caret: 0, &effects)
    }

    /// Characters that arrived together: those the filter bar takes go in as one edit (one parse, one
    /// filtering pass for a whole paste instead of one per character); others act as keys.
    mutating func handleTyped(_ text: String, now: Date, _ effects: inout [BrowserEffect]) {
        if viewNamePrompt != nil {
            typeIntoViewName(text)
            return
        }
        var run = ""
        for character in text {
            if filter.isEditing, overlay == nil {
                run.append(character)
                continue
            }
            insertIntoFilter(run, &effects)
            run = ""
            handle(.character(character), now: now, &effects)
            if shouldQuit { return }
        }
        insertIntoFilter(run, &effects)
    }

    /// A bracketed paste: into the filter bar (opened when closed) as one edit. Line breaks and tabs
    /// become spaces, other control characters are dropped. Ignored while an overlay is open.
    mutating func handlePasted(_ text: String, now: Date, _ effects: inout [BrowserEffect]) {
        if viewNamePrompt != nil {
            typeIntoViewName(text)
            return
        }
        // An overlay or a command's y/n question takes no paste: the text is not an answer.
        guard overlay == nil, pendingCommand == nil else { return }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                cleaned.append(" ")
            } else if !Sanitizer.isUnsafe(scalar) {
                cleaned.append(scalar)
            }
        }
        if !filter.isEditing { openFilterBar() }
        insertIntoFilter(String(cleaned), &effects)
    }

    /// Inserts `text` at the caret of the filter bar in one edit.
    private mutating func insertIntoFilter(_ text: String, _ effects: inout [BrowserEffect]) {
        guard !text.isEmpty else { return }
        apply(LineEdit(text: filter.text, caret: filter.caret).inserting(text), &effects)
    }

    /// The filter bar's text and caret after an edit: filtered again when the text changed.
    private mutating func apply(_ edit: LineEdit, _ effects: inout [BrowserEffect]) {
        if edit.text == filter.text {
            filter.caret = edit.caret
        } else {
            setFilterText(edit.text, caret: edit.caret, &effects)
        }
    }

    /// A key while the filter bar is open: a command from ``BrowserOptions/keys``, or an edit of the text.
    mutating func handleFilterBarKey(_ key: Key, now: Date, _ effects: inout [BrowserEffect]) {
        let line = LineEdit(text: filter.text, caret: filter.caret)
        if let action = options.keys.action(for: key, in: .filterBar) {
            switch action {
            case .quit:
                quit(&effects)
            case .keepFilter:
                filter.isEditing = false
            case .clearFilter:
                clearFilter(&effects)
            case .clearFilterText, .deleteWord:
                if let edit = line.applying(action) { apply(edit, &effects) }
            case let movement where movement.isMovement:
                moveInList(movement, now: now, &effects)
            default:
                break
            }
            return
        }
        if key == .backspace, filter.text.isEmpty {
            filter.isEditing = false
        } else if let edit = line.applying(key) {
            apply(edit, &effects)
        }
    }
}
