import Foundation
import QingCloud
import Synchronization
import TerminalVocabulary

/// What `qcimages wait` shows on stderr: on a terminal, one progress line redrawn in place
/// (`2/3 available · img-x pending (creating) · 4m12s`); to a pipe or file, one line per change
/// (`0m35s img-x available`), so that a log reads as a history.
final class WaitDisplay: Sendable {
    private struct State {
        var ledger: WaitLedger?
        var summary = ""
        var failures = ""
        var drawn = false
    }

    private let isTerminal: Bool
    private let started: ContinuousClock.Instant
    private let state = Mutex(State())

    init(isTerminal: Bool, started: ContinuousClock.Instant = .now) {
        self.isTerminal = isTerminal
        self.started = started
    }

    private var elapsed: String { DurationArgument.format(ContinuousClock.now - started) }

    /// Where the wait stands, as last shown.
    var ledger: WaitLedger? { state.withLock { $0.ledger } }

    /// Takes in the wait before its first poll.
    func start(_ ledger: WaitLedger) {
        state.withLock { $0.ledger = ledger }
    }

    /// Takes in one round of polls.
    func show(_ round: ImageWaiter.Round) {
        let failures = round.failures.map { "zone \($0.zone): \($0.error)" }.joined(separator: "; ")
        let failureChanged = state.withLock { state in
            defer { state.ledger = round.ledger; state.summary = round.ledger.summary; state.failures = failures }
            return state.failures != failures
        }
        if isTerminal {
            redraw()
            return
        }
        let time = elapsed
        for change in round.changes { StandardError.write("\(time) \(change)") }
        if failureChanged, !failures.isEmpty {
            StandardError.write("\(time) a poll failed (asked again at the next interval): \(failures)")
        }
    }

    /// Redraws the progress line with the time elapsed (a terminal only).
    func redraw() {
        guard isTerminal else { return }
        let line = state.withLock { state -> String? in
            guard !state.summary.isEmpty else { return nil }
            state.drawn = true
            return state.summary + (state.failures.isEmpty ? "" : " · last poll failed: " + state.failures)
        }
        guard let line else { return }
        let text = Sanitizer.forDisplay(line + " · " + elapsed)
        let width = Self.terminalWidth() ?? 80
        Self.writeRaw("\r\u{1B}[K" + DisplayWidth.truncate(text, toWidth: max(10, width - 1)))
    }

    /// Clears the progress line, so that what is written next starts on a clean line.
    func finish() {
        let drawn = state.withLock { state in
            defer { state.drawn = false }
            return state.drawn
        }
        if isTerminal, drawn { Self.writeRaw("\r\u{1B}[K") }
    }

    private static func writeRaw(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    private static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
