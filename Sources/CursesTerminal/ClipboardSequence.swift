import Foundation

/// The escape sequence that asks the terminal to put text on the system clipboard (OSC 52).
///
/// Copying works over SSH because the terminal, not the remote host, owns the clipboard. GNU screen
/// swallows OSC 52 from programs, so the sequence is wrapped in its pass-through; inside tmux,
/// ``TmuxClipboard`` chooses between the plain sequence and tmux's pass-through from tmux's options.
enum ClipboardSequence {
    /// Larger payloads are refused: terminals drop them (xterm's limit is about 100 kB).
    static let maximumEncodedLength = 100_000
    /// GNU screen cuts string sequences longer than this, so the sequence goes in several pieces.
    static let screenChunkLength = 252

    /// What sits between the program and the terminal.
    enum Multiplexer: Sendable, Equatable {
        case none, tmux, screen

        /// tmux when `TMUX` is set (tmux's default `TERM` starts with `screen` too), else screen by `TERM`.
        init(environment: [String: String]) {
            if let tmux = environment["TMUX"], !tmux.isEmpty {
                self = .tmux
            } else if environment["TERM", default: ""].hasPrefix("screen") {
                self = .screen
            } else {
                self = .none
            }
        }
    }

    /// The bytes to write to the terminal, or nil when the text is too long to copy.
    static func bytes(copying text: String, through multiplexer: Multiplexer) -> [UInt8]? {
        let encoded = Data(text.utf8).base64EncodedString()
        guard encoded.utf8.count <= maximumEncodedLength else { return nil }
        let escape = "\u{1B}"
        switch multiplexer {
        case .none:
            return Array("\(escape)]52;c;\(encoded)\(escape)\\".utf8)
        case .tmux:
            let doubled = "\(escape)\(escape)]52;c;\(encoded)\(escape)\(escape)\\"
            return Array("\(escape)Ptmux;\(doubled)\(escape)\\".utf8)
        case .screen:
            let sequence = Array("\(escape)]52;c;\(encoded)\u{07}".utf8)
            var wrapped: [UInt8] = []
            for start in stride(from: 0, to: sequence.count, by: screenChunkLength) {
                wrapped += Array("\(escape)P".utf8)
                wrapped += sequence[start..<min(start + screenChunkLength, sequence.count)]
                wrapped += Array("\(escape)\\".utf8)
            }
            return wrapped
        }
    }
}
