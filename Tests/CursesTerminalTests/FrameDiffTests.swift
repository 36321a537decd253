import ImageBrowser
import TerminalVocabulary
import Testing

@testable import CursesTerminal

@Suite struct FrameDiffTests {
    private let size = TerminalSize(width: 10, height: 2)

    private func frame(_ rows: [[Cell]]) -> Frame {
        var frame = Frame(size: size)
        for (row, cells) in rows.enumerated() {
            for (column, cell) in cells.enumerated() { frame[column, row] = cell }
        }
        return frame
    }

    private func wide(_ text: String) -> [Cell] {
        [Cell(text: text, width: 2), Cell(text: "", width: 0)]
    }

    @Test func everythingIsDrawnWithoutAPreviousFrameOrAfterAResize() {
        let next = Frame(size: size)
        #expect(FrameDiff.changedColumns(in: 0, from: nil, to: next) == [0..<10])
        let smaller = Frame(size: TerminalSize(width: 9, height: 2))
        #expect(FrameDiff.changedColumns(in: 1, from: smaller, to: next) == [0..<10])
    }

    @Test func anUnchangedRowDrawsNothing() {
        let row = [Cell(text: "a")] + wide("镜")
        #expect(FrameDiff.changedColumns(in: 0, from: frame([row]), to: frame([row])) == [])
    }

    @Test func onlyChangedCellsAreDrawn() {
        let before = frame([[Cell(text: "a"), Cell(text: "b"), Cell(text: "c"), Cell(text: "d")]])
        var after = before
        after[1, 0] = Cell(text: "x")
        after[3, 0] = Cell(text: "d", style: CellStyle(reverse: true))
        #expect(FrameDiff.changedColumns(in: 0, from: before, to: after) == [1..<2, 3..<4])
        #expect(FrameDiff.changedColumns(in: 1, from: before, to: after) == [])
    }

    @Test func aWideCharacterIsDrawnWholeWhenEitherOfItsCellsChanges() {
        let before = frame([[Cell(text: "a"), Cell(text: "b"), Cell(text: "c")]])
        let after = frame([[Cell(text: "a")] + wide("镜")])
        #expect(FrameDiff.changedColumns(in: 0, from: before, to: after) == [1..<3])
        let restyled = frame([[Cell(text: "a"), Cell(text: "镜", width: 2, style: CellStyle(bold: true)), Cell(text: "", width: 0)]])
        #expect(FrameDiff.changedColumns(in: 0, from: after, to: restyled) == [1..<3])
    }

    @Test func replacingAWideCharacterRedrawsBothOfItsCells() {
        let before = frame([wide("镜") + [Cell(text: "z")]])
        let after = frame([[Cell(text: "x"), Cell(text: "y"), Cell(text: "z")]])
        #expect(FrameDiff.changedColumns(in: 0, from: before, to: after) == [0..<2])
        let shifted = frame([[Cell(text: " ")] + wide("镜")])
        #expect(FrameDiff.changedColumns(in: 0, from: before, to: shifted) == [0..<3])
    }
}
