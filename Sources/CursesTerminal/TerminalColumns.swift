import CNcurses
import Glibc

/// The width of the terminal stdout writes to, for output that fits it (`list -o table`).
public enum TerminalColumns {
    /// The terminal's columns when stdout is a terminal that knows its size; nil for a pipe or a file.
    public static func ofStandardOutput() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        let columns = Int(qc_terminal_columns(STDOUT_FILENO))
        return columns > 0 ? columns : nil
    }
}
