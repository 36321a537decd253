import Foundation
import ImageBrowser
import QingCloud

/// Runs every effect the browser asks for, the one place where they happen: network requests and
/// timers as tasks that post their results back as events; quitting and copying as what the terminal
/// loop must do next on its own thread.
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
        /// Turn mouse reporting on or off.
        case setMouse(Bool)
    }

    private let service: any ImageService
    private let post: @Sendable (BrowserEvent) -> Void
    /// How a copy reaches the clipboard, found out at each copy (inside tmux, see ``TmuxClipboard``).
    private let clipboard: @Sendable () -> ClipboardRoute
    /// Writes the setup screen's changes to the settings file (the executable's, which knows the file).
    private let saveSettings: @Sendable ([SetupChange]) -> SettingsSaveOutcome
    private let tasks = TaskTable()

    init(
        service: any ImageService, clipboard: @escaping @Sendable () -> ClipboardRoute = { ClipboardRoute(forms: [.none]) },
        saveSettings: @escaping @Sendable ([SetupChange]) -> SettingsSaveOutcome = BrowserSession.noSettingsFile,
        post: @escaping @Sendable (BrowserEvent) -> Void
    ) {
        self.service = service
        self.clipboard = clipboard
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

    /// Cancels every request and timer; nothing more is posted for them.
    func cancelAll() {
        tasks.cancelAll()
    }
}
