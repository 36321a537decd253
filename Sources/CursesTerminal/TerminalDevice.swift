import CNcurses
import Glibc

/// The terminal a session draws on and reads keys from: stdin and stdout for the browser, or the
/// controlling terminal `/dev/tty` for `qcimages pick`, whose stdout carries the chosen image to a
/// pipe or a `$(...)`, as fzf does.
struct TerminalDevice {
    /// Where keys are read (the descriptor the loop polls).
    let input: Int32
    /// The same, as curses' `newterm` wants it.
    let inputFile: UnsafeMutablePointer<FILE>
    /// Where frames are written.
    let output: UnsafeMutablePointer<FILE>
    /// `/dev/tty` when this opened it, closed by ``close()``; nil for stdin/stdout.
    private let opened: UnsafeMutablePointer<FILE>?

    /// stdin and stdout, refused when either is not a terminal.
    static func standardStreams() throws(TerminalStartupError) -> TerminalDevice {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        return TerminalDevice(input: STDIN_FILENO, inputFile: qc_stdin(), output: qc_stdout(), opened: nil)
    }

    /// `/dev/tty`, read and written through one stream; refused when there is no controlling terminal.
    static func controllingTerminal() throws(TerminalStartupError) -> TerminalDevice {
        guard let file = fopen("/dev/tty", "r+") else {
            throw .noControllingTerminal(String(cString: strerror(errno)))
        }
        let descriptor = fileno(file)
        guard isatty(descriptor) == 1 else {
            fclose(file)
            throw .noControllingTerminal("not a terminal")
        }
        return TerminalDevice(input: descriptor, inputFile: file, output: file, opened: file)
    }

    /// Closes `/dev/tty` if this opened it.
    func close() {
        if let opened { fclose(opened) }
    }
}
