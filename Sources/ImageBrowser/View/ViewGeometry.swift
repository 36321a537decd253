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
    /// Image rows the list shows at once; with the detail full screen, those it shows when it comes back.
    let listRows: Int
    /// Where the detail pane's text goes: below its title row, one column in from each side.
    let detailText: Rect?
    /// The frame of the help, raw JSON and error overlays.
    let overlayBox: OverlayBox
    /// What `v` offers.
    let views: [BrowserView]

    init(size: TerminalSize, showsErrorLine: Bool, detailFullScreen: Bool, widestID: Int, zoneWidth: Int = 0,
         chosenColumns: [ImageField] = [], views: [BrowserView] = []) {
        let idWidth = ListPane.idWidth(widestID: widestID)
        layout = Layout(size: size, showsErrorLine: showsErrorLine, detailFullScreen: detailFullScreen,
                        idWidth: idWidth, zoneWidth: zoneWidth)
        let listLayout = detailFullScreen
            ? Layout(size: size, showsErrorLine: showsErrorLine, detailFullScreen: false, idWidth: idWidth, zoneWidth: zoneWidth)
            : layout
        let listColumns = listLayout.list.map {
            ListPane.columns(width: $0.width, widestID: widestID, zoneWidth: zoneWidth, nameLimit: listLayout.nameLimit,
                             chosen: chosenColumns)
        } ?? []
        columns = layout.list == nil ? [] : listColumns
        sortChoices = SortChooser.choices(shown: listColumns.map(\.column).filter(\.declaration.isInImage))
        listRows = max(1, listLayout.listRowCount)
        detailText = layout.detail.map { Rect(x: $0.x + 1, y: $0.y + 1, width: max(1, $0.width - 2), height: $0.height - 1) }
        overlayBox = OverlayBox(size: size)
        self.views = views
    }

    /// Content lines the detail pane shows at once.
    var detailVisibleLines: Int { max(1, detailText?.height ?? 0) }

    /// The detail pane's lines for `row`, laid out at the pane's text width.
    func detailLines(of row: ImageRow, usedBy: InstanceUsage.Answer?, now: Date, highlights: Set<ImageField> = []) -> [StyledLine] {
        DetailContent(row: row, usedBy: usedBy, width: detailText?.width ?? layout.size.width, now: now,
                      highlights: highlights).lines
    }

    /// The lines of `overlay`, laid out at the overlay's text width (the help lists the user's `commands`).
    /// The choosers' lines start where their cursor is in view.
    func overlayLines(of overlay: Overlay, catalog: ImageCatalog, options: BrowserOptions) -> [StyledLine] {
        let box = box(for: overlay)
        let lines = OverlayBox.lines(of: overlay, catalog: catalog, options: options, sortChoices: sortChoices,
                                     views: views, width: box.contentWidth)
        switch overlay {
        case .sortChooser(let cursor):
            return Array(lines.dropFirst(sortChooserTop(cursor: cursor)))
        case .viewChooser(let cursor):
            return Array(lines.dropFirst(max(0, cursor + 1 - box.contentHeight)))
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
        case .sortChooser: SortChooser.box(size: layout.size, count: sortChoices.count)
        case .viewChooser: ViewChooser.box(size: layout.size, views: views)
        default: overlayBox
        }
    }
}

extension BrowserState {
    /// The geometry for the terminal size last reported.
    var geometry: ViewGeometry {
        ViewGeometry(size: size, showsErrorLine: health.error != nil, detailFullScreen: detailFullScreen,
                     widestID: catalog.widestID, zoneWidth: options.zoneColumnWidth,
                     chosenColumns: options.showsInstanceCount ? [.instances] : [], views: views)
    }
}
