/// The size of the terminal in cells.
public struct TerminalSize: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A colour as the renderer asks for it; the terminal maps it to what it can show.
///
/// The eight ANSI colours work everywhere; `palette(n)` needs a 256-colour terminal and the terminal
/// layer falls back to the nearest ANSI colour (or none, under NO_COLOR) when it is not.
public enum TerminalColor: Sendable, Hashable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    /// An xterm 256-colour palette index.
    case palette(UInt8)
}

/// How a cell is drawn. Attributes survive NO_COLOR so that the selection stays visible.
///
/// The colours and attributes are the look; `role`, when set, is what the cell means, so that a theme
/// can give that meaning another look (see `Palette` in ImageBrowser). The terminal draws the look only.
public struct CellStyle: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool
    public var role: StyleRole?

    public init(
        foreground: TerminalColor = .default,
        background: TerminalColor = .default,
        bold: Bool = false,
        dim: Bool = false,
        reverse: Bool = false,
        underline: Bool = false,
        role: StyleRole? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.role = role
    }

    public static let plain = CellStyle()
}

/// One screen cell. A character two cells wide sits in the first cell with `width == 2`; the cell after
/// it holds an empty `text` and `width == 0` so that every row has exactly `Frame.size.width` cells.
public struct Cell: Sendable, Hashable {
    /// One grapheme, already sanitised (never a control character), or "" for a wide character's tail.
    public var text: String
    public var width: Int
    public var style: CellStyle

    public init(text: String, width: Int = 1, style: CellStyle = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ")
}

/// A full screen of cells: what the pure renderer produces and the terminal layer draws.
///
/// Frames are values so that the renderer can be tested without a terminal (golden frames) and the
/// terminal layer can compare a frame with the previous one and send only the rows that changed.
public struct Frame: Sendable, Hashable {
    public let size: TerminalSize
    /// Row-major, `size.width * size.height` cells.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (the filter bar's caret), or nil to hide it.
    public var cursor: (column: Int, row: Int)? {
        get { cursorPosition.map { ($0.column, $0.row) } }
        set { cursorPosition = newValue.map { CursorPosition(column: $0.column, row: $0.row) } }
    }
    private var cursorPosition: CursorPosition?

    private struct CursorPosition: Sendable, Hashable {
        var column: Int
        var row: Int
    }

    public init(size: TerminalSize) {
        let width = max(0, size.width), height = max(0, size.height)
        self.size = TerminalSize(width: width, height: height)
        self.cells = Array(repeating: .blank, count: width * height)
    }

    public subscript(column: Int, row: Int) -> Cell {
        get { cells[row * size.width + column] }
        set { cells[row * size.width + column] = newValue }
    }

    /// The cells of one row.
    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[(row * size.width)..<((row + 1) * size.width)]
    }

    /// The row as plain text (wide-character tails skipped), for golden files and tests.
    public func text(ofRow row: Int) -> String {
        self.row(row).map(\.text).joined()
    }

    /// Gives every cell a new style (a theme's look for each meaning).
    public mutating func restyle(_ change: (CellStyle) -> CellStyle) {
        for index in cells.indices { cells[index].style = change(cells[index].style) }
    }

    /// The whole frame as text, one line per row.
    public var text: String {
        (0..<size.height).map { text(ofRow: $0) }.joined(separator: "\n")
    }
}
