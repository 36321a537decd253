import TerminalVocabulary

/// The `v` chooser: every view of the settings file (and those saved since), its name, filter and sort,
/// a cursor on one; Enter opens it.
enum ViewChooser {
    static let emptyNote = "no views yet: V saves the filter and sort as one"
    /// The widest the chooser's text gets; a long filter is cut.
    static let maximumContentWidth = 90
    static let nameWidth = 16

    /// The chooser's lines: the cursor's as the selection bar.
    static func lines(of views: [BrowserView], cursor: Int, width: Int) -> [StyledLine] {
        guard !views.isEmpty else { return [[Span(emptyNote, Theme.faint)]] }
        return views.enumerated().map { index, view in
            let name = DisplayWidth.fit(Sanitizer.forDisplay(view.name), width: nameWidth) + " "
            let details = self.details(of: view)
            let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(name) - DisplayWidth.of(details)))
            if index == cursor {
                return [Span(DisplayWidth.truncate(name + details, toWidth: width) + padding, Theme.selectionBar(focused: true))]
            }
            return [Span(name, Theme.strong), Span(details + padding, Theme.faint)]
        }
    }

    /// A view's filter, sort and zones in a line: `os:ubuntu tag:prod · sort created ▼ · zones all`.
    static func details(of view: BrowserView) -> String {
        var parts = [view.filter.isEmpty ? "(no filter)" : Sanitizer.forDisplay(view.filter)]
        if let sort = view.sort { parts.append("sort \(sort.field.sortName) \(sort.descending ? "▼" : "▲")") }
        if let zones = view.zones { parts.append("zones " + Sanitizer.forDisplay(zones)) }
        return parts.joined(separator: " · ")
    }

    /// A box for the views' lines, as wide as the widest (within bounds), centred below the header.
    static func box(size: TerminalSize, views: [BrowserView]) -> OverlayBox {
        let widest = views.map { nameWidth + 1 + DisplayWidth.of(details(of: $0)) }.max() ?? DisplayWidth.of(emptyNote)
        let width = min(maximumContentWidth, max(widest, DisplayWidth.of(emptyNote)))
        return OverlayBox(size: size, contentWidth: width, contentHeight: max(1, views.count))
    }
}
