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
    /// Whether several zones are shown (ZONE is then shown when chosen).
    let isMultiZone: Bool

    init(size: TerminalSize, showsErrorLine: Bool, detailFullScreen: Bool, widestID: Int, zoneWidth: Int = 0,
         choice: ColumnChoice = .standard) {
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
        sortChoices = SortChooser.choices(shown: shown, chosen: choice.fields)
        hiddenColumns = listLayout.list == nil ? 0
            : choice.fields.filter { !shown.contains($0) && ($0 != .zone || zoneWidth > 0) }.count
        listRows = max(1, listLayout.listRowCount)
        detailText = layout.detail.map { Rect(x: $0.x + 1, y: $0.y + 1, width: max(1, $0.width - 2), height: $0.height - 1) }
        overlayBox = OverlayBox(size: size)
        isMultiZone = zoneWidth > 0
    }

    /// Content lines the detail pane shows at once.
    var detailVisibleLines: Int { max(1, detailText?.height ?? 0) }

    /// The detail pane's lines for `row`, laid out at the pane's text width.
    func detailLines(of row: ImageRow, now: Date, highlights: Set<ImageField> = []) -> [StyledLine] {
        DetailContent(row: row, width: detailText?.width ?? layout.size.width, now: now, highlights: highlights).lines
    }

    /// The lines of `overlay`, laid out at the overlay's text width (the setup screen's showing `setup`
    /// and where leaving saves it).
    /// The sort chooser's and the setup screen's lines start where the cursor is in view.
    func overlayLines(of overlay: Overlay, catalog: ImageCatalog, setup values: SetupScreen.Values,
                      settingsFile: String?) -> [StyledLine] {
        let box = box(for: overlay)
        var setup: SetupContent?
        if case .setup(let screen) = overlay {
            setup = SetupContent(screen: screen, values: values, shown: sortChoices.filter(\.isShown).map(\.column),
                                 isMultiZone: isMultiZone, settingsFile: settingsFile)
        }
        let lines = OverlayBox.lines(of: overlay, catalog: catalog, sortChoices: sortChoices, setup: setup, width: box.contentWidth)
        let cursorLine: Int
        switch overlay {
        case .sortChooser(let cursor):
            guard let index = sortChoices.firstIndex(where: { $0.column == cursor }) else { return lines }
            cursorLine = index
        case .setup:
            cursorLine = setup?.lines(width: box.contentWidth).cursorLine ?? 0
        default:
            return lines
        }
        return Array(lines.dropFirst(max(0, cursorLine + 1 - box.contentHeight)))
    }

    /// The frame `overlay` is drawn in: the sort chooser's fits its lines, the others take the screen.
    func box(for overlay: Overlay) -> OverlayBox {
        if case .sortChooser = overlay { return SortChooser.box(size: layout.size, choices: sortChoices) }
        return overlayBox
    }
}

extension BrowserState {
    /// The geometry for the terminal size last reported.
    var geometry: ViewGeometry {
        ViewGeometry(size: size, showsErrorLine: health.error != nil, detailFullScreen: detailFullScreen,
                     widestID: catalog.widestID, zoneWidth: options.zoneColumnWidth, choice: columns)
    }
}
