import TerminalVocabulary

/// A run of text in one style: lines of the detail pane, overlays and the header are made of them.
struct Span: Sendable, Hashable {
    var text: String
    var style: CellStyle

    init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}

typealias StyledLine = [Span]

extension StyledLine {
    /// The cells the line takes on screen.
    var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
