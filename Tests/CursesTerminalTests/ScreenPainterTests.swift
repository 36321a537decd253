import CNcurses
import ImageBrowser
import TerminalVocabulary
import Testing

@testable import CursesTerminal

/// The painter against a real curses screen writing to a file; serialized because curses is global.
@Suite(.serialized) struct ScreenPainterTests {
    private static let size = TerminalSize(width: 20, height: 4)

    private func painter() -> ScreenPainter {
        let mapper = ColorMapper(capability: .palette256, defaultColorsAvailable: true)
        return ScreenPainter(colors: ColorPairCache(mapper: mapper, availablePairs: Int(qc_color_pairs())))
    }

    private func frame(_ lines: [String], style: CellStyle = .plain) -> Frame {
        var frame = Frame(size: Self.size)
        for (row, line) in lines.enumerated() {
            var column = 0
            for character in line where column < Self.size.width {
                let width = character.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1
                frame[column, row] = Cell(text: String(character), width: width, style: style)
                if width == 2 { frame[column + 1, row] = Cell(text: "", width: 0, style: style) }
                column += width
            }
        }
        return frame
    }

    /// Here because curses is global (the terminal type is curses' current one): which terminals' mouse
    /// reports curses decodes as SGR itself, and where the browser turns SGR on and reads it.
    @Test("SGR mouse reports: curses' own under xterm; under tmux and screen the browser's")
    func sgrMouseByTerminalType() throws {
        for (type, cursesSGR) in [("xterm-256color", true), ("tmux-256color", false), ("screen-256color", false), ("screen", false)] {
            let curses = try HeadlessCurses(terminalType: type)
            keypad(qc_stdscr(), true)
            #expect((qc_curses_mouse_is_sgr() != 0) == cursesSGR, "\(type)")
            #expect((key_defined("\u{1B}[<") == KEY_MOUSE) == cursesSGR, "\(type): kmous")
            withExtendedLifetime(curses) {}
        }
    }

    @Test func framesLandInTheVirtualScreenWithWideCharactersWhole() throws {
        let curses = try HeadlessCurses()
        let painter = painter()
        painter.draw(frame(["img-1 镜像 ok", "second row"]))
        #expect(curses.text(ofRow: 0, width: 20) == "img-1 镜像 ok")
        #expect(curses.text(ofRow: 1, width: 20) == "second row")
        painter.draw(frame(["img-1 镜x ok", "second row"]))
        #expect(curses.text(ofRow: 0, width: 20) == "img-1 镜x ok")
    }

    @Test func anEqualFrameSendsNothingAndASmallChangeSendsLittle() throws {
        let curses = try HeadlessCurses()
        let painter = painter()
        let first = frame(["row one", "row two", "row three", "row four"])
        painter.draw(first)
        let afterFirst = curses.bytesSent
        #expect(afterFirst > 0)
        painter.draw(first)
        #expect(curses.bytesSent == afterFirst)
        painter.draw(frame(["row one", "row 2wo", "row three", "row four"]))
        let changeCost = curses.bytesSent - afterFirst
        #expect(changeCost > 0)
        #expect(changeCost < 20)
    }

    @Test func movingASelectionBarSendsTheTwoRowsItLeavesAndEntersAndNothingElse() throws {
        let curses = try HeadlessCurses()
        let painter = painter()
        let lines = ["img-1 alpha-web-node", "img-2 beta", "img-3 gamma", "img-4 delta-db-node1"]
        func withBar(on barRow: Int) -> Frame {
            var frame = frame(lines)
            for column in 0..<Self.size.width {
                frame[column, barRow].style = CellStyle(bold: true, reverse: true)
            }
            return frame
        }
        painter.draw(withBar(on: 1))
        let before = curses.bytesSent
        painter.draw(withBar(on: 2))
        let moveCost = curses.bytesSent - before
        // Two rows of 20 cells, two cursor moves and a few attribute changes; sending either full row
        // around them again would add 20 more.
        #expect(moveCost >= 2 * Self.size.width)
        #expect(moveCost <= 2 * Self.size.width + 30)
        #expect(curses.attributes(atColumn: 0, row: 2).attributes & qc_a_reverse() != 0)
        #expect(curses.attributes(atColumn: 0, row: 1).attributes & qc_a_reverse() == 0)
    }

    @Test func stylesBecomeAttributesAndColourPairs() throws {
        let curses = try HeadlessCurses()
        let painter = painter()
        let style = CellStyle(foreground: .palette(208), background: .blue, bold: true, reverse: true)
        painter.draw(frame(["warn"], style: style))
        let cell = curses.attributes(atColumn: 0, row: 0)
        #expect(cell.attributes & qc_a_bold() != 0)
        #expect(cell.attributes & qc_a_reverse() != 0)
        #expect(cell.attributes & qc_a_underline() == 0)
        var foreground: Int16 = 0, background: Int16 = 0
        pair_content(cell.pair, &foreground, &background)
        #expect(foreground == 208)
        #expect(background == 4)
        #expect(curses.attributes(atColumn: 0, row: 1).pair == 0)
    }

    @Test func framesFromTheRendererAtTinySizesDrawWithoutTrouble() throws {
        let curses = try HeadlessCurses(width: 1, height: 1)
        let painter = painter()
        var tiny = Frame(size: TerminalSize(width: 1, height: 1))
        tiny[0, 0] = Cell(text: "镜", width: 2)
        painter.draw(tiny)
        #expect(curses.text(ofRow: 0, width: 1) == "")
    }
}
