import QingCloud

/// What is under the mouse pointer: found from the same geometry the renderer draws with, so that a
/// click lands on what the user sees there whatever the terminal size, the columns shown or the pane
/// placement.
enum MouseTarget: Sendable, Hashable {
    /// A row of the list, counted from the first row on screen (0: the row below the column titles).
    case listRow(Int)
    /// A column's title (the title, and the gap after it).
    case columnTitle(ImageField)
    /// The detail pane, its title row included.
    case detail
    /// A zone's name and count on the header's second line (with several zones).
    case zone(String)
    /// A line of an overlay's text, counted from the first one shown.
    case overlayLine(Int)
    /// An overlay's frame or its margins, not a line of text.
    case overlayFrame
    /// Outside an open overlay.
    case outsideOverlay
    /// The header but a zone, the footer, the space between panes, or a terminal too small.
    case nothing
}

/// Where each zone sits on the header's counts line (``Renderer/zoneSpans``).
struct ZoneSpan: Sendable, Hashable {
    let zone: String
    let columns: Range<Int>
}

extension ViewGeometry {
    /// What is at `column`, `row` (0-based cells): an open overlay covers everything else.
    func target(column: Int, row: Int, overlay: Overlay?, zoneSpans: [ZoneSpan]) -> MouseTarget {
        guard !layout.isTooSmall, (0..<layout.size.width).contains(column), (0..<layout.size.height).contains(row) else {
            return .nothing
        }
        if let overlay {
            return overlayTarget(box(for: overlay).rect, column: column, row: row)
        }
        if row == 1, let span = zoneSpans.first(where: { $0.columns.contains(column) }) {
            return .zone(span.zone)
        }
        if let list = layout.list, list.contains(column: column, row: row) {
            guard row == list.y else { return .listRow(row - list.y - 1) }
            return titleTarget(column: column - list.x)
        }
        if let detail = layout.detail, detail.contains(column: column, row: row) {
            return .detail
        }
        return .nothing
    }

    /// The title whose cells (or the gap after them) hold `column`, counted from the list's left edge.
    private func titleTarget(column: Int) -> MouseTarget {
        guard let index = columns.lastIndex(where: { $0.x <= column }) else { return .nothing }
        let placed = columns[index]
        let end = index + 1 < columns.count ? columns[index + 1].x : placed.x + placed.width
        return column < end ? .columnTitle(placed.column) : .nothing
    }

    /// Inside the overlay's box: its text lines are between the frame's rows, two columns in from each side.
    private func overlayTarget(_ box: Rect, column: Int, row: Int) -> MouseTarget {
        guard box.contains(column: column, row: row) else { return .outsideOverlay }
        let text = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        return text.contains(column: column, row: row) ? .overlayLine(row - text.y) : .overlayFrame
    }
}

extension Rect {
    func contains(column: Int, row: Int) -> Bool {
        (x..<maxX).contains(column) && (y..<maxY).contains(row)
    }
}
