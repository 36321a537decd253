import TerminalVocabulary

/// Which cells of a frame must be drawn again, given the frame drawn before it.
///
/// Pure, so that the wide-character rules are tested without a terminal: a wide character is always
/// drawn whole (a change in either of its two cells redraws its first cell, which covers both).
enum FrameDiff {
    /// Runs of columns to draw in `row`, left to right; every column when there is no previous frame
    /// of the same size.
    static func changedColumns(in row: Int, from previous: Frame?, to next: Frame) -> [Range<Int>] {
        let width = next.size.width
        guard width > 0 else { return [] }
        guard let previous, previous.size == next.size else { return [0..<width] }
        let old = previous.row(row), new = next.row(row)
        let oldStart = old.startIndex, newStart = new.startIndex
        var marked = [Bool](repeating: false, count: width)
        var anyChange = false
        for column in 0..<width where old[oldStart + column] != new[newStart + column] {
            anyChange = true
            marked[column] = true
            if new[newStart + column].width == 0, column > 0 { marked[column - 1] = true }
            if column + 1 < width, new[newStart + column].width == 2 || old[oldStart + column].width == 2 {
                marked[column + 1] = true
            }
        }
        guard anyChange else { return [] }
        var runs: [Range<Int>] = []
        var runStart: Int?
        for column in 0...width {
            let isMarked = column < width && marked[column]
            if isMarked, runStart == nil {
                runStart = column
            } else if !isMarked, let start = runStart {
                runs.append(start..<column)
                runStart = nil
            }
        }
        return runs
    }
}
