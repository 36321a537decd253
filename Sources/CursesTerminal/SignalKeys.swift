import Glibc

/// The terminal's signal keys (Ctrl-C, Ctrl-\ and Ctrl-Z unless `stty` changed them), read from the tty
/// before curses takes it over.
///
/// The browser reads the terminal with the tty's signal keys off (curses' raw mode), so that a control
/// character inside a bracketed paste is text and never stops or kills the browser. Outside a paste, the
/// key sends its signal itself, as the tty would have: the loop handles it like any other signal.
struct SignalKeys: Sendable, Equatable {
    private var signalByCharacter: [UInt32: Int32] = [:]

    /// The keys `settings` arms: none when its ISIG flag is off, none for a disabled one (`_POSIX_VDISABLE`, 0).
    init(settings: termios) {
        guard settings.c_lflag & tcflag_t(ISIG) != 0 else { return }
        let characters = withUnsafeBytes(of: settings.c_cc) { Array($0) }
        for (index, signal) in [(VINTR, SIGINT), (VQUIT, SIGQUIT), (VSUSP, SIGTSTP)] {
            let character = characters[Int(index)]
            if character != 0 { signalByCharacter[UInt32(character)] = signal }
        }
    }

    /// The keys of the terminal open on `descriptor` (stdin, or `/dev/tty` for pick); none when it
    /// cannot be read.
    static func of(_ descriptor: Int32) -> SignalKeys {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return SignalKeys(settings: termios()) }
        return SignalKeys(settings: settings)
    }

    /// The signal that `character` (as `get_wch` read it) sends, if it is a signal key.
    func signal(for character: UInt32) -> Int32? {
        signalByCharacter[character]
    }
}
