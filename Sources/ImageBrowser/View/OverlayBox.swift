import Foundation
import QingCloud
import TerminalVocabulary

/// The framed box that the help, raw JSON and error overlays are drawn in, and what goes in it.
struct OverlayBox {
    let rect: Rect

    /// Wider than this, the box is centred over the dimmed screen; narrower, it takes the whole width.
    static let maximumWidth = 100

    init(size: TerminalSize) {
        let width = size.width >= Self.maximumWidth + 4 ? Self.maximumWidth : max(0, size.width)
        rect = Rect(x: (size.width - width) / 2, y: 1, width: width, height: max(0, size.height - 2))
    }

    /// Lines of content inside the frame.
    var contentHeight: Int { max(0, rect.height - 2) }
    var contentWidth: Int { max(0, rect.width - 4) }

    /// The content of an overlay.
    static func lines(of overlay: Overlay, catalog: ImageCatalog, width: Int) -> [StyledLine] {
        switch overlay {
        case .help:
            return HelpContent.lines(width: width)
        case .rawJSON(let id, _):
            guard let image = catalog.image(withID: id) else {
                return [[Span("image \(Sanitizer.forDisplay(id)) is gone", Theme.warning)]]
            }
            return RawJSON.lines(of: image.raw).flatMap { line -> [StyledLine] in
                let indent = line.prefix { $0 == " " }
                let pieces = TextFormat.wrap(String(line), width: max(1, width))
                return pieces.enumerated().map { index, piece in
                    index == 0 ? RawJSON.highlighted(piece) : [Span(String(indent) + "  "), Span(piece)]
                }
            }
        case .error(let error, _):
            return ErrorNotice(error: error).overlayLines(width: width)
        }
    }

    func title(of overlay: Overlay, catalog: ImageCatalog) -> String {
        switch overlay {
        case .help: " keys "
        case .rawJSON(let id, _): " raw JSON · \(Sanitizer.forDisplay(id)) "
        case .error: " the last error "
        }
    }

    /// Draws the frame, `title` on it and `lines` inside, scrolled to the overlay's position.
    func draw(_ overlay: Overlay, title: String, lines content: [StyledLine], on canvas: inout Canvas) {
        guard rect.width >= 6, rect.height >= 3 else { return }
        canvas.restyle(Rect(x: 0, y: rect.y, width: canvas.width, height: rect.height)) { style in
            style = CellStyle(dim: true)
        }
        canvas.fill(rect, style: .plain)
        let border = Theme.focusedBorder
        let horizontal = String(repeating: "─", count: rect.width - 2)
        canvas.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, limit: rect.maxX, style: border)
        canvas.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, limit: rect.maxX, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.write("│", x: rect.x, y: y, style: border)
            canvas.write("│", x: rect.maxX - 1, y: y, style: border)
        }
        canvas.write(title, x: rect.x + 2, y: rect.y, limit: rect.maxX - 2, style: Theme.strong)

        let last = max(0, content.count - contentHeight)
        let top = min(overlay.scroll, last)
        for (offset, line) in content.dropFirst(top).prefix(contentHeight).enumerated() {
            canvas.write(line, x: rect.x + 2, y: rect.y + 1 + offset, limit: rect.maxX - 2)
        }
        if content.count > contentHeight {
            let position = " \(top + 1)-\(min(top + contentHeight, content.count))/\(content.count) "
            let x = rect.maxX - 2 - DisplayWidth.of(position)
            canvas.write(position, x: max(rect.x + 1, x), y: rect.maxY - 1, limit: rect.maxX - 1, style: Theme.faint)
        }
    }

    /// The footer's key hints while an overlay is open.
    static func hints(for overlay: Overlay) -> [(String, String)] {
        switch overlay {
        case .help: [("Esc", "close"), ("↑↓ PgUp PgDn g G", "scroll")]
        case .rawJSON: [("Esc", "close"), ("↑↓ PgUp PgDn g G", "scroll"), ("c", "copy id")]
        case .error: [("Esc", "close"), ("↑↓ PgUp PgDn g G", "scroll"), ("r", "try now")]
        }
    }
}

/// Every key, for the `?` overlay.
enum HelpContent {
    static let sections: [(title: String, keys: [(key: String, action: String)])] = [
        ("Move", [
            ("↑ ↓  k j", "previous / next image (or scroll the detail pane when it has focus)"),
            ("PgUp PgDn  Ctrl-B Ctrl-F", "a page up / down"),
            ("Home End  g G", "first / last image (End loads the last page when needed)"),
            ("Tab", "switch focus between the list and the detail pane"),
            ("Enter", "detail pane full screen / back"),
        ]),
        ("Filter", [
            ("/", "open the filter bar: the list filters as you type"),
            ("Enter", "close the bar and keep the filter"),
            ("Esc", "clear the filter (outside the bar: close overlays, leave full screen, clear)"),
            ("Ctrl-U  Ctrl-W", "clear the filter text / delete the last word"),
            ("word", "id, name, description, os, status or tag name contains it (any case)"),
            ("field:value", "status os arch visibility provider owner tag name id"),
            ("!term  a|b", "not term / a or b"),
            ("size>50  size<=1T", "size in GB, or with a unit: 50G, 1T"),
            ("\"two words\"", "a phrase"),
        ]),
        ("Data", [
            ("s / S", "sort by the next column / reverse the order"),
            ("r", "refresh now"),
            ("p", "pause / resume live refresh"),
            ("c", "copy the selected image ID to the clipboard"),
            ("y", "raw JSON of the selected image"),
            ("!", "the last error in full (also Enter when no image is loaded)"),
        ]),
        ("Other", [
            ("?  F1", "this help"),
            ("q  Ctrl-C", "quit"),
        ]),
    ]

    /// The help at a width: keys in a column, their meaning wrapped beside them.
    static func lines(width: Int) -> [StyledLine] {
        let keyWidth = sections.flatMap(\.keys).map { DisplayWidth.of($0.key) }.max() ?? 0
        let indent = String(repeating: " ", count: keyWidth + 4)
        var lines: [StyledLine] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append([]) }
            lines.append([Span(section.title, Theme.label)])
            for entry in section.keys {
                let action = TextFormat.wrap(entry.action, width: max(10, width - keyWidth - 4))
                lines.append([Span("  " + DisplayWidth.fit(entry.key, width: keyWidth) + "  ", Theme.strong),
                              Span(action.first ?? "")])
                lines += action.dropFirst().map { [Span(indent + $0)] }
            }
        }
        return lines
    }
}
