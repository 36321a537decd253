import Foundation
import ImageBrowser

/// Where network and timer tasks leave browser events for the thread that owns the terminal.
///
/// Posting writes a byte to a pipe the run loop polls, so the loop sleeps until something arrives.
final class EventMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [BrowserEvent] = []
    private var isClosed = false
    private let pipe: SelfPipe

    init() throws(TerminalStartupError) {
        pipe = try SelfPipe()
    }

    /// The descriptor that becomes readable when events are waiting.
    var readEnd: Int32 { pipe.readEnd }

    /// Leaves an event for the loop; callable from any thread. Ignored once the session has ended.
    func post(_ event: BrowserEvent) {
        lock.withLock {
            guard !isClosed else { return }
            pending.append(event)
            if pending.count == 1 { pipe.wake() }
        }
    }

    /// Every event posted so far, oldest first.
    func takeAll() -> [BrowserEvent] {
        _ = pipe.drain()
        return lock.withLock {
            defer { pending.removeAll() }
            return pending
        }
    }

    /// Refuses further events (tasks still finishing after the session ended).
    func close() {
        lock.withLock {
            isClosed = true
            pending.removeAll()
        }
    }
}
