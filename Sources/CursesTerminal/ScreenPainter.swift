import CNcurses
import TerminalVocabulary

/// Draws frames into the curses virtual screen, touching only the cells that changed since the
/// previous frame, then sends them with one `wnoutrefresh` and `doupdate`. Drawing an unchanged frame sends nothing.
final class ScreenPainter {
    private let colors: ColorPairCache
    private var previous: Frame?
    private var cursorVisible: Bool?

    init(colors: ColorPairCache) {
        self.colors = colors
    }

    /// Forgets what is on screen so that the next frame is drawn in full (after a resize or a resume).
    func invalidate() {
        previous = nil
        cursorVisible = nil
        clearok(qc_stdscr(), true)
    }

    /// Draws `frame` and updates the terminal; does nothing when it equals the previous frame.
    func draw(_ frame: Frame) {
        guard frame != previous else { return }
        let screen = qc_stdscr()
        let rows = min(frame.size.height, Int(qc_getmaxy(screen)))
        let columns = min(frame.size.width, Int(qc_getmaxx(screen)))
        for row in 0..<rows {
            for run in FrameDiff.changedColumns(in: row, from: previous, to: frame) {
                for column in run where column < columns {
                    drawCell(frame, column: column, row: row, columns: columns)
                }
            }
        }
        placeCursor(frame.cursor, rows: rows, columns: columns)
        previous = frame
        wnoutrefresh(screen)
        doupdate()
    }

    private func drawCell(_ frame: Frame, column: Int, row: Int, columns: Int) {
        let cell = frame[column, row]
        let headOfWideCharacter = column > 0 && frame[column - 1, row].width == 2
        if cell.width == 0, headOfWideCharacter { return }
        let fitsOnRow = cell.width == 1 || (cell.width == 2 && column + 1 < columns)
        let text = fitsOnRow && !cell.text.isEmpty ? cell.text : " "
        var character = cchar_t()
        var wide = Array(text.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) })
        wide.append(0)
        setcchar(&character, wide, Self.attributes(for: cell.style), colors.pairNumber(for: cell.style), nil)
        mvwadd_wch(qc_stdscr(), Int32(row), Int32(column), &character)
    }

    private func placeCursor(_ cursor: (column: Int, row: Int)?, rows: Int, columns: Int) {
        let screen = qc_stdscr()
        if let cursor, cursor.row >= 0, cursor.row < rows, cursor.column >= 0, cursor.column < columns {
            leaveok(screen, false)
            wmove(screen, Int32(cursor.row), Int32(cursor.column))
            setCursorVisible(true)
        } else {
            leaveok(screen, true)
            setCursorVisible(false)
        }
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    private static func attributes(for style: CellStyle) -> attr_t {
        var attributes = qc_a_normal()
        if style.bold { attributes |= qc_a_bold() }
        if style.dim { attributes |= qc_a_dim() }
        if style.reverse { attributes |= qc_a_reverse() }
        if style.underline { attributes |= qc_a_underline() }
        return attributes
    }
}
