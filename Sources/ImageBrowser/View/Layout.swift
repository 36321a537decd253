import TerminalVocabulary

/// A rectangle of cells on the screen.
struct Rect: Sendable, Hashable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var maxX: Int { x + width }
    var maxY: Int { y + height }
}

/// Where the header, the list, the detail pane and the footer go for a terminal size.
///
/// Part of ``ViewGeometry``, which the renderer and the update function share. Below ``minimumSize``
/// the screen only says that the terminal is too small.
struct Layout: Sendable, Hashable {
    /// Smaller than this, the panes cannot show anything useful: ID, a name and a status need 40
    /// columns; header, column titles, three rows and the footer need 8 lines.
    static let minimumSize = TerminalSize(width: 40, height: 8)
    /// From this body height on (and below ``sideBySideWidth(idWidth:zoneWidth:)``) the detail pane
    /// sits below the list.
    static let stackedBodyHeight = 15
    /// NAME's width when the detail pane moves beside the list. A full-width list stops NAME here (the
    /// spare cells widen the gaps), so that NAME does not shrink where the list loses the detail pane's
    /// width; beside the detail pane it grows again.
    static let nameWidthBeside = 31
    /// The detail pane's narrowest width beside the list; its share of a wider terminal is two fifths.
    static let narrowestDetailBeside = 44
    /// Beside the detail pane, the list grows until NAME is this wide; wider terminals give the rest to
    /// the detail pane, whose long fields (description, tags) use it better than blank name cells.
    static let widestUsefulName = 64

    /// From this width on the detail pane sits beside the list: where the list beside its narrowest
    /// detail pane gives NAME ``nameWidthBeside`` (125 columns with the usual 12-character IDs).
    static func sideBySideWidth(idWidth: Int, zoneWidth: Int, choice: ColumnChoice = .standard) -> Int {
        ListPane.width(nameWidth: nameWidthBeside, idWidth: idWidth, zoneWidth: zoneWidth, choice: choice) + 1 + narrowestDetailBeside
    }

    enum DetailPlacement: Sendable, Hashable {
        case beside, below, fullScreen, hidden
    }

    let size: TerminalSize
    let isTooSmall: Bool
    let headerHeight: Int
    /// The list pane including its column-title row.
    let list: Rect?
    /// The detail pane including its title row.
    let detail: Rect?
    let placement: DetailPlacement
    let footerRow: Int

    /// The widest NAME the list gives: ``nameWidthBeside`` unless the detail pane is beside the list.
    var nameLimit: Int { placement == .beside ? .max : Self.nameWidthBeside }

    /// Image rows the list shows at once.
    var listRowCount: Int { max(0, (list?.height ?? 0) - 1) }

    /// `idWidth` is the ID column's width (and `zoneWidth` the ZONE column's, 0 for none), which the
    /// list's share of a wide terminal allows for, with the columns of `choice`.
    init(size: TerminalSize, showsErrorLine: Bool, detailFullScreen: Bool, idWidth: Int = 12, zoneWidth: Int = 0,
         choice: ColumnChoice = .standard) {
        self.size = size
        isTooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        headerHeight = showsErrorLine ? 3 : 2
        footerRow = size.height - 1
        let bodyHeight = size.height - headerHeight - 1
        guard !isTooSmall, bodyHeight > 0 else {
            list = nil
            detail = nil
            placement = .hidden
            return
        }
        let body = Rect(x: 0, y: headerHeight, width: size.width, height: bodyHeight)
        if detailFullScreen {
            placement = .fullScreen
            list = nil
            detail = body
        } else if size.width >= Self.sideBySideWidth(idWidth: idWidth, zoneWidth: zoneWidth, choice: choice) {
            placement = .beside
            // Each bound grows with the width, so the list (and NAME) never narrows as the terminal grows.
            let narrowest = ListPane.width(nameWidth: Self.nameWidthBeside, idWidth: idWidth, zoneWidth: zoneWidth, choice: choice)
            let widest = ListPane.width(nameWidth: Self.widestUsefulName, idWidth: idWidth, zoneWidth: zoneWidth, choice: choice)
            let share = size.width - 1 - max(Self.narrowestDetailBeside, size.width * 2 / 5)
            let listWidth = min(widest, max(narrowest, share))
            let detailWidth = size.width - 1 - listWidth
            list = Rect(x: 0, y: body.y, width: listWidth, height: body.height)
            detail = Rect(x: listWidth + 1, y: body.y, width: detailWidth, height: body.height)
        } else if bodyHeight >= Self.stackedBodyHeight {
            placement = .below
            let detailHeight = max(6, bodyHeight * 2 / 5)
            list = Rect(x: 0, y: body.y, width: size.width, height: bodyHeight - detailHeight)
            detail = Rect(x: 0, y: body.y + bodyHeight - detailHeight, width: size.width, height: detailHeight)
        } else {
            placement = .hidden
            list = body
            detail = nil
        }
    }
}

