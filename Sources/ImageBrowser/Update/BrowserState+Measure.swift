import Foundation

extension BrowserState {
    /// Lines of the selected image's detail at the pane's width: the measured count, or the lines laid
    /// out once when the selection, the catalogue or the width changed since.
    mutating func detailLineCount(now: Date) -> Int {
        guard let key = selectedKey, let row = selectedRow else { return 0 }
        let geometry = self.geometry
        let subject = MeasuredLines.Subject.detail(key: key, revision: catalog.revision, usage: usage.revision)
        let width = geometry.detailText?.width ?? size.width
        if let measure = detailMeasure, measure.subject == subject, measure.width == width { return measure.count }
        let count = geometry.detailLines(of: row, usedBy: usage.details[key]?.answer, now: now).count
        detailMeasure = MeasuredLines(subject: subject, width: width, count: count)
        return count
    }

    /// Lines of `overlay` at its box's width: the measured count, or the lines laid out (the raw JSON
    /// pretty-printed) once when the overlay, the catalogue or the width changed since.
    mutating func overlayLineCount(of overlay: Overlay) -> Int {
        let geometry = self.geometry
        let subject = MeasuredLines.Subject.overlay(overlay.scrolled(to: 0), revision: catalog.revision)
        let width = geometry.box(for: overlay).contentWidth
        if let measure = overlayMeasure, measure.subject == subject, measure.width == width { return measure.count }
        let count = geometry.overlayLines(of: overlay, catalog: catalog, options: options, setup: setupValues).count
        overlayMeasure = MeasuredLines(subject: subject, width: width, count: count)
        return count
    }

    /// Pulls the detail's and the overlay's scroll back within their lines after a resize or a refresh
    /// shortened them, so that the renderer draws from the positions as they are.
    mutating func keepScrollsInRange(now: Date) {
        if detailScroll > 0 {
            detailScroll = min(detailScroll, max(0, detailLineCount(now: now) - geometry.detailVisibleLines))
        }
        if let overlay, overlay.scroll > 0 {
            let last = max(0, overlayLineCount(of: overlay) - max(1, geometry.overlayBox.contentHeight))
            if overlay.scroll > last { self.overlay = overlay.scrolled(to: last) }
        }
    }
}
