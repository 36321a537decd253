import Foundation
import Testing

@testable import CursesTerminal

@Suite struct ClipboardSequenceTests {
    private func text(_ bytes: [UInt8]?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func plainTerminalsGetOSC52EndedBySTWithTheTextInBase64() {
        let sequence = text(ClipboardSequence.bytes(copying: "img-abc123", through: .none))
        #expect(sequence == "\u{1B}]52;c;aW1nLWFiYzEyMw==\u{1B}\\")
    }

    @Test func tmuxGetsAPassThroughWithItsInnerEscapesDoubled() {
        let sequence = text(ClipboardSequence.bytes(copying: "img-abc123", through: .tmux))
        #expect(sequence == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aW1nLWFiYzEyMw==\u{1B}\u{1B}\\\u{1B}\\")
    }

    @Test func screenGetsTheSequenceInPiecesScreenAccepts() throws {
        let long = String(repeating: "镜像", count: 200)
        let sequence = try #require(text(ClipboardSequence.bytes(copying: long, through: .screen)))
        let pieces = sequence.components(separatedBy: "\u{1B}\\").dropLast()
        #expect(pieces.count > 1)
        for piece in pieces {
            #expect(piece.hasPrefix("\u{1B}P"))
            #expect(piece.utf8.count <= ClipboardSequence.screenChunkLength + 2)
        }
        let inner = pieces.map { String($0.dropFirst(2)) }.joined()
        let encoded = Data(long.utf8).base64EncodedString()
        #expect(inner == "\u{1B}]52;c;\(encoded)\u{07}")
        #expect(sequence.hasSuffix("\u{1B}\\"))
    }

    @Test func textTooLongForTerminalsIsRefused() {
        let limit = ClipboardSequence.maximumEncodedLength / 4 * 3
        #expect(ClipboardSequence.bytes(copying: String(repeating: "a", count: limit), through: .none) != nil)
        #expect(ClipboardSequence.bytes(copying: String(repeating: "a", count: limit + 1), through: .none) == nil)
    }

    @Test func multiplexerComesFromTheEnvironment() {
        typealias Multiplexer = ClipboardSequence.Multiplexer
        #expect(Multiplexer(environment: ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"]) == .tmux)
        #expect(Multiplexer(environment: ["TERM": "screen.xterm-256color"]) == .screen)
        #expect(Multiplexer(environment: ["TERM": "xterm-256color"]) == .none)
        #expect(Multiplexer(environment: ["TMUX": "", "TERM": "xterm"]) == .none)
        #expect(Multiplexer(environment: [:]) == .none)
    }
}

@Suite struct TmuxClipboardTests {
    @Test func setClipboardOnGetsPlainOSC52WhichTmuxStoresAndPassesOn() {
        #expect(TmuxClipboard(setClipboard: "on", allowPassthrough: "off").multiplexers == [.none])
        #expect(TmuxClipboard(setClipboard: "on", allowPassthrough: "on").multiplexers == [.none])
    }

    @Test func withoutSetClipboardThePassThroughIsUsedWhereTmuxAllowsIt() {
        #expect(TmuxClipboard(setClipboard: "external", allowPassthrough: "on").multiplexers == [.tmux])
        #expect(TmuxClipboard(setClipboard: "off", allowPassthrough: "all").multiplexers == [.tmux])
        // tmux before 3.3 has no allow-passthrough and always passes the sequence through.
        #expect(TmuxClipboard(setClipboard: "external", allowPassthrough: nil).multiplexers == [.tmux])
    }

    @Test func whenTmuxDropsEveryFormTheReasonNamesTheSettingAndTheFix() {
        let dropped = TmuxClipboard(setClipboard: "external", allowPassthrough: "off")
        #expect(dropped.multiplexers.isEmpty)
        #expect(dropped.unavailableReason
            == "cannot copy: tmux drops it (set-clipboard external); run: tmux set -g set-clipboard on")
        #expect(TmuxClipboard(setClipboard: "on", allowPassthrough: "off").unavailableReason == nil)
    }

    @Test func whenTmuxCannotBeAskedBothFormsAreSent() {
        #expect(TmuxClipboard(setClipboard: nil, allowPassthrough: nil).multiplexers == [.none, .tmux])
        #expect(TmuxClipboard(setClipboard: nil, allowPassthrough: nil).unavailableReason == nil)
    }
}
