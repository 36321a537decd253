import CNcurses
import ImageBrowser
import Testing

@testable import CursesTerminal

/// Mouse reports into browser events: curses' own (`getmouse`) and the SGR reports the browser reads
/// itself where curses asks for X10 ones (tmux-256color, screen).
@Suite struct MouseDecoderTests {
    @Test("SGR: a left press, the wheel both ways, 1-based cells to 0-based, any column")
    func sgrReports() {
        #expect(SGRMouseReport.decode("0;12;8M") == MouseEvent(.press, column: 11, row: 7))
        #expect(SGRMouseReport.decode("64;1;1M") == MouseEvent(.wheelUp, column: 0, row: 0))
        #expect(SGRMouseReport.decode("65;40;20M") == MouseEvent(.wheelDown, column: 39, row: 19))
        #expect(SGRMouseReport.decode("0;300;2M") == MouseEvent(.press, column: 299, row: 1), "beyond X10's column 223")
        #expect(SGRMouseReport.decode("16;5;5M") == MouseEvent(.press, column: 4, row: 4), "Ctrl-click is a click")
    }

    @Test("SGR: releases, other buttons, motion and horizontal wheels are dropped")
    func sgrDropped() {
        for body in ["0;12;8m", "1;12;8M", "2;12;8M", "32;12;8M", "35;12;8M", "66;1;1M", "67;1;1M", "64;1;1m"] {
            #expect(SGRMouseReport.decode(body) == nil, "\(body)")
        }
    }

    @Test("SGR: anything that is not a whole report is dropped")
    func sgrMalformed() {
        for body in ["", "M", "0;12M", "0;12;8", "a;1;1M", "0;0;1M", "0;1;0M", "0;1;1;1M", "0;;1M", "+0;1;1M",
                     "0;123456;1M", "0;99999;99999;M", "0;1;１M", "-1;1;1M"] {
            #expect(SGRMouseReport.decode(body) == nil, "\(body)")
        }
    }

    @Test("SGR: the characters a report's body is made of")
    func sgrCharacters() {
        #expect(SGRMouseReport.continues("7") == (true, false))
        #expect(SGRMouseReport.continues(";") == (true, false))
        #expect(SGRMouseReport.continues("M") == (true, true))
        #expect(SGRMouseReport.continues("m") == (true, true))
        #expect(SGRMouseReport.continues("q") == (false, false))
        #expect(SGRMouseReport.continues("\u{1B}") == (false, false))
    }

    @Test("getmouse: button 1 pressed or clicked is a press; buttons 4 and 5 the wheel; a release nothing")
    func cursesReports() {
        #expect(MouseDecoder.decode(buttons: qc_button1_pressed(), column: 3, row: 4) == MouseEvent(.press, column: 3, row: 4))
        #expect(MouseDecoder.decode(buttons: qc_button1_clicked(), column: 3, row: 4) == MouseEvent(.press, column: 3, row: 4))
        #expect(MouseDecoder.decode(buttons: qc_button4_pressed(), column: 0, row: 0) == MouseEvent(.wheelUp, column: 0, row: 0))
        #expect(MouseDecoder.decode(buttons: qc_button5_pressed(), column: 9, row: 2) == MouseEvent(.wheelDown, column: 9, row: 2))
        #expect(MouseDecoder.decode(buttons: qc_button1_released(), column: 3, row: 4) == nil)
        #expect(MouseDecoder.decode(buttons: 0, column: 3, row: 4) == nil)
        #expect(MouseDecoder.decode(buttons: qc_button1_pressed(), column: -1, row: 4) == nil)
    }

    @Test("the browser asks curses for button 1 and the wheel")
    func requestedEvents() {
        let mask = qc_mouse_events()
        #expect(mask & qc_button1_pressed() != 0 && mask & qc_button4_pressed() != 0 && mask & qc_button5_pressed() != 0)
    }
}
