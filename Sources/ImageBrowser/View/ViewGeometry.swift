import Foundation
import QingCloud
import TerminalVocabulary

/// Where everything goes for the state's terminal size, computed in one place: the update function
/// scrolls and pages with it and the renderer draws into it, so the two can never disagree about how
/// many rows the list shows or how wide the detail pane's text is.
struct ViewGeometry {
    let layout: Layout
    /// The list's columns for its width; empty when the list is not shown.
    let columns: [ListPane.PlacedColumn]
    /// What F6 offers: the list's columns (those it shows when it comes back from full screen) first.
    let sortChoices: [SortChooser.Choice]
    /// Chosen columns this width leaves out (ZONE not counted with a single zone); with a chosen column
    /// set, the header says how many.
    let hiddenColumns: Int
    /// Image rows the list shows at once; with the detail full screen, those it shows when it comes back.
    let listRows: Int
    /// Where the detail pane's text goes: below its title row, one column in from each side.
    let detailText: Rect?
    /// The frame of the help, raw JSON and error overlays.
    let overlayBox: OverlayBox
    /// What `v` offers.
    let views: [BrowserView]
    /// Whether several zones are shown (ZONE is then shown when chosen).
    let isMultiZone: Bool

    init(size: TerminalSize, showsErrorLine: Bool, detailFullScreen: Bool, widestID: Int, zoneWidth: Int = 0,
         choice: ColumnChoice = .standard, views: [BrowserView] = []) {
        let idWidth = ListPane.idWidth(widestID: widestID)
        layout = Layout(size: size, showsErrorLine: showsErrorLine, detailFullScreen: detailFullScreen,
                        idWidth: idWidth, zoneWidth: zoneWidth, choice: choice)
        let listLayout = detailFullScreen
            ? Layout(size: size, showsErrorLine: showsErrorLine, detailFullScreen: false, idWidth: idWidth,
                     zoneWidth: zoneWidth, choice: choice)
            : layout
        let listColumns = listLayout.list.map {
            ListPane.columns(width: $0.width, widestID: widestID, zoneWidth: zoneWidth, nameLimit: listLayout.nameLimit,
                             choice: choice)
        } ?? []
        columns = layout.list == nil ? [] : listColumns
        let shown = listColumns.map(\.column)
        sortChoices = SortChooser.choices(shown: shown.filter(\.declaration.isInImage), chosen: choice.fields.filter(\.declaration.isInImage))
        hiddenColumns = listLayout.list == nil ? 0
            : choice.fields.filter { !shown.contains($0) && ($0 != .zone || zoneWidth > 0) }.count
        listRows = max(1, listLayout.listRowCount)
        detailText = layout.detail.map { Rect(x: $0.x + 1, y: $0.y + 1, width: max(1, $0.width - 2), height: $0.height - 1) }
        overlayBox = OverlayBox(size: size)
        isMultiZone = zoneWidth > 0
        self.views = views
    }

    /// Content lines the detail pane shows at once.
    var detailVisibleLines: Int { max(1, detailText?.height ?? 0) }

    /// The detail pane's lines for `row`, laid out at the pane's text width.
    func detailLines(of row: ImageRow, usedBy: InstanceUsage.Answer?, now: Date, highlights: Set<ImageField> = []) -> [StyledLine] {
        DetailContent(row: row, usedBy: usedBy, width: detailText?.width ?? layout.size.width, now: now,
                      highlights: highlights).lines
    }

    /// The lines of `overlay`, laid out at the overlay's text width (the help lists the user's `commands`; the
    /// setup screen shows `setup` and where leaving saves it). The choosers' and the setup screen's lines
    /// start where their cursor is in view.
    func overlayLines(of overlay: Overlay, catalog: ImageCatalog, options: BrowserOptions,
                      setup values: SetupScreen.Values) -> [StyledLine] {
        let box = box(for: overlay)
        var setup: SetupContent?
        if case .setup(let screen) = overlay {
            setup = SetupContent(screen: screen, values: values, shown: sortChoices.filter(\.isShown).map(\.column),
                                 isMultiZone: isMultiZone, settingsFile: options.settingsFile)
        }
        let lines = OverlayBox.lines(of: overlay, catalog: catalog, options: options, sortChoices: sortChoices,
                                     views: views, setup: setup, width: box.contentWidth)
        switch overlay {
        case .sortChooser(let cursor):
            return Array(lines.dropFirst(sortChooserTop(cursor: cursor)))
        case .viewChooser(let cursor):
            return Array(lines.dropFirst(max(0, cursor + 1 - box.contentHeight)))
        case .setup:
            let cursorLine = setup?.lines(width: box.contentWidth).cursorLine ?? 0
            return Array(lines.dropFirst(max(0, cursorLine + 1 - box.contentHeight)))
        default:
            return lines
        }
    }

    /// The first choice the sort chooser shows: the top one, or the one that keeps the cursor in view.
    func sortChooserTop(cursor: ImageField) -> Int {
        guard let index = sortChoices.firstIndex(where: { $0.column == cursor }) else { return 0 }
        return max(0, index + 1 - box(for: .sortChooser(cursor: cursor)).contentHeight)
    }

    /// The frame `overlay` is drawn in: the choosers' fit their lines, the others take the screen.
    func box(for overlay: Overlay) -> OverlayBox {
        switch overlay {
        case .sortChooser: SortChooser.box(size: layout.size, choices: sortChoices)
        case .viewChooser: ViewChooser.box(size: layout.size, views: views)
        default: overlayBox
        }
    }
}

extension BrowserState {
    /// The geometry for the terminal size last reported.
    var geometry: ViewGeometry {
        ViewGeometry(size: size, showsErrorLine: health.error != nil, detailFullScreen: detailFullScreen,
                     widestID: catalog.widestID, zoneWidth: options.zoneColumnWidth, choice: columns, views: views)
    }
}
