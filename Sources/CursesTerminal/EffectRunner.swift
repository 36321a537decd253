import Foundation
import ImageBrowser
import QingCloud

/// Runs the browser's network and timer effects as tasks and posts their results back as events.
///
/// The update function stays pure and the UI never waits: each fetch and each timer is its own task.
/// `.quit` and `.copyToClipboard` are ignored here; the terminal loop handles them.
public final class EffectRunner: Sendable {
    private let service: any ImageService
    private let post: @Sendable (BrowserEvent) -> Void
    private let tasks = TaskTable()

    public init(service: any ImageService, post: @escaping @Sendable (BrowserEvent) -> Void) {
        self.service = service
        self.post = post
    }

    public func run(_ effect: BrowserEffect) {
        switch effect {
        case .quit, .copyToClipboard:
            break
        case .fetch(let id, let query):
            let service = self.service, post = self.post, tasks = self.tasks
            tasks.start(.request(id)) { token in
                Task {
                    let result: Result<ImagePage, QingCloudError>
                    do {
                        result = .success(try await service.describeImages(query))
                    } catch let error as QingCloudError {
                        result = .failure(error)
                    } catch is CancellationError {
                        result = .failure(.cancelled)
                    } catch {
                        let failure = TransportFailure(kind: .other, endpoint: "the API", detail: String(describing: error))
                        result = .failure(.transport(failure))
                    }
                    tasks.finish(.request(id), token: token)
                    if !Task.isCancelled { post(.fetched(id, result)) }
                }
            }
        case .cancel(let id):
            tasks.cancel(.request(id))
        case .schedule(let timer, let delay):
            let post = self.post, tasks = self.tasks
            tasks.start(.timer(timer.kind)) { token in
                Task {
                    do {
                        try await Task.sleep(for: delay)
                    } catch {
                        return
                    }
                    tasks.finish(.timer(timer.kind), token: token)
                    if !Task.isCancelled { post(.timerFired(timer)) }
                }
            }
        }
    }

    /// Cancels every request and timer; nothing more is posted for them.
    public func cancelAll() {
        tasks.cancelAll()
    }
}

/// The running tasks by what they are for, so that a request can be cancelled by id and a timer
/// replaced by the next one of its kind.
private final class TaskTable: @unchecked Sendable {
    enum Key: Hashable {
        case request(RequestID)
        case timer(BrowserTimer.Kind)
    }

    private let lock = NSLock()
    private var running: [Key: (token: Int, task: Task<Void, Never>)] = [:]
    private var nextToken = 0

    /// Starts a task under `key` (cancelling the one it replaces). The lock is held while the task is
    /// created, so the task cannot finish before it is registered.
    func start(_ key: Key, _ makeTask: (Int) -> Task<Void, Never>) {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        running[key]?.task.cancel()
        running[key] = (nextToken, makeTask(nextToken))
    }

    /// Forgets a task that ended, unless another task has taken its key since.
    func finish(_ key: Key, token: Int) {
        lock.lock()
        defer { lock.unlock() }
        if running[key]?.token == token { running[key] = nil }
    }

    func cancel(_ key: Key) {
        lock.lock()
        defer { lock.unlock() }
        running.removeValue(forKey: key)?.task.cancel()
    }

    func cancelAll() {
        lock.lock()
        defer { lock.unlock() }
        for entry in running.values { entry.task.cancel() }
        running.removeAll()
    }
}
