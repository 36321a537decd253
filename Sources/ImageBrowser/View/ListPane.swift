import Foundation
import QingCloud
import TerminalVocabulary

/// The list of images: one row per image, columns chosen to fit the width.
struct ListPane {
    struct PlacedColumn {
        var column: ImageField
        var x: Int
        var width: Int
    }

    /// The list's left margin, the gutter where a marked row shows ``markGlyph``.
    static let margin = 1
    /// A marked row's sign in the gutter: ASCII (as mc's), one cell wide in every terminal, CJK ones included.
    static let markGlyph = "*"
    static let gap = 1

    /// IDs are 12 characters (`img-` and 8); wider ones (from private clouds) are cut beyond this.
    static let idWidthRange = 10...20

    /// The ID column's width for the widest ID loaded.
    static func idWidth(widestID: Int) -> Int {
        min(max(widestID, idWidthRange.lowerBound), idWidthRange.upperBound)
    }

    /// The narrowest list in which NAME is `nameWidth` wide (IDs `idWidth` wide; a ZONE column when
    /// `zoneWidth` is not 0 and ZONE is chosen), with the columns of `choice` that list shows.
    static func width(nameWidth: Int, idWidth: Int = 12, zoneWidth: Int = 0, choice: ColumnChoice = .standard) -> Int {
        let shown = choice.returning.prefix { $0.nameWidthToReturn < nameWidth }
        return requiredWidth(idWidth: idWidth, zoneWidth: zoneWidth, choice: choice) + nameWidth
            + shown.reduce(0) { $0 + $1.width(idWidth: idWidth, zoneWidth: zoneWidth) + gap }
    }

    /// The margin and the chosen columns never dropped but NAME, with their gaps.
    private static func requiredWidth(idWidth: Int, zoneWidth: Int, choice: ColumnChoice) -> Int {
        margin + choice.alwaysShown.reduce(0) { $0 + $1.width(idWidth: idWidth, zoneWidth: zoneWidth) + gap }
            + (zoneWidth > 0 && choice.showsZone ? zoneWidth + gap : 0)
    }

    /// The columns of `choice` that fit `width`, placed left to right in the chosen order; ZONE when
    /// `zoneWidth` is not 0.
    ///
    /// NAME never gets narrower as the width grows: a dropped column comes back only once NAME keeps
    /// its ``ImageField/nameWidthToReturn`` beside it, and until then NAME stops growing and the spare
    /// cells widen the gaps between columns (no blank tail). NAME stops at `nameLimit` too, the rest
    /// going to the gaps.
    static func columns(width: Int, widestID: Int = 12, zoneWidth: Int = 0, nameLimit: Int = .max,
                        choice: ColumnChoice = .standard) -> [PlacedColumn] {
        let idWidth = idWidth(widestID: widestID)
        let returning = choice.returning
        var fixed = requiredWidth(idWidth: idWidth, zoneWidth: zoneWidth, choice: choice)
        var optional: [ImageField] = []
        for column in returning {
            let added = column.width(idWidth: idWidth, zoneWidth: zoneWidth) + gap
            guard width - fixed - added >= min(column.nameWidthToReturn, nameLimit) else { break }
            fixed += added
            optional.append(column)
        }
        let nextReturn = returning.dropFirst(optional.count).first?.nameWidthToReturn ?? .max
        let nameWidth = max(1, min(width - fixed, nameLimit, nextReturn))
        let spare = max(0, width - fixed - nameWidth)
        let shown = choice.fields.filter {
            $0.dropping == nil ? ($0 != .zone || zoneWidth > 0) : optional.contains($0)
        }
        let gaps = max(1, shown.count - 1)
        var placed: [PlacedColumn] = []
        var x = margin
        for (index, column) in shown.enumerated() {
            let columnWidth = column == .name ? nameWidth : column.width(idWidth: idWidth, zoneWidth: zoneWidth)
            placed.append(PlacedColumn(column: column, x: x, width: columnWidth))
            x += columnWidth + gap + spare / gaps + (index < spare % gaps ? 1 : 0)
        }
        return placed
    }

    let state: BrowserState
    let rect: Rect
    let columns: [PlacedColumn]
    let now: Date

    func draw(on canvas: inout Canvas) {
        drawTitles(columns, on: &canvas)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        if state.listSlots.isEmpty {
            drawEmptyMessage(on: &canvas)
            return
        }
        let selected = state.selectedIndex
        let top = state.scrollTop
        for line in 0..<rows {
            let index = top + line
            guard index < state.listSlots.count else { break }
            let y = rect.y + 1 + line
            let slot = state.listSlots[index]
            let key = state.catalog.key(at: slot)
            drawRow(state.catalog.row(at: slot), imageID: key, columns, y: y, on: &canvas)
            if state.marks.contains(key) { canvas.write(Self.markGlyph, x: rect.x, y: y, limit: rect.maxX, style: Theme.mark) }
            if index == selected { drawSelectionBar(y: y, on: &canvas) }
        }
    }

    /// The selected row as one bar across the list's whole width (as htop, k9s and mc do), in reverse
    /// video, bold while the list has the focus.
    ///
    /// The bar is one style from edge to edge, so moving the selection resends the two rows' text with a
    /// single attribute change each (see the terminal benchmark). A cell whose value just changed keeps
    /// its own black-on-yellow highlight, which stays readable on the bar.
    private func drawSelectionBar(y: Int, on canvas: inout Canvas) {
        let bar = Theme.selectionBar(focused: state.focus == .list)
        canvas.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1)) { style in
            if style != Theme.changed { style = bar }
        }
    }

    private func drawTitles(_ columns: [PlacedColumn], on canvas: inout Canvas) {
        let order = state.catalog.order
        for placed in columns {
            let sorted = placed.column == order.column
            var title = placed.column.title
            if sorted { title += order.descending ? "▼" : "▲" }
            let text = DisplayWidth.fit(title, width: placed.width, alignRight: placed.column.alignsRight)
            canvas.write(text, x: rect.x + placed.x, y: rect.y, limit: rect.maxX,
                         style: sorted ? Theme.sortedColumnTitle : Theme.columnTitle)
        }
    }

    private func drawEmptyMessage(on canvas: inout Canvas) {
        let text: String
        let style: CellStyle
        if !state.filter.applied.isEmpty, state.catalog.count > 0 {
            text = state.isServerSearchPending
                ? "no loaded image matches; asking the server…"
                : "no image matches the filter" + (state.options.keys.keyName(for: .back).map { " (\($0) clears it)" } ?? "")
            style = Theme.warning
        } else if state.totalCount == 0 {
            text = state.options.isMultiZone
                ? "no images in zones \(Sanitizer.forDisplay(state.options.zones.joined(separator: ", ")))"
                : "no images in zone \(Sanitizer.forDisplay(state.options.zones[0]))"
            style = Theme.faint
        } else if let error = state.health.error {
            let lines = ErrorNotice(error: error).bodyLines(
                width: rect.width - 2 * Self.margin, retryStatus: ErrorNotice.retryStatus(of: state, now: now))
            for (offset, line) in lines.prefix(rect.height - 1).enumerated() {
                canvas.write(line, x: rect.x + Self.margin, y: rect.y + 1 + offset, limit: rect.maxX - Self.margin)
            }
            return
        } else {
            text = "loading images…"
            style = Theme.faint
        }
        canvas.write(text, x: rect.x + Self.margin, y: rect.y + 1, limit: rect.maxX, style: style)
    }

    private func drawRow(_ row: ImageRow, imageID: String, _ columns: [PlacedColumn], y: Int, on canvas: inout Canvas) {
        for placed in columns {
            var (text, style) = placed.column == .instances ? instanceCount(key: imageID) : cell(placed.column, of: row)
            let changed = placed.column.highlightedBy.contains(where: { isChanged(imageID, $0) })
            if changed { style = Theme.changed }
            let x = rect.x + placed.x
            if placed.column == .status, row.transition != nil {
                let end = canvas.write(DisplayWidth.truncate(text, toWidth: placed.width - 2), x: x, y: y,
                                       limit: rect.maxX, style: style)
                let markEnd = canvas.write(" ⟳", x: end, y: y, limit: rect.maxX, style: changed ? style : Theme.activity)
                canvas.write(String(repeating: " ", count: max(0, x + placed.width - markEnd)), x: markEnd, y: y,
                             limit: rect.maxX, style: style)
            } else {
                let fitted = DisplayWidth.fit(text, width: placed.width, alignRight: placed.column.alignsRight)
                canvas.write(fitted, x: x, y: y, limit: rect.maxX, style: style)
            }
        }
    }

    private func isChanged(_ imageID: String, _ field: ImageField) -> Bool {
        (state.highlights[HighlightKey(imageID: imageID, field: field)] ?? .distantPast) > now
    }

    /// The INSTANCES cell: the count, `…` until it is known, `?` when DescribeInstances failed.
    private func instanceCount(key: String) -> (String, CellStyle) {
        guard let entry = state.usage.counts[key] else { return ("…", Theme.faint) }
        return entry.count.map { (String($0), $0 == 0 ? Theme.faint : .plain) } ?? ("?", Theme.warning)
    }

    private func cell(_ column: ImageField, of row: ImageRow) -> (String, CellStyle) {
        switch column {
        case .status: (row[.status], Theme.status(row.statusKind))
        case .size: ("\(row.sizeGB)G", .plain)
        case .createTime: (row.createTime.map { TextFormat.age(now.timeIntervalSince($0)) } ?? "—", .plain)
        case .statusTime: (row.statusTime.map { TextFormat.age(now.timeIntervalSince($0)) } ?? "—", .plain)
        case .description: (row.descriptionLines.first ?? "", Theme.faint)
        case .tags: (row.tags.map(\.name).joined(separator: ", "), .plain)
        default:
            (column.column.alsoShows.reduce(row[column]) { $0 + "/" + row[$1] }, column.column.isFaint ? Theme.faint : .plain)
        }
    }
}

/// How the columns show in the list (``ImageField/Column``).
extension ImageField {
    /// The field's column; only for one of ``ImageField/columns``.
    var column: Column { declaration.column! }

    /// The column's title in the list.
    var title: String { column.title }

    /// The width when shown; the ID column fits the widest ID loaded, the ZONE column the widest zone
    /// shown, the name takes what is left (0 here).
    func width(idWidth: Int, zoneWidth: Int) -> Int {
        switch column.width {
        case .cells(let cells): cells
        case .ids: idWidth
        case .zones: zoneWidth
        case .rest: 0
        }
    }

    var alignsRight: Bool { column.alignsRight }

    /// The NAME width the column leaves before it comes back as the list widens: each comes back only
    /// once NAME keeps at least this beside it, so that NAME never shrinks when the terminal grows.
    var nameWidthToReturn: Int { column.dropping?.nameWidth ?? 0 }

    /// When a narrow list leaves the column out; nil for a column never dropped.
    var dropping: Column.Dropping? { column.dropping }

    /// Dropped first on narrow terminals (higher numbers first), back last as the list widens; 0 for
    /// columns always shown and those shown only when chosen (see ``ColumnChoice/returning``).
    var dropPriority: Int { column.dropping?.order ?? 0 }

    /// The fields whose change highlights this column's cell.
    var highlightedBy: [ImageField] { Self.highlights[rawValue] }

    private static let highlights = allCases.map { field in
        field.declaration.column.map { [field] + $0.alsoShows + $0.alsoHighlights } ?? []
    }
}
