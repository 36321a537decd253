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
    /// Run one DescribeInstances request (what uses an image, for the detail pane) and post
    /// ``BrowserEvent/instancesFetched(_:_:)`` with the same id.
    case describeInstances(RequestID, InstanceQuery)
    /// Count the instances of each image (``InstanceService/instanceCounts(of:zone:)``: 100 ids a request,
    /// paged) and post ``BrowserEvent/instancesCounted(_:_:)`` with the same id.
    case countInstances(RequestID, imageIDs: [String], zone: String?)
    /// Abandon a request: its answer is no longer wanted and must not be posted.
    case cancel(RequestID)
    /// Post ``BrowserEvent/timerFired(_:)`` after the delay, replacing any pending timer of the same kind.
    case schedule(BrowserTimer, after: Duration)
    /// Run one of the user's commands (``UserCommand/Output``): in the terminal, given back to it, or in the
    /// background; either way post ``BrowserEvent/commandEnded(_:)`` when it ends.
    case runCommand(CommandRun)
    /// Write the view to the settings file (added, or replacing the one of its name) and post
    /// ``BrowserEvent/viewSaved(_:failure:)``.
    case saveView(BrowserView)
    /// Write what the setup screen changed to the settings file and post
    /// ``BrowserEvent/settingsSaved(_:)`` with how it went.
    case saveSettings([SetupChange])
    /// Turn the terminal's mouse reporting on or off (the setup screen's Mouse).
    case setMouse(Bool)
}
