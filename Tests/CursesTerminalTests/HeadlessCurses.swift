import CNcurses
import Foundation
import Glibc

/// A curses screen on files instead of a terminal, for tests: what curses sends goes to a temporary
/// file (so tests can count bytes) and input comes from /dev/null.
///
/// Curses state is global: tests using this must be in one serialized suite.
final class HeadlessCurses {
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let outputPath: String

    init(terminalType: String = "xterm-256color", width: Int = 20, height: Int = 4) throws {
        setlocale(LC_ALL, "C.UTF-8")
        outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("curses-\(UUID().uuidString).out").path
        guard let output = fopen(outputPath, "w"), let input = fopen("/dev/null", "r") else {
            throw HeadlessCursesError.cannotOpenFiles
        }
        self.output = output
        self.input = input
        setenv("LINES", String(height), 1)
        setenv("COLUMNS", String(width), 1)
        guard let screen = newterm(terminalType, output, input) else {
            throw HeadlessCursesError.unknownTerminal(terminalType)
        }
        self.screen = screen
        if has_colors() {
            start_color()
            use_default_colors()
        }
    }

    /// Bytes curses has sent so far.
    var bytesSent: Int {
        fflush(output)
        return (try? FileManager.default.attributesOfItem(atPath: outputPath)[.size] as? Int) ?? 0
    }

    /// The text curses holds for a row of its virtual screen (a wide character once), without the
    /// trailing blanks.
    func text(ofRow row: Int, width: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: width + 1)
        let count = mvwinnwstr(qc_stdscr(), Int32(row), 0, &buffer, Int32(width))
        guard count > 0 else { return "" }
        let scalars = buffer.prefix(Int(count)).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var text = String(String.UnicodeScalarView(scalars))
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The attributes and colour pair curses holds for one cell.
    func attributes(atColumn column: Int, row: Int) -> (attributes: attr_t, pair: Int16) {
        var cell = cchar_t()
        mvwin_wch(qc_stdscr(), Int32(row), Int32(column), &cell)
        var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &characters, &attributes, &pair, nil)
        return (attributes, pair)
    }

    deinit {
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
        unlink(outputPath)
        unsetenv("LINES")
        unsetenv("COLUMNS")
    }
}

enum HeadlessCursesError: Error {
    case cannotOpenFiles
    case unknownTerminal(String)
}
