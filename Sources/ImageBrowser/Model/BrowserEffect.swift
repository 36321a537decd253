import QingCloud

/// Work the update function asks for; it never does I/O itself.
///
/// The terminal layer's effect runner runs them all.
public enum BrowserEffect: Sendable, Hashable {
    case quit
    /// Pick: end the session with these images chosen (Enter), for the command to print.
    case choose([Image])
    /// Put the text on the clipboard (OSC 52 in the terminal layer).
    case copyToClipboard(String)
    /// Run one DescribeImages request and post ``BrowserEvent/fetched(_:_:)`` with the same id.
    case fetch(RequestID, ImageQuery)
    /// Abandon a request: its answer is no longer wanted and must not be posted.
    case cancel(RequestID)
    /// Post ``BrowserEvent/timerFired(_:)`` after the delay, replacing any pending timer of the same kind.
    case schedule(BrowserTimer, after: Duration)
    /// Write what the setup screen changed to the settings file and post
    /// ``BrowserEvent/settingsSaved(_:)`` with how it went.
    case saveSettings([SetupChange])
    /// Turn the terminal's mouse reporting on or off (the setup screen's Mouse).
    case setMouse(Bool)
}
