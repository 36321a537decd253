import QingCloud
import TerminalVocabulary

/// The styles of the screen in one place, each with its meaning (``StyleRole``). The looks written here
/// are the dark theme's, today's; ``Palette`` gives the other themes their own look for each meaning.
/// Colours are the eight ANSI ones (the tag swatches alone use the 256-colour palette), and every
/// meaning also has bold, dim or reverse so that it survives NO_COLOR.
enum Theme {
    static let titleBar = CellStyle(reverse: true, role: .titleBar)
    static let titleBarStrong = CellStyle(bold: true, reverse: true, role: .titleBarStrong)
    static let demoBadge = CellStyle(foreground: .black, background: .yellow, bold: true, role: .badge)
    static let pausedBadge = CellStyle(foreground: .black, background: .yellow, bold: true, role: .badge)
    static let columnTitle = CellStyle(bold: true, role: .columnTitle)
    static let sortedColumnTitle = CellStyle(foreground: .cyan, bold: true, role: .sortedColumnTitle)
    static let label = CellStyle(foreground: .cyan, role: .label)
    static let faint = CellStyle(dim: true, role: .faint)
    static let strong = CellStyle(bold: true, role: .strong)
    static let error = CellStyle(foreground: .red, bold: true, role: .error)
    static let warning = CellStyle(foreground: .yellow, bold: true, role: .warning)
    static let filterText = CellStyle(foreground: .cyan, bold: true, role: .filterText)
    /// A cell whose value changed in the last refresh.
    static let changed = CellStyle(foreground: .black, background: .yellow, bold: true, underline: true, role: .changed)
    /// The selected list row, edge to edge; bold while the list has the focus.
    static func selectionBar(focused: Bool) -> CellStyle {
        CellStyle(bold: focused, reverse: true, role: focused ? .focusedSelectionBar : .selectionBar)
    }
    static let activity = CellStyle(foreground: .yellow, bold: true, role: .activity)
    /// A marked row's sign in the list's gutter.
    static let mark = CellStyle(foreground: .yellow, bold: true)
    static let border = CellStyle(foreground: .blue, role: .border)
    static let focusedBorder = CellStyle(foreground: .cyan, bold: true, role: .focusedBorder)

    static func status(_ status: ImageStatus) -> CellStyle {
        switch status {
        case .available: CellStyle(foreground: .green, role: .status(.available))
        case .pending: CellStyle(foreground: .cyan, bold: true, role: .status(.pending))
        case .deprecated: CellStyle(foreground: .yellow, role: .status(.deprecated))
        case .suspended: CellStyle(foreground: .magenta, bold: true, role: .status(.suspended))
        case .deleted: CellStyle(foreground: .red, bold: true, role: .status(.deleted))
        case .ceased: CellStyle(foreground: .red, dim: true, role: .status(.ceased))
        case .other: CellStyle(bold: true, role: .status(.other))
        }
    }
}
