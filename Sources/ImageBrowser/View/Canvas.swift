import TerminalVocabulary

/// Draws text into a ``Frame`` by display width: wide characters take two cells, nothing is written
/// outside the frame or past a clip edge, and a wide character cut in half by later drawing leaves a
/// blank rather than half a glyph.
struct Canvas {
    private(set) var frame: Frame

    init(size: TerminalSize) {
        frame = Frame(size: size)
    }

    var width: Int { frame.size.width }
    var height: Int { frame.size.height }

    /// Blanks a rectangle in a style (a background, or reverse video for a bar).
    mutating func fill(_ rect: Rect, style: CellStyle) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { put(Cell(text: " ", style: style), x: x, y: y) }
        }
    }

    /// Writes text from column `x` on row `y`, stopping before column `limit`. Returns the column after it.
    @discardableResult
    mutating func write(_ text: String, x: Int, y: Int, limit: Int? = nil, style: CellStyle) -> Int {
        let limit = min(limit ?? width, width)
        guard y >= 0, y < height else { return x }
        var column = x
        for character in text {
            let glyph: Character = character == "\t" ? " " : character
            let glyphWidth = DisplayWidth.of(glyph)
            guard glyphWidth > 0 else { continue }
            if column + glyphWidth > limit {
                if glyphWidth == 2, column < limit, column >= 0 { put(Cell(text: " ", style: style), x: column, y: y) }
                return limit
            }
            if column >= 0 {
                put(Cell(text: String(glyph), width: glyphWidth, style: style), x: column, y: y)
                if glyphWidth == 2 { put(Cell(text: "", width: 0, style: style), x: column + 1, y: y) }
            }
            column += glyphWidth
        }
        return column
    }

    /// Writes spans one after another; returns the column after the last.
    @discardableResult
    mutating func write(_ line: StyledLine, x: Int, y: Int, limit: Int? = nil) -> Int {
        var column = x
        for span in line { column = write(span.text, x: column, y: y, limit: limit, style: span.style) }
        return column
    }

    /// Changes the style of cells already drawn (the selected row's reverse video).
    mutating func restyle(_ rect: Rect, _ change: (inout CellStyle) -> Void) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { change(&frame[x, y].style) }
        }
    }

    mutating func setCursor(column: Int, row: Int) {
        guard column >= 0, column < width, row >= 0, row < height else { return }
        frame.cursor = (column, row)
    }

    /// Sets one cell, blanking the other half of any wide character it overlaps.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let old = frame[x, y]
        if old.width == 0, cell.width != 0, x > 0, frame[x - 1, y].width == 2 {
            frame[x - 1, y] = Cell(text: " ", style: frame[x - 1, y].style)
        }
        if old.width == 2, x + 1 < width, frame[x + 1, y].width == 0 {
            frame[x + 1, y] = Cell(text: " ", style: frame[x + 1, y].style)
        }
        frame[x, y] = cell
    }
}
