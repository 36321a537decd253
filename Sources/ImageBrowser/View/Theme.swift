import QingCloud
import TerminalVocabulary

/// The styles of the screen in one place. Colours are the eight ANSI ones (the tag swatches alone use
/// the 256-colour palette), and every meaning also has bold, dim or reverse so that it survives NO_COLOR.
enum Theme {
    static let titleBar = CellStyle(reverse: true)
    static let titleBarStrong = CellStyle(bold: true, reverse: true)
    static let demoBadge = CellStyle(foreground: .black, background: .yellow, bold: true)
    static let pausedBadge = CellStyle(foreground: .black, background: .yellow, bold: true)
    static let columnTitle = CellStyle(bold: true)
    static let sortedColumnTitle = CellStyle(foreground: .cyan, bold: true)
    static let label = CellStyle(foreground: .cyan)
    static let faint = CellStyle(dim: true)
    static let strong = CellStyle(bold: true)
    static let error = CellStyle(foreground: .red, bold: true)
    static let warning = CellStyle(foreground: .yellow, bold: true)
    static let filterText = CellStyle(foreground: .cyan, bold: true)
    /// A cell whose value changed in the last refresh.
    static let changed = CellStyle(foreground: .black, background: .yellow, bold: true, underline: true)
    /// The selected list row, edge to edge; bold while the list has the focus.
    static func selectionBar(focused: Bool) -> CellStyle { CellStyle(bold: focused, reverse: true) }
    static let activity = CellStyle(foreground: .yellow, bold: true)
    /// A marked row's sign in the list's gutter.
    static let mark = CellStyle(foreground: .yellow, bold: true)
    static let border = CellStyle(foreground: .blue)
    static let focusedBorder = CellStyle(foreground: .cyan, bold: true)

    static func status(_ status: ImageStatus) -> CellStyle {
        switch status {
        case .available: CellStyle(foreground: .green)
        case .pending: CellStyle(foreground: .cyan, bold: true)
        case .deprecated: CellStyle(foreground: .yellow)
        case .suspended: CellStyle(foreground: .magenta, bold: true)
        case .deleted: CellStyle(foreground: .red, bold: true)
        case .ceased: CellStyle(foreground: .red, dim: true)
        case .other: CellStyle(bold: true)
        }
    }
}
