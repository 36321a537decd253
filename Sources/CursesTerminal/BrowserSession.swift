import Foundation
import Glibc
import ImageBrowser
import QingCloud

/// Runs the browser in the terminal: the one place where curses, input, signals and the browser's
/// effects meet.
///
/// One thread owns the terminal and runs the loop: it sleeps in `poll` on the terminal, on a pipe that
/// background tasks post events through, and on a pipe that signals arrive through, so an idle screen
/// costs no CPU and writes nothing. Every effect goes through ``EffectRunner``: requests and timers run
/// as tasks that never touch curses; quitting and copying come back to the loop. Keys are drawn at once;
/// bursts of background events are drawn together
/// (see ``RedrawPacer``).
public enum BrowserSession {
    /// Opens the browser and returns once the user quits, a signal ends it or the terminal goes away.
    ///
    /// The loop runs on a dedicated thread that owns the terminal for the whole session. Fails before
    /// touching the screen when stdin or stdout (`/dev/tty` with ``TerminalSettings/usesControllingTerminal``)
    /// is not a terminal or curses cannot drive it; nothing is written to stdout or stderr while the screen is up.
    /// `saveView` writes a view the user saves (`V`) to the settings file, off the terminal's thread: nil
    /// when written, else the one line saying why not. `saveSettings` writes what the setup screen (F2)
    /// changed to the settings file, and says how it went.
    public static func run(
        options: BrowserOptions, service: any ImageService & InstanceService, settings: TerminalSettings,
        saveView: @escaping @Sendable (BrowserView) -> String? = { _ in "views cannot be saved here" },
        saveSettings: @escaping @Sendable ([SetupChange]) -> SettingsSaveOutcome = noSettingsFile
    ) async -> Result<SessionOutcome, TerminalStartupError> {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let outcome = Result { () throws(TerminalStartupError) in
                    try runOnThisThread(options: options, service: service, settings: settings, saveView: saveView,
                                        saveSettings: saveSettings)
                }
                continuation.resume(returning: outcome)
            }
            thread.name = "qcimages-tty"
            thread.start()
        }
    }

    /// Where no settings file is given: the setup screen's changes hold for the session only.
    public static let noSettingsFile: @Sendable ([SetupChange]) -> SettingsSaveOutcome = { _ in
        .notSaved("settings not saved: no settings file for this session")
    }

    private static func runOnThisThread(
        options: BrowserOptions, service: any ImageService & InstanceService, settings: TerminalSettings,
        saveView: @escaping @Sendable (BrowserView) -> String?,
        saveSettings: @escaping @Sendable ([SetupChange]) -> SettingsSaveOutcome
    ) throws(TerminalStartupError) -> SessionOutcome {
        let device = try settings.usesControllingTerminal ? TerminalDevice.controllingTerminal() : .standardStreams()
        defer { device.close() }
        let multiplexer = ClipboardSequence.Multiplexer(environment: settings.environment)
        let environment = settings.environment
        // Inside tmux, its options are read at each copy (two quick `tmux show-options`), so that
        // `tmux set -g set-clipboard on`, as the refusal suggests, counts at the next `c`.
        let clipboard: @Sendable () -> ClipboardRoute
        if multiplexer == .tmux {
            clipboard = { TmuxClipboard.query(environment: environment).route }
        } else {
            clipboard = { ClipboardRoute(forms: [multiplexer]) }
        }
        let signals = try SignalPipe()
        let mailbox = try EventMailbox()
        signals.forwardWhereDefault([SIGINT, SIGTERM, SIGHUP, SIGTSTP])
        signals.forwardUnlessIgnored([SIGQUIT])
        defer { signals.restore() }
        let screen = try CursesScreen(settings: settings, device: device)
        defer { screen.close() }
        signals.forwardAndChain([SIGWINCH])
        let runner = EffectRunner(
            service: service, clipboard: clipboard,
            launcher: CommandLauncher(environment: settings.environment, logPath: settings.commandLogPath), saveView: saveView,
            saveSettings: saveSettings,
            post: { mailbox.post($0) }
        )
        defer {
            runner.cancelAll()
            mailbox.close()
        }
        var options = options
        options.palette = screen.palette
        var loop = SessionLoop(
            screen: screen, signals: signals, mailbox: mailbox, runner: runner, state: BrowserState(options: options)
        )
        let end = loop.run()
        return SessionOutcome(end: end, sort: loop.state.sort)
    }
}

/// How a session ended and what the browser showed then, for the remembered state (`remember: true`).
public struct SessionOutcome: Sendable, Equatable {
    public let end: SessionEnd
    /// The list's sort when the session ended.
    public let sort: SortSetting
}

/// The loop's state while the screen is up.
private struct SessionLoop {
    let screen: CursesScreen
    let signals: SignalPipe
    let mailbox: EventMailbox
    let runner: EffectRunner
    var state: BrowserState
    private var pendingTerminalWrites: [[UInt8]] = []
    private var end: SessionEnd?
    private let clock = ContinuousClock()
    /// Background events are drawn at most this often (10 frames a second); keys at once.
    private var pacer = RedrawPacer(interval: .milliseconds(100))

    init(screen: CursesScreen, signals: SignalPipe, mailbox: EventMailbox, runner: EffectRunner, state: BrowserState) {
        self.screen = screen
        self.signals = signals
        self.mailbox = mailbox
        self.runner = runner
        self.state = state
    }

    mutating func run() -> SessionEnd {
        let now = Date()
        perform(Browser.update(&state, .resize(screen.size), now: now))
        perform(Browser.start(&state, now: now))
        pacer.inputArrived(at: clock.now)
        while end == nil {
            if pacer.isDue(at: clock.now) {
                redraw()
                pacer.drew(at: clock.now)
            }
            let ready = waitForInput(timeout: pacer.pollTimeout(at: clock.now))
            if ready.signals { handleSignals() }
            guard end == nil else { break }
            if ready.terminalClosed {
                end = .terminalClosed
                break
            }
            let input = ready.terminal || ready.signals ? screen.readEvents() : []
            let background = ready.mailbox ? mailbox.takeAll() : []
            for event in input + background where end == nil {
                perform(Browser.update(&state, event, now: Date()))
            }
            if ready.terminal || ready.signals {
                pacer.inputArrived(at: clock.now)
            } else if !background.isEmpty {
                pacer.backgroundEventArrived(at: clock.now)
            }
        }
        return end ?? .quit
    }

    private mutating func redraw() {
        screen.draw(Browser.render(state, now: Date()))
        for bytes in pendingTerminalWrites {
            screen.writeBetweenFrames(bytes)
        }
        pendingTerminalWrites.removeAll()
    }

    private mutating func perform(_ effects: [BrowserEffect]) {
        for effect in effects {
            switch runner.run(effect) {
            case .quit:
                end = .quit
            case .choose(let images):
                end = .chose(images)
            case .write(let bytes):
                pendingTerminalWrites.append(bytes)
            case .copyRefused(let reason):
                perform(Browser.update(&state, .copyRefused(reason), now: Date()))
            case .runInTerminal(let run):
                let outcome = TerminalCommand.run(run, launcher: runner.launcher, screen: screen, signals: signals)
                handle(outcome.signals)
                guard end == nil else { return }
                perform(Browser.update(&state, .resize(screen.size), now: Date()))
                perform(Browser.update(&state, .commandEnded(outcome.end), now: Date()))
            case .setMouse(let on):
                screen.setMouse(on)
            case nil:
                continue
            }
        }
    }

    private mutating func handleSignals() {
        handle(signals.received())
    }

    private mutating func handle(_ received: [Int32]) {
        for signal in received {
            switch signal {
            case SIGINT:
                end = .interrupted
            case SIGTERM, SIGHUP, SIGQUIT:
                end = .signal(signal)
            case SIGTSTP:
                screen.suspend()
                signals.stopProcess()
                screen.resume()
                perform(Browser.update(&state, .resize(screen.size), now: Date()))
            default:
                continue
            }
            if end != nil { return }
        }
    }

    private struct Readiness {
        var terminal = false
        var terminalClosed = false
        var mailbox = false
        var signals = false
    }

    /// Sleeps until the terminal, a task or a signal has something for the loop, or `timeout`
    /// milliseconds have passed (-1: no limit).
    private func waitForInput(timeout: Int32) -> Readiness {
        var descriptors = [
            pollfd(fd: screen.device.input, events: Int16(POLLIN), revents: 0),
            pollfd(fd: mailbox.readEnd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        while poll(&descriptors, nfds_t(descriptors.count), timeout) < 0 {
            guard errno == EINTR else { return Readiness(terminalClosed: true) }
        }
        let closedMask = Int16(POLLHUP | POLLERR | POLLNVAL)
        return Readiness(
            terminal: descriptors[0].revents & Int16(POLLIN) != 0,
            terminalClosed: descriptors[0].revents & closedMask != 0,
            mailbox: descriptors[1].revents != 0,
            signals: descriptors[2].revents != 0
        )
    }
}
