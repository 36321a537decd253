import Foundation
import QingCloud
import TerminalVocabulary

extension Browser {
    /// Draws the state into a frame of the size it was last told (``BrowserEvent/resize(_:)``). Pure and
    /// deterministic: the same state and time give the same frame, and an idle, healthy screen does not
    /// change as time passes (ages show only with coarse steps, and only next to errors and in the AGE
    /// column). Drawn in the look of its palette.
    public static func render(_ state: BrowserState, now: Date) -> Frame {
        state.palette.restyle(Renderer(state: state, geometry: state.geometry, now: now).frame())
    }
}

/// Lays out and draws one frame: header, list, detail, footer, overlay.
struct Renderer {
    let state: BrowserState
    let geometry: ViewGeometry
    let now: Date

    var size: TerminalSize { state.size }

    func frame() -> Frame {
        var canvas = Canvas(size: size)
        let layout = geometry.layout
        guard canvas.width > 0, canvas.height > 0 else { return canvas.frame }
        if layout.isTooSmall {
            drawTooSmall(on: &canvas)
            return canvas.frame
        }
        drawHeader(layout, on: &canvas)
        if let list = layout.list {
            ListPane(state: state, rect: list, columns: geometry.columns, now: now).draw(on: &canvas)
        }
        if let detail = layout.detail, let text = geometry.detailText {
            drawDetail(detail, text: text, placement: layout.placement, on: &canvas)
        }
        drawFooter(layout, on: &canvas)
        if let overlay = state.overlay {
            let box = geometry.box(for: overlay)
            box.draw(overlay, title: box.title(of: overlay, catalog: state.catalog),
                     lines: geometry.overlayLines(of: overlay, catalog: state.catalog, options: state.options,
                                                  setup: state.setupValues), on: &canvas)
        }
        return canvas.frame
    }

    // MARK: Too small

    private func drawTooSmall(on canvas: inout Canvas) {
        let minimum = Layout.minimumSize
        let lines = [
            "terminal too small",
            "\(size.width)x\(size.height), need \(minimum.width)x\(minimum.height)",
            "q quits",
        ]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, toWidth: canvas.width)
            let x = max(0, (canvas.width - DisplayWidth.of(text)) / 2)
            canvas.write(text, x: x, y: top + offset, style: offset == 0 ? Theme.warning : Theme.faint)
        }
    }

    // MARK: Header

    private func drawHeader(_ layout: Layout, on canvas: inout Canvas) {
        let width = canvas.width
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Theme.titleBar)
        let zone = state.options.isMultiZone ? "\(state.options.zones.count) zones" : Sanitizer.forDisplay(state.options.zones[0])
        let badge: StyledLine = state.options.isDemo ? [Span(" DEMO ", Theme.demoBadge)] : []
        var left: StyledLine = [Span(" qcimages ", Theme.titleBarStrong), Span(" ", Theme.titleBar), Span(zone, Theme.titleBarStrong)]
        let used = (left + [Span(" ")] + badge).displayWidth
        // The age of the data goes first when the line is short: the name and zone matter more.
        var right = refreshBadge(showingAge: true)
        if width - right.displayWidth - 1 < used { right = refreshBadge(showingAge: false) }
        let rightWidth = right.displayWidth
        let endpointRoom = width - rightWidth - 1 - used - 4
        if endpointRoom >= 6 {
            let endpoint = DisplayWidth.truncate(Sanitizer.forDisplay(state.options.endpointLabel), toWidth: endpointRoom)
            left.append(Span(" · " + endpoint, Theme.titleBar))
        }
        left.append(Span(" ", Theme.titleBar))
        left += badge
        canvas.write(left, x: 0, y: 0, limit: max(0, width - rightWidth - 1))
        canvas.write(right, x: max(0, width - rightWidth), y: 0)

        drawCounts(width: width, on: &canvas)
        if layout.headerHeight > 2, let error = state.health.error { drawError(error, width: width, on: &canvas) }
    }

    /// The refresh state, and how old the oldest status on hand is (in seconds under a minute): every
    /// image held was read since (see ``RefreshSweep``); "sweep behind" when a zone's sweep cannot keep
    /// up with its budget.
    private func refreshBadge(showingAge: Bool) -> StyledLine {
        var age = ""
        if showingAge, let oldest = state.oldestRead {
            age = "· oldest \(TextFormat.age(now.timeIntervalSince(oldest), showingSeconds: true)) "
            if state.isSweepBehind(now: now) { age += "· sweep behind " }
        }
        guard let interval = state.refresh.interval else { return [Span(" refresh off " + age, Theme.titleBar)] }
        let every = "every \(TextFormat.interval(interval)) "
        if state.refresh.isPaused { return [Span(" PAUSED ", Theme.pausedBadge), Span(" " + every + age, Theme.titleBar)] }
        return [Span(" live · " + every + age, Theme.titleBar)]
    }

    private func drawCounts(width: Int, on canvas: inout Canvas) {
        let counts = countsLine()
        let sort = sortBadge
        let limit = countsLimit(width: width)
        canvas.write(counts.line, x: 0, y: 1, limit: limit)
        if limit < width { canvas.write(sort, x: width - sort.displayWidth, y: 1) }
    }

    /// Where each zone's name and count are on the header's second line (with several zones), within
    /// what the line shows: a click there filters to the zone.
    var zoneSpans: [ZoneSpan] {
        let limit = countsLimit(width: size.width)
        return countsLine().zones.filter { $0.columns.upperBound <= limit }
    }

    /// The sort order, right-aligned on the counts line.
    private var sortBadge: StyledLine {
        let order = state.catalog.order
        return [Span("sort ", Theme.faint), Span(order.column.sortName + (order.descending ? " ▼" : " ▲") + " ")]
    }

    /// Where the counts line stops: before the sort order when there is room for it.
    private func countsLimit(width: Int) -> Int {
        let sortWidth = sortBadge.displayWidth
        return width - sortWidth > 40 ? width - sortWidth - 1 : width
    }

    /// The header's second line, left part: matches, images (per zone with several), what is skipped
    /// or failing, the search, the filter; and where each zone sits on it.
    private func countsLine() -> (line: StyledLine, zones: [ZoneSpan]) {
        var line: StyledLine = [Span(" ")]
        var zones: [ZoneSpan] = []
        let loaded = state.catalog.count
        if !state.filter.applied.isEmpty {
            let matches = state.listSlots.count
            line += [Span(TextFormat.grouped(matches), Theme.strong), Span(matches == 1 ? " match · " : " matches · ")]
        }
        if state.options.isMultiZone {
            let counts = zoneCounts(at: line.displayWidth)
            line += counts.line
            zones = counts.zones
        } else if let total = state.paging.totalCount {
            if state.isFullyLoaded {
                line += [Span(TextFormat.grouped(loaded), Theme.strong), Span(loaded == 1 ? " image" : " images")]
                let missing = state.paging.missing
                if missing > 0 {
                    line.append(Span(" · INCOMPLETE: the server counts \(TextFormat.grouped(total)), \(TextFormat.grouped(missing)) never sent", Theme.warning))
                }
            } else {
                line += [Span(TextFormat.grouped(loaded), Theme.strong), Span(" of "),
                         Span(TextFormat.grouped(total), Theme.strong), Span(" loaded")]
            }
        } else {
            line.append(Span(state.health.error == nil ? "loading…" : "not loaded", Theme.faint))
        }
        if !state.marks.isEmpty {
            line += [Span(" · "), Span(TextFormat.grouped(state.marks.count), Theme.mark), Span(" marked")]
        }
        if !state.hiddenCeased.isEmpty {
            line.append(Span(" · \(TextFormat.grouped(state.hiddenCeased.count)) ceased hidden", Theme.faint))
        }
        if !state.options.faultyZones.isEmpty {
            let named = state.options.faultyZones.map(Sanitizer.forDisplay).joined(separator: ", ")
            line.append(Span(" · \(named) skipped: faulty", Theme.warning))
        }
        let rounds = state.lastRounds
        if rounds.failed > 0 {
            line.append(Span(" · \(rounds.failed) of \(rounds.requested) failed · ! why", Theme.warning))
        }
        if let search = state.search, search.isRunning {
            let progress = search.totalCount.map { " \(TextFormat.grouped(search.received)) of \(TextFormat.grouped($0))" }
            let zone = state.options.isMultiZone ? " " + Sanitizer.forDisplay(search.zone) : ""
            line.append(Span(" · searching…" + zone + (progress ?? ""), Theme.faint))
        }
        if !state.filter.isEditing, !state.filter.text.isEmpty {
            line += [Span("   filter ", Theme.faint), Span(Sanitizer.forDisplay(state.filter.text), Theme.filterText)]
            if state.filter.applied.syntaxError != nil { line.append(Span(" (syntax error)", Theme.error)) }
            if state.zoneNotOpenNote != nil { line.append(Span(" (zone not open)", Theme.error)) }
        }
        if state.columns != .standard, geometry.hiddenColumns > 0 {
            let hidden = geometry.hiddenColumns
            line.append(Span(" · \(hidden) column\(hidden == 1 ? "" : "s") hidden", Theme.faint))
        }
        return (line, zones)
    }

    /// With several zones: the images in all, then each zone's state in little room: its images once all
    /// are loaded, loaded/total while loading, `…` before its first page, `✗` while it fails (the error
    /// line below names it and says why), and its oldest status's age while it fails or its sweep is behind.
    /// The zones' places count from `offset`, the column the part starts at.
    private func zoneCounts(at offset: Int) -> (line: StyledLine, zones: [ZoneSpan]) {
        let loaded = state.catalog.count
        var line: StyledLine = []
        var zones: [ZoneSpan] = []
        if let total = state.totalCount, state.isFullyLoaded || total == loaded {
            line += [Span(TextFormat.grouped(loaded), Theme.strong), Span(loaded == 1 ? " image" : " images")]
            let missing = state.missingImages
            if state.isFullyLoaded, missing > 0 {
                line.append(Span(" · INCOMPLETE: \(TextFormat.grouped(missing)) never sent", Theme.warning))
            }
        } else {
            line += [Span(TextFormat.grouped(loaded), Theme.strong), Span(" loaded")]
        }
        for zone in state.options.zones {
            line.append(Span(" · ", Theme.faint))
            let start = offset + line.displayWidth
            line.append(Span(Sanitizer.forDisplay(zone) + " ", Theme.faint))
            let paging = state.zoneStates[zone].paging
            let count = state.catalog.count(inZone: zone)
            let failing = state.zoneStates[zone].error != nil
            if failing {
                line.append(Span("✗", Theme.error))
            } else if let total = paging.totalCount {
                line.append(paging.plan.isComplete
                    ? Span(TextFormat.grouped(count))
                    : Span(TextFormat.grouped(count) + "/" + TextFormat.grouped(total)))
            } else {
                line.append(Span("…", Theme.faint))
            }
            if failing || state.isSweepBehind(zone: zone, now: now),
               let oldest = state.zoneStates[zone].sweep.oldestRead, paging.totalCount != nil {
                // This zone's age where it differs from the others': failing, or its sweep behind.
                line.append(Span(" " + TextFormat.age(now.timeIntervalSince(oldest), showingSeconds: true), Theme.faint))
            }
            zones.append(ZoneSpan(zone: zone, columns: start..<(offset + line.displayWidth)))
        }
        return (line, zones)
    }

    /// The last error, then (right-aligned, when there is room) how old it is, when the next try is and
    /// how old the data on screen is.
    private func drawError(_ error: ConnectionError, width: Int, on canvas: inout Canvas) {
        var ages = "failed \(TextFormat.age(now.timeIntervalSince(error.at), showingSeconds: true)) ago"
        ages += " · " + (ErrorNotice.retryStatus(of: state, now: now) ?? "r retries")
        if let success = state.health.lastSuccess {
            ages += " · data \(TextFormat.age(now.timeIntervalSince(success), showingSeconds: true)) old"
        } else {
            ages += " · no data yet"
        }
        ages += " "
        let agesWidth = DisplayWidth.of(ages)
        let showsAges = width - agesWidth >= 30
        let limit = showsAges ? width - agesWidth - 1 : width
        let badge = Span(" ! ", CellStyle(foreground: .red, bold: true, reverse: true))
        var line: StyledLine = [badge, Span(" ")]
        if DisplayWidth.of(error.message) <= limit - 4 {
            line.append(Span(error.message, Theme.error))
        } else {
            // Cut: say how to read the rest.
            let more = " (! shows all)"
            let room = max(0, limit - 4 - DisplayWidth.of(more))
            line += [Span(DisplayWidth.truncate(error.message, toWidth: room), Theme.error), Span(more, Theme.faint)]
        }
        canvas.write(line, x: 0, y: 2, limit: limit)
        if showsAges { canvas.write(ages, x: width - agesWidth, y: 2, style: Theme.warning) }
    }

    // MARK: Detail

    private func drawDetail(_ rect: Rect, text content: Rect, placement: Layout.DetailPlacement, on canvas: inout Canvas) {
        let focused = state.focus == .detail
        let borderStyle = focused ? Theme.focusedBorder : Theme.border
        switch placement {
        case .beside:
            for y in rect.y..<rect.maxY { canvas.write("│", x: rect.x - 1, y: y, style: borderStyle) }
        case .below, .fullScreen, .hidden:
            break
        }
        let titleRow = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)

        guard let row = state.selectedRow, let id = state.selectedKey else {
            drawDetailTitle([Span(" detail ", Theme.strong)], position: "", row: titleRow, style: borderStyle, on: &canvas)
            canvas.write(" no image selected", x: content.x, y: content.y, limit: content.maxX, style: Theme.faint)
            return
        }
        let changed = Set(ImageField.allCases.filter {
            (state.highlights[HighlightKey(imageID: id, field: $0)] ?? .distantPast) > now
        })
        let lines = geometry.detailLines(of: row, usedBy: state.usage.details[id]?.answer, now: now, highlights: changed)
        let top = state.detailScroll
        for (offset, line) in lines.dropFirst(top).prefix(content.height).enumerated() {
            canvas.write(line, x: content.x, y: content.y + offset, limit: content.maxX)
        }
        var position = ""
        if lines.count > content.height {
            position = " \(top + 1)-\(min(top + content.height, lines.count))/\(lines.count) "
            if !focused { position = " Tab to scroll ·" + position }
        }
        // A fixed title: the ID is the first field, and a title that changed with every move would
        // cost bytes on each one.
        let title: StyledLine = [Span(" detail ", focused ? Theme.titleBarStrong : Theme.strong)]
        drawDetailTitle(title, position: position, row: titleRow, style: borderStyle, on: &canvas)
    }

    private func drawDetailTitle(_ title: StyledLine, position: String, row: Rect, style: CellStyle, on canvas: inout Canvas) {
        canvas.write(String(repeating: "─", count: row.width), x: row.x, y: row.y, limit: row.maxX, style: style)
        canvas.write(title, x: row.x + 1, y: row.y, limit: row.maxX)
        let positionWidth = DisplayWidth.of(position)
        if positionWidth > 0, positionWidth + 20 < row.width {
            canvas.write(position, x: row.maxX - positionWidth - 1, y: row.y, limit: row.maxX, style: Theme.faint)
        }
    }

    // MARK: Footer

    private func drawFooter(_ layout: Layout, on canvas: inout Canvas) {
        let y = layout.footerRow
        let width = canvas.width
        if let pending = state.pendingCommand {
            canvas.write(" " + pending.prompt, x: 0, y: y, limit: width, style: Theme.warning)
            return
        }
        if let prompt = state.viewNamePrompt {
            drawViewNamePrompt(prompt, y: y, width: width, on: &canvas)
            return
        }
        if state.filter.isEditing {
            drawFilterBar(y: y, width: width, on: &canvas)
            return
        }
        if let message = state.message, message.until > now {
            let style = message.kind == .warning ? Theme.warning : Theme.strong
            canvas.write(" " + message.text, x: 0, y: y, limit: width, style: style)
            return
        }
        if case .sortChooser = state.overlay {
            drawHints(state.options.keys.footerHints(in: .sortChooser).map { ($0.key, $0.text) }, y: y, limit: width, on: &canvas)
            return
        }
        if case .viewChooser = state.overlay {
            drawHints(state.options.keys.footerHints(in: .viewChooser).map { ($0.key, $0.text) }, y: y, limit: width, on: &canvas)
            return
        }
        if case .setup = state.overlay {
            drawHints(state.options.keys.footerHints(in: .setup).map { ($0.key, $0.text) }, y: y, limit: width, on: &canvas)
            return
        }
        if let overlay = state.overlay {
            let hints = state.options.keys.footerHints(in: .overlay).filter { hint in
                switch hint.binding.keys[0].action {
                case .copyID:
                    switch overlay {
                    case .rawJSON, .markedJSON: true
                    default: false
                    }
                case .refresh: if case .error = overlay { true } else { false }
                default: true
                }
            }
            drawHints(hints.map { ($0.key, $0.text) }, y: y, limit: width, on: &canvas)
            return
        }
        var position = ""
        if let index = state.selectedIndex {
            position = "\(TextFormat.grouped(index + 1))/\(TextFormat.grouped(state.listSlots.count)) "
        }
        let positionWidth = DisplayWidth.of(position)
        drawHints(hints, y: y, limit: width - positionWidth - 1, on: &canvas)
        // Plain, unlike the hints around it: the position changes with every move, and a styled run
        // costs two attribute changes on the wire each time.
        if positionWidth > 0, positionWidth < width {
            canvas.write(position, x: width - positionWidth, y: y, style: .plain)
        }
    }

    /// Key hints, as many as fit whole. Where not all fit, those before the last go first, from the
    /// end: the first (help) and the last (quit, close) are the last to go.
    private func drawHints(_ hints: [(String, String)], y: Int, limit: Int, on canvas: inout Canvas) {
        func itemWidth(_ hint: (String, String)) -> Int { DisplayWidth.of(hint.0) + 1 + DisplayWidth.of(hint.1) }
        var shown = hints
        var width = 1 + shown.reduce(0) { $0 + itemWidth($1) + 2 } - 2
        while shown.count > 2, width > limit {
            width -= itemWidth(shown.remove(at: shown.count - 2)) + 2
        }
        var x = 1
        for (key, action) in shown {
            let itemWidth = DisplayWidth.of(key) + 1 + DisplayWidth.of(action)
            guard x + itemWidth <= limit else { break }
            x = canvas.write(key, x: x, y: y, style: Theme.strong)
            x = canvas.write(" " + action, x: x, y: y, style: Theme.faint) + 2
        }
    }

    /// The panes' hints from the key map, worded for the state (detail or list, pause or resume), and
    /// Tab only when the detail pane has room; in `pick --multi`, Space marks beside Enter's "choose"; the
    /// user's commands before the last (the first to go when room is short).
    private var hints: [(String, String)] {
        var hints = builtInHints
        let commands = state.options.commands.map { (KeyBindings.footerName(of: $0.key), DisplayWidth.truncate($0.displayTitle, toWidth: 20)) }
        hints.insert(contentsOf: commands, at: max(0, hints.count - 1))
        return hints
    }

    private var builtInHints: [(String, String)] {
        var hints: [(String, String)] = state.options.keys.footerHints(in: .panes).compactMap { hint in
            switch hint.binding.keys[0].action {
            case .toggleFullScreen where state.options.picking: (hint.key, "choose")
            case .toggleFullScreen: (hint.key, state.detailFullScreen ? "list" : hint.text)
            case .togglePause: (hint.key, state.refresh.isPaused ? "resume" : hint.text)
            case .switchPane: geometry.layout.placement == .hidden ? nil : (hint.key, hint.text)
            default: (hint.key, hint.text)
            }
        }
        if state.options.picking, state.options.allowsMarks, let key = state.options.keys.keyName(for: .toggleMark),
           let choose = hints.firstIndex(where: { $0.1 == "choose" }) {
            hints.insert((key, "mark"), at: choose + 1)
        }
        return hints
    }

    private func drawFilterBar(y: Int, width: Int, on canvas: inout Canvas) {
        var end = drawLine(LineEdit(text: state.filter.text, caret: state.filter.caret), prompt: "/", y: y, width: width, on: &canvas)
        if let error = state.filter.applied.syntaxError {
            end = canvas.write("  ✗ ", x: end, y: y, limit: width, style: Theme.error)
            canvas.write(Sanitizer.forDisplay(error.description), x: end, y: y, limit: width, style: Theme.error)
        } else if let note = state.zoneNotOpenNote {
            end = canvas.write("  ✗ ", x: end, y: y, limit: width, style: Theme.error)
            canvas.write(Sanitizer.forDisplay(note), x: end, y: y, limit: width, style: Theme.error)
        } else if state.filter.text.isEmpty {
            canvas.write("  type to filter: word  status:available  os:ubuntu  !term  a|b  size>50", x: end, y: y, limit: width, style: Theme.faint)
        }
    }

    /// `V`'s question in the footer, the name typed so far, and what was wrong with the last one.
    private func drawViewNamePrompt(_ prompt: LineEdit, y: Int, width: Int, on canvas: inout Canvas) {
        let end = drawLine(prompt, prompt: "save the filter and sort as view: ", y: y, width: width, on: &canvas)
        if let message = state.message, message.until > now, message.kind == .warning {
            canvas.write("  ✗ " + message.text, x: end, y: y, limit: width, style: Theme.error)
        } else if prompt.text.isEmpty {
            canvas.write("name, then Enter (Esc: do not save)", x: end, y: y, limit: width, style: Theme.faint)
        }
    }

    /// A line being typed after `prompt`, scrolled sideways so that the caret stays on screen, the
    /// terminal's cursor on the caret; returns where the text ends.
    private func drawLine(_ line: LineEdit, prompt: String, y: Int, width: Int, on canvas: inout Canvas) -> Int {
        let characters = Array(Sanitizer.forDisplay(line.text))
        let caret = min(line.caret, characters.count)
        let promptWidth = DisplayWidth.of(prompt)
        let room = max(1, width - promptWidth - 1)
        // The first character shown is the earliest from which the text up to the caret takes less than
        // `room` cells (found walking back from the caret, so that a pasted 10,000-character filter costs
        // one pass, not one per character).
        var start = caret
        var caretOffset = 0
        while start > 0, caretOffset + DisplayWidth.of(characters[start - 1]) < room {
            start -= 1
            caretOffset += DisplayWidth.of(characters[start])
        }
        let shown = String(characters[start..<min(characters.count, caret + room)])
        canvas.write(prompt, x: 0, y: y, style: Theme.filterText)
        let end = canvas.write(shown, x: promptWidth, y: y, limit: width, style: .plain)
        canvas.setCursor(column: min(promptWidth + caretOffset, width - 1), row: y)
        return end
    }
}
