import Foundation
import JSONEngine
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

    /// A box that fits `contentWidth` by `contentHeight` cells of content (or the screen), centred
    /// just below the header.
    init(size: TerminalSize, contentWidth: Int, contentHeight: Int) {
        let width = min(max(0, size.width), contentWidth + 4)
        let height = min(max(0, size.height - 3), contentHeight + 2)
        rect = Rect(x: (size.width - width) / 2, y: 2, width: width, height: height)
    }

    /// Lines of content inside the frame.
    var contentHeight: Int { max(0, rect.height - 2) }
    var contentWidth: Int { max(0, rect.width - 4) }

    /// The content of an overlay.
    static func lines(of overlay: Overlay, catalog: ImageCatalog, options: BrowserOptions,
                      sortChoices: [SortChooser.Choice], views: [BrowserView] = [], setup: SetupContent? = nil,
                      width: Int) -> [StyledLine] {
        switch overlay {
        case .help:
            return HelpContent.lines(width: width, options: options)
        case .rawJSON(let id, _):
            guard let image = catalog.image(forKey: id) else {
                return [[Span("image \(Sanitizer.forDisplay(id)) is gone", Theme.warning)]]
            }
            return jsonLines(image.raw, width: width)
        case .markedJSON(let keys, _):
            return jsonLines(.array(keys.compactMap { catalog.image(forKey: $0)?.raw }), width: width)
        case .error(let error, _):
            return ErrorNotice(error: error).overlayLines(width: width)
        case .sortChooser(let cursor):
            return SortChooser.lines(of: sortChoices, cursor: cursor, order: catalog.order, width: width)
        case .viewChooser(let cursor):
            return ViewChooser.lines(of: views, cursor: cursor, width: width)
        case .setup:
            return setup?.lines(width: width).lines ?? []
        }
    }

    /// A JSON value pretty-printed, its lines wrapped at `width` (a wrapped line's rest indented).
    private static func jsonLines(_ value: JSONValue, width: Int) -> [StyledLine] {
        RawJSON.lines(of: value).flatMap { line -> [StyledLine] in
            let indent = line.prefix { $0 == " " }
            let pieces = TextFormat.wrap(String(line), width: max(1, width))
            return pieces.enumerated().map { index, piece in
                index == 0 ? RawJSON.highlighted(piece) : [Span(String(indent) + "  "), Span(piece)]
            }
        }
    }

    func title(of overlay: Overlay, catalog: ImageCatalog) -> String {
        switch overlay {
        case .help: " keys "
        case .rawJSON(let id, _): " raw JSON · \(Sanitizer.forDisplay(id)) "
        case .markedJSON(let keys, _): " raw JSON · \(keys.count) marked \(keys.count == 1 ? "image" : "images") "
        case .error: " the last error "
        case .sortChooser: " sort by "
        case .viewChooser: " views "
        case .setup: " setup "
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

        let top = overlay.scroll
        for (offset, line) in content.dropFirst(top).prefix(contentHeight).enumerated() {
            canvas.write(line, x: rect.x + 2, y: rect.y + 1 + offset, limit: rect.maxX - 2)
        }
        if content.count > contentHeight {
            let position = " \(top + 1)-\(min(top + contentHeight, content.count))/\(content.count) "
            let x = rect.maxX - 2 - DisplayWidth.of(position)
            canvas.write(position, x: max(rect.x + 1, x), y: rect.maxY - 1, limit: rect.maxX - 1, style: Theme.faint)
        }
    }
}
