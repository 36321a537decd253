import ImageBrowser
import Synchronization

/// The running tasks by what they are for, so that a request can be cancelled by id and a timer
/// replaced by the next one of its kind.
final class TaskTable: Sendable {
    /// What a task is for: a request, or the timer of a kind.
    enum Purpose: Hashable {
        case request(RequestID)
        case timer(BrowserTimer.Kind)
    }

    private struct Running {
        var tasks: [Purpose: (token: Int, task: Task<Void, Never>)] = [:]
        var nextToken = 0
    }

    private let running = Mutex(Running())

    /// Starts a task under `key` (cancelling the one it replaces). The lock is held while the task is
    /// created, so the task cannot finish before it is registered.
    func start(_ key: Purpose, _ makeTask: (Int) -> Task<Void, Never>) {
        running.withLock { running in
            running.nextToken += 1
            running.tasks[key]?.task.cancel()
            running.tasks[key] = (running.nextToken, makeTask(running.nextToken))
        }
    }

    /// Forgets a task that ended, unless another task has taken its key since.
    func finish(_ key: Purpose, token: Int) {
        running.withLock { running in
            if running.tasks[key]?.token == token { running.tasks[key] = nil }
        }
    }

    func cancel(_ key: Purpose) {
        running.withLock { $0.tasks.removeValue(forKey: key)?.task.cancel() }
    }

    func cancelAll() {
        running.withLock { running in
            for entry in running.tasks.values { entry.task.cancel() }
            running.tasks.removeAll()
        }
    }
}
