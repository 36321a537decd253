import ImageBrowser
import Synchronization

/// Where network and timer tasks leave browser events for the thread that owns the terminal.
///
/// Posting writes a byte to a pipe the run loop polls, so the loop sleeps until something arrives.
final class EventMailbox: Sendable {
    private struct Box {
        var pending: [BrowserEvent] = []
        var isClosed = false
    }

    private let box = Mutex(Box())
    private let pipe: SelfPipe

    init() throws(TerminalStartupError) {
        pipe = try SelfPipe()
    }

    /// The descriptor that becomes readable when events are waiting.
    var readEnd: Int32 { pipe.readEnd }

    /// Leaves an event for the loop; callable from any thread. Ignored once the session has ended.
    func post(_ event: BrowserEvent) {
        box.withLock { box in
            guard !box.isClosed else { return }
            box.pending.append(event)
            if box.pending.count == 1 { pipe.wake() }
        }
    }

    /// Every event posted so far, oldest first.
    func takeAll() -> [BrowserEvent] {
        _ = pipe.drain()
        return box.withLock { box in
            defer { box.pending.removeAll() }
            return box.pending
        }
    }

    /// Refuses further events (tasks still finishing after the session ended).
    func close() {
        box.withLock { box in
            box.isClosed = true
            box.pending.removeAll()
        }
    }
}
