import Glibc
import Testing
@testable import CursesTerminal

struct SignalKeysTests {
    /// A tty's settings with ISIG as given and these characters for intr, quit and susp.
    private func settings(isig: Bool, intr: UInt8 = 3, quit: UInt8 = 28, susp: UInt8 = 26) -> termios {
        var settings = termios()
        settings.c_lflag = isig ? tcflag_t(ISIG | ICANON) : tcflag_t(ICANON)
        withUnsafeMutableBytes(of: &settings.c_cc) { characters in
            characters[Int(VINTR)] = intr
            characters[Int(VQUIT)] = quit
            characters[Int(VSUSP)] = susp
        }
        return settings
    }

    @Test func theDefaultKeysSendTheirSignals() {
        let keys = SignalKeys(settings: settings(isig: true))
        #expect(keys.signal(for: 3) == SIGINT)
        #expect(keys.signal(for: 28) == SIGQUIT)
        #expect(keys.signal(for: 26) == SIGTSTP)
        #expect(keys.signal(for: UInt32(UInt8(ascii: "c"))) == nil)
        #expect(keys.signal(for: 4) == nil)
    }

    @Test func keysChangedWithSttyAreTheOnesRead() {
        let keys = SignalKeys(settings: settings(isig: true, intr: 7, quit: 0, susp: 19))
        #expect(keys.signal(for: 7) == SIGINT)
        #expect(keys.signal(for: 3) == nil)
        #expect(keys.signal(for: 0) == nil)
        #expect(keys.signal(for: 28) == nil)
        #expect(keys.signal(for: 19) == SIGTSTP)
        #expect(keys.signal(for: 26) == nil)
    }

    @Test func aTerminalWithoutISIGHasNoSignalKeys() {
        let keys = SignalKeys(settings: settings(isig: false))
        #expect(keys == SignalKeys(settings: termios()))
        #expect(keys.signal(for: 3) == nil)
    }
}
