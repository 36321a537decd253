import CNcurses
import Glibc
import ImageBrowser
import TerminalVocabulary

/// The terminal under curses: takes it over, draws frames, reads input, and gives it back as it was.
///
/// Not thread-safe, like curses itself: one thread creates it, uses it and closes it.
final class CursesScreen {
    private let screen: OpaquePointer
    /// The terminal curses draws on and reads from: stdin/stdout, or `/dev/tty` (see ``TerminalDevice``).
    let device: TerminalDevice
    private let painter: ScreenPainter
    private var mouse: Bool
    /// Whether the browser turns SGR (1006) mouse reports on and reads them itself, where curses asks for
    /// X10 reports (``SGRMouseReport``).
    private var readsSGRMouse: Bool { mouse && sgrMouseDefined }
    /// Whether an SGR report's start is defined as a key (where curses would ask for X10 reports): it is
    /// read whole and dropped without the mouse, and read as a report with it.
    private let sgrMouseDefined: Bool
    /// Whether curses' own mouse reports are SGR ones (`kmous` is `ESC [<`: xterm's entries).
    private let cursesMouseIsSGR: Bool
    /// The theme settled for this terminal: frames are to be drawn in it.
    let palette: Palette
    private(set) var size: TerminalSize
    private var isClosed = false
    /// The text of a bracketed paste whose end has not been read yet.
    private var paste: String.UnicodeScalarView?
    /// The tty's signal keys, which the browser sends itself outside a paste (curses' raw mode turns
    /// the tty's own off).
    private let signalKeys: SignalKeys
    /// Asks the terminal to mark pastes (`ESC [200~` ... `ESC [201~`), so that a paste is text, never keys.
    private static let bracketedPasteOn: [UInt8] = Array("\u{1B}[?2004h".utf8)
    private static let bracketedPasteOff: [UInt8] = Array("\u{1B}[?2004l".utf8)
    /// Asks the terminal for SGR mouse reports (`ESC [<b;x;yM`): any column, not only up to 223.
    private static let sgrMouseOn: [UInt8] = Array("\u{1B}[?1006h".utf8)
    private static let sgrMouseOff: [UInt8] = Array("\u{1B}[?1006l".utf8)

    /// Sets up the locale and curses on `device`. The caller has checked that it is a terminal.
    init(settings: TerminalSettings, device: TerminalDevice) throws(TerminalStartupError) {
        Self.selectUTF8Locale()
        fflush(device.output)
        signalKeys = SignalKeys.of(device.input)
        guard let screen = newterm(nil, device.output, device.inputFile) else {
            throw .unknownTerminalType(settings.environment["TERM"].flatMap { $0.isEmpty ? nil : $0 })
        }
        // A terminal that cannot place the cursor (TERM=dumb: Emacs shells, IDE consoles) would get the
        // header at the bottom and keys that show nothing: refused before anything is drawn.
        guard qc_has_capability("cup") != 0 else {
            endwin()
            delscreen(screen)
            throw .cannotPlaceCursor(settings.environment["TERM", default: ""])
        }
        self.screen = screen
        self.device = device
        self.mouse = settings.mouse
        raw()
        noecho()
        nonl()
        let window = qc_stdscr()
        intrflush(window, false)
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(Int32(clamping: max(0, settings.escapeDelayMilliseconds)))
        // Without this, doupdate checks stdin between lines and flushes each time: one frame would go
        // out in a dozen small writes (a dozen packets over SSH) instead of one.
        typeahead(-1)
        Self.defineCommonKeys()
        cursesMouseIsSGR = qc_curses_mouse_is_sgr() != 0
        // Defined with or without --mouse, so that a stray report is read whole and dropped, never keys.
        let sgrDefined = !cursesMouseIsSGR && Self.defineSGRMouseKey()
        sgrMouseDefined = sgrDefined
        var defaultColorsAvailable = false
        if settings.wantsColors, has_colors() {
            start_color()
            defaultColorsAvailable = use_default_colors() == OK
        }
        palette = settings.palette(colors: Int(qc_colors()), hasColors: has_colors())
        let mapper = ColorMapper(capability: palette.depth, defaultColorsAvailable: defaultColorsAvailable)
        painter = ScreenPainter(colors: ColorPairCache(mapper: mapper, availablePairs: Int(qc_color_pairs())))
        size = Self.currentSize()
        enableMouse()
        writeBetweenFrames(Self.bracketedPasteOn)
    }

    /// Draws a frame; only the cells that changed since the previous frame reach the terminal.
    func draw(_ frame: Frame) {
        painter.draw(frame)
    }

    /// Everything typed (and resizes, wheel turns and pastes) since the last call, without waiting.
    /// Printable characters read together become one ``BrowserEvent/typed(_:)``.
    func readEvents() -> [BrowserEvent] {
        var events: [BrowserEvent] = []
        var code: wint_t = 0
        var typed = ""
        func endTyped() {
            if typed.count == 1, let character = typed.first {
                events.append(.key(.character(character)))
            } else if !typed.isEmpty {
                events.append(.typed(typed))
            }
            typed = ""
        }
        while true {
            let status = wget_wch(qc_stdscr(), &code)
            if status == ERR {
                endTyped()
                return events
            }
            if paste != nil, status == OK {
                if let scalar = Unicode.Scalar(code) { paste?.append(scalar) }
                continue
            }
            if status == OK, let signal = signalKeys.signal(for: code) {
                // Handled by the loop as the tty's own signal; what was read after it waits for the loop.
                endTyped()
                kill(getpid(), signal)
                return events
            }
            let event = KeyDecoder.decode(status: status, code: code)
            if case .key(.character(let character)) = event {
                typed.append(character)
                continue
            }
            endTyped()
            switch event {
            case .pasteStart:
                paste = paste ?? String.UnicodeScalarView()
            case .pasteEnd:
                if let text = paste { events.append(.pasted(String(text))) }
                paste = nil
            case .key(let key):
                events.append(.key(key))
            case .resize:
                size = Self.currentSize()
                painter.invalidate()
                events.append(.resize(size))
            case .mouse where mouse:
                if let event = cursesMouseEvent() { events.append(.mouse(event)) }
            case .mouse:
                // Curses leaves the rest of a report it was not asked for unread: read and dropped.
                if cursesMouseIsSGR { _ = readSGRMouseReport() }
            case .sgrMouse:
                // Read whole even without --mouse (a stray report is dropped); inside a paste, it is text.
                if paste == nil, let event = readSGRMouseReport(), mouse { events.append(.mouse(event)) }
            case nil:
                continue
            }
        }
    }

    /// Hands the terminal back for a moment (before the process stops on Ctrl-Z).
    func suspend() {
        restoreTerminal()
    }

    /// Takes the terminal again after a stop: the next frame's `doupdate` restores curses' terminal
    /// modes and, the screen having been forgotten, repaints it in full.
    func resume() {
        enableMouse()
        writeBetweenFrames(Self.bracketedPasteOn)
        size = Self.currentSize()
        painter.invalidate()
    }

    /// Writes bytes straight to the terminal between frames (the OSC 52 clipboard sequence).
    func writeBetweenFrames(_ bytes: [UInt8]) {
        let descriptor = fileno(device.output)
        guard isatty(descriptor) == 1 else { return }
        fflush(device.output)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer {
                write(descriptor, $0.baseAddress, $0.count)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Gives the terminal back as it was: normal screen, cursor visible, mouse off, cooked mode.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        restoreTerminal()
        delscreen(screen)
    }

    private func restoreTerminal() {
        writeBetweenFrames(Self.bracketedPasteOff)
        if readsSGRMouse { writeBetweenFrames(Self.sgrMouseOff) }
        if mouse { mousemask(0, nil) }
        curs_set(1)
        // Without an alternate screen (vt100, linux) the browser's last frame would stay behind the shell
        // prompt: cleared, and endwin puts the cursor on the bottom line, as less and htop leave it.
        if qc_has_capability("smcup") == 0 {
            wclear(qc_stdscr())
            wrefresh(qc_stdscr())
        }
        endwin()
        fflush(device.output)
    }

    /// Turns mouse reporting on or off while the screen is up (the setup screen's Mouse).
    func setMouse(_ on: Bool) {
        guard on != mouse else { return }
        if on {
            mouse = true
            enableMouse()
        } else {
            if readsSGRMouse { writeBetweenFrames(Self.sgrMouseOff) }
            mousemask(0, nil)
            mouse = false
        }
    }

    /// Turns mouse reporting on (with --mouse): curses' own (`ESC [?1000h`, its decoding), and SGR
    /// reports where curses would ask for X10 ones.
    private func enableMouse() {
        guard mouse else { return }
        // Presses and releases as they come: no wait to make clicks out of them.
        mouseinterval(0)
        mousemask(qc_mouse_events(), nil)
        if readsSGRMouse {
            // curses sends its own mode with the next frame; this one goes out now and stays.
            writeBetweenFrames(Self.sgrMouseOn)
        }
    }

    private func cursesMouseEvent() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return MouseDecoder.decode(buttons: event.bstate, column: event.x, row: event.y)
    }

    /// The rest of an SGR report after `ESC [<`, read as characters up to its final `M` or `m`. A
    /// character that cannot be part of it ends it unread (it is put back for the next read).
    private func readSGRMouseReport() -> MouseEvent? {
        var body = ""
        var code: wint_t = 0
        while body.utf8.count <= SGRMouseReport.longestBody {
            let status = wget_wch(qc_stdscr(), &code)
            guard status != ERR else { return nil }
            guard status == OK, let scalar = Unicode.Scalar(code) else {
                if status == KEY_CODE_YES { ungetch(Int32(bitPattern: code)) }
                return nil
            }
            let character = Character(scalar)
            let (continues, ends) = SGRMouseReport.continues(character)
            guard continues else {
                unget_wch(wchar_t(bitPattern: code))
                return nil
            }
            body.append(character)
            if ends { return SGRMouseReport.decode(body) }
        }
        return nil
    }

    private static func currentSize() -> TerminalSize {
        let window = qc_stdscr()
        return TerminalSize(width: Int(max(0, qc_getmaxx(window))), height: Int(max(0, qc_getmaxy(window))))
    }

    /// The user's locale, or C.UTF-8 when it is not UTF-8: curses needs UTF-8 for wide characters.
    private static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }

    /// Gives `ESC [<` its own key code where no key has it, so that an SGR mouse report starts with one
    /// key code instead of Esc and characters; whether it has it now.
    private static func defineSGRMouseKey() -> Bool {
        let sequence = "\u{1B}[<"
        if key_defined(sequence) == 0 { define_key(sequence, KeyDecoder.sgrMouseCode) }
        return key_defined(sequence) == KeyDecoder.sgrMouseCode
    }

    /// Sequences terminals send for Home, End, Delete, PgUp, PgDn and Shift-Tab that some terminfo
    /// entries (vt100, xterm over a mismatched TERM) lack; added only where the entry has no binding.
    private static func defineCommonKeys() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
            ("\u{1B}[3~", KEY_DC), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[Z", KEY_BTAB),
            ("\u{1B}[200~", KeyDecoder.pasteStartCode), ("\u{1B}[201~", KeyDecoder.pasteEndCode),
        ]
        for (sequence, code) in sequences where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }
}
