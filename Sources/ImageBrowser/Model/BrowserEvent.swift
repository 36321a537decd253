import QingCloud
import TerminalVocabulary

/// Something that happened to the browser: input from the terminal, or the result of an effect.
public enum BrowserEvent: Sendable {
    case key(Key)
    /// Printable characters read from the terminal in one go (typed fast, or pasted by a terminal without
    /// bracketed paste): the filter bar takes them as one edit; elsewhere each acts as its key.
    case typed(String)
    /// A bracketed paste: goes into the filter bar (opened if need be) as one edit, never as keys.
    case pasted(String)
    case resize(TerminalSize)
    /// A click or a wheel notch (only with `--mouse`): what it does depends on what is under the pointer.
    case mouse(MouseEvent)
    /// A ``BrowserEffect/fetch(_:_:)`` finished. Cancelled requests post nothing.
    case fetched(RequestID, Result<ImagePage, QingCloudError>)
    /// A ``BrowserEffect/describeInstances(_:_:)`` finished.
    case instancesFetched(RequestID, Result<InstancePage, QingCloudError>)
    /// A ``BrowserEffect/countInstances(_:imageIDs:zone:)`` finished: instances by image id.
    case instancesCounted(RequestID, Result<[String: Int], QingCloudError>)
    /// A ``BrowserEffect/schedule(_:after:)`` timer went off.
    case timerFired(BrowserTimer)
    /// A ``BrowserEffect/copyToClipboard(_:)`` could not reach the clipboard (tmux drops it): why, and
    /// the fix. The terminal finds out when copying, so that a fix made meanwhile counts.
    case copyRefused(String)
    /// A ``BrowserEffect/runCommand(_:)`` ended (or could not start).
    case commandEnded(CommandEnd)
    /// A ``BrowserEffect/saveView(_:)`` finished: nil when the view is in the file, else why not (one line).
    case viewSaved(BrowserView, failure: String?)
    /// A ``BrowserEffect/saveSettings(_:)`` finished.
    case settingsSaved(SettingsSaveOutcome)
}

/// Names one DescribeImages (or DescribeInstances) request so that its answer can be matched to what asked for it, and so
/// that a superseded request can be cancelled.
public struct RequestID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: Int

    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public static func < (lhs: RequestID, rhs: RequestID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "#\(rawValue)" }
}

/// A timer the browser asked for. Each kind has at most one pending timer (scheduling one again replaces
/// it); the generation lets the browser ignore a timer that fires after it stopped caring.
public struct BrowserTimer: Sendable, Hashable {
    public enum Kind: Sendable, Hashable, CaseIterable {
        /// The pause after a filter keystroke before the filter goes to the server.
        case searchDebounce
        /// The next live refresh of what is on screen.
        case refresh
        /// The next try at loading pages after a failure (exponential backoff).
        case retryLoading
        /// The next request of a zone's rolling sweep: a round's sweep requests go out one at a time, the
        /// budget's share a second, not together.
        case sweep
        /// The pause after the selection or the list moved before asking what uses the images shown.
        case instances
        /// The next moment the screen changes by itself: a highlight or message expires, an age changes.
        case tick
    }

    public var kind: Kind
    public var generation: Int

    public init(_ kind: Kind, generation: Int) {
        self.kind = kind
        self.generation = generation
    }
}
