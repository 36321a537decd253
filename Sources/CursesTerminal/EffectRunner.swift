import Foundation
import ImageBrowser
import QingCloud

/// Runs every effect the browser asks for, the one place where they happen: network requests and
/// timers as tasks that post their results back as events; background user commands as processes whose
/// end is posted; quitting, copying and terminal user commands as what the terminal loop must do next
/// on its own thread.
///
/// The update function stays pure and the UI never waits: each fetch and each timer is its own task.
final class EffectRunner: Sendable {
    /// What the terminal loop does after an effect, on the thread that owns the terminal.
    enum TerminalAction: Sendable, Equatable {
        /// End the session.
        case quit
        /// End the session with these images chosen (pick).
        case choose([Image])
        /// Write these bytes to the terminal between frames (the clipboard sequence).
        case write([UInt8])
        /// The copy cannot reach the clipboard: tell the browser why (``BrowserEvent/copyRefused(_:)``).
        case copyRefused(String)
        /// Give the terminal to this user command until it ends (``TerminalCommand``).
        case runInTerminal(CommandRun)
        /// Turn mouse reporting on or off.
        case setMouse(Bool)
    }

    private let service: any ImageService & InstanceService
    private let post: @Sendable (BrowserEvent) -> Void
    /// How a copy reaches the clipboard, found out at each copy (inside tmux, see ``TmuxClipboard``).
    private let clipboard: @Sendable () -> ClipboardRoute
    /// Writes a view to the settings file (the executable's): nil when written, else why not.
    private let saveView: @Sendable (BrowserView) -> String?
    /// Writes the setup screen's changes to the settings file (the executable's, which knows the file).
    private let saveSettings: @Sendable ([SetupChange]) -> SettingsSaveOutcome
    private let tasks = TaskTable()
    /// Starts the user's commands.
    let launcher: CommandLauncher

    init(
        service: any ImageService & InstanceService, clipboard: @escaping @Sendable () -> ClipboardRoute = { ClipboardRoute(forms: [.none]) },
        launcher: CommandLauncher = CommandLauncher(environment: [:], logPath: nil),
        saveView: @escaping @Sendable (BrowserView) -> String? = { _ in "views cannot be saved here" },
        saveSettings: @escaping @Sendable ([SetupChange]) -> SettingsSaveOutcome = BrowserSession.noSettingsFile,
        post: @escaping @Sendable (BrowserEvent) -> Void
    ) {
        self.service = service
        self.clipboard = clipboard
        self.launcher = launcher
        self.saveView = saveView
        self.saveSettings = saveSettings
        self.post = post
    }

    /// Runs `effect`; returns what the terminal loop must do, if anything.
    @discardableResult
    func run(_ effect: BrowserEffect) -> TerminalAction? {
        switch effect {
        case .quit:
            return .quit
        case .choose(let images):
            return .choose(images)
        case .copyToClipboard(let text):
            let route = clipboard()
            if let refusal = route.refusal { return .copyRefused(refusal) }
            let bytes = route.forms.compactMap { ClipboardSequence.bytes(copying: text, through: $0) }
            return bytes.isEmpty ? nil : .write(Array(bytes.joined()))
        case .fetch(let id, let query):
            let service = self.service
            request(id, event: { .fetched(id, $0) }) { try await service.describeImages(query) }
        case .describeInstances(let id, let query):
            let service = self.service
            request(id, event: { .instancesFetched(id, $0) }) { try await service.describeInstances(query) }
        case .countInstances(let id, let imageIDs, let zone):
            let service = self.service
            request(id, event: { .instancesCounted(id, $0) }) { try await service.instanceCounts(of: imageIDs, zone: zone) }
        case .saveView(let view):
            // File I/O, off the terminal's thread; the answer comes back as an event.
            let saveView = self.saveView, post = self.post
            Task.detached { post(.viewSaved(view, failure: saveView(view))) }
        case .cancel(let id):
            tasks.cancel(.request(id))
        case .runCommand(let run) where run.command.output == .terminal:
            return .runInTerminal(run)
        case .runCommand(let run):
            launcher.startInBackground(run, post: post)
        case .setMouse(let on):
            return .setMouse(on)
        case .saveSettings(let changes):
            // On the loop's thread, at once: a few hundred bytes, written before a `q` typed next can end
            // the session.
            post(.settingsSaved(saveSettings(changes)))
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
        return nil
    }

    /// Runs one request as a task under `id` and posts its result as `event` makes it (an error as
    /// ``failure(_:)`` words it); a cancelled request posts nothing.
    private func request<Value: Sendable>(
        _ id: RequestID, event: @escaping @Sendable (Result<Value, QingCloudError>) -> BrowserEvent,
        _ ask: @escaping @Sendable () async throws -> Value
    ) {
        let post = self.post, tasks = self.tasks
        tasks.start(.request(id)) { token in
            Task {
                let result: Result<Value, QingCloudError>
                do {
                    result = .success(try await ask())
                } catch {
                    result = .failure(Self.failure(error))
                }
                tasks.finish(.request(id), token: token)
                if !Task.isCancelled { post(event(result)) }
            }
        }
    }

    /// A request's error as a ``QingCloudError``: as it is, `.cancelled`, or a transport failure.
    static func failure(_ error: any Error) -> QingCloudError {
        switch error {
        case let error as QingCloudError: error
        case is CancellationError: .cancelled
        default: .transport(TransportFailure(kind: .other, endpoint: "the API", detail: String(describing: error)))
        }
    }

    /// Cancels every request and timer; nothing more is posted for them.
    func cancelAll() {
        tasks.cancelAll()
    }
}
