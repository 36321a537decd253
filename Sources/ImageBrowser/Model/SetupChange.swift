/// A setting the setup screen (F2) changed, for the settings file: the terminal layer writes the
/// changes made in one visit when the screen is left (``BrowserEffect/saveSettings(_:)``).
public enum SetupChange: Sendable, Hashable {
    case columns(ColumnChoice)
    case sort(SortOrder)
    /// Nil: live refresh off.
    case refresh(Duration?)
    case theme(String)
    case mouse(Bool)
}

/// How writing the setup screen's changes went, for the footer's one line.
public enum SettingsSaveOutcome: Sendable, Hashable {
    /// Written to this file (as messages show it: `~/.config/qcimages/config.yaml`).
    case saved(file: String)
    /// Not written, and why, in one line; the settings still hold for this session.
    case notSaved(String)
}
