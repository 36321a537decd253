import FilterLanguage

/// The filter: the text being edited and the filter applied to the list (updated on every keystroke).
struct FilterBar: Sendable {
    var text = ""
    /// Caret position in characters.
    var caret = 0
    var isEditing = false
    var applied = ImageFilter.empty
    /// Bumped on every change, so that a debounce timer for an older text is ignored.
    var generation = 0
}
