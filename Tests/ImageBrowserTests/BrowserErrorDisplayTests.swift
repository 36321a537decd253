import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

@Suite("Browser errors on screen")
struct BrowserErrorDisplayTests {
    /// As the simulator words a zone it does not serve: longer than any terminal line.
    static let zoneRefused = QingCloudError.api(
        APIError(code: 1100, message: "InvalidRequest, zone [sh1a] is not served by this endpoint, which serves pek3a only; "
            + "check the zone in the config file, QINGCLOUD_ZONE or -z/--zone, and that the endpoint is the one for that zone"),
        hint: "check the request parameters")

    /// A browser whose first page failed with `error`: nothing loaded.
    static func failing(_ error: QingCloudError, size: TerminalSize = TerminalSize(width: 120, height: 40)) -> Harness {
        var harness = Harness(images: Fixtures.images(10), size: size)
        harness.answerNext(with: .failure(error))
        return harness
    }

    /// The text of a frame's rows between `from` and `to` columns, trimmed, joined with spaces: a
    /// wrapped text reads as one line again.
    static func joined(_ frame: Frame, rows: Range<Int>, columns: Range<Int>) -> String {
        rows.map { row in
            let cells = Array(frame.row(row))
            return cells[columns.clamped(to: 0..<cells.count)].map(\.text).joined().trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static let transport: [(TransportFailure.Kind, String)] = [
        (.timeout, "the server is not answering"),
        (.connectionClosed, "the server is not answering"),
        (.connectionRefused, "the server cannot be reached"),
        (.dnsFailure, "the server cannot be reached"),
        (.tls, "the server cannot be reached"),
    ]

    @Test("the empty list says what kind of failure it was: \"not answering\" only when there was no answer",
          arguments: [
              (zoneRefused, "the server refused the request"),
              (QingCloudError.httpStatus(code: 502, excerpt: "<html>bad gateway"), "the server answered with HTTP error 502"),
              (QingCloudError.malformedResponse(reason: "not JSON", offset: 0, excerpt: "<html>"), "the server's answer could not be read"),
          ] + transport.map { kind, words in
              (QingCloudError.transport(TransportFailure(kind: kind, endpoint: "http://127.0.0.1:1/iaas", detail: "x")), words)
          })
    func bodyWordedByKind(error: QingCloudError, words: String) {
        let text = Self.failing(error).render().text
        #expect(text.contains("no images loaded: " + words))
        #expect(text.contains("not answering") == words.contains("not answering"))
    }

    @Test("with nothing loaded, the whole error is wrapped in the list, with when the next try is")
    func wholeErrorWrappedInTheList() throws {
        let harness = Self.failing(Self.zoneRefused)
        let frame = harness.render()
        let list = try #require(harness.state.geometry.layout.list)
        let body = Self.joined(frame, rows: (list.y + 1)..<list.maxY, columns: list.x..<list.maxX)
        #expect(body.contains(Sanitizer.forDisplay(Self.zoneRefused.description)))
        #expect(body.contains("next try in 2s · r tries now · ⏎ the whole error"))
    }

    @Test("the header's error line says how to read the rest when it is cut")
    func headerSaysHowToReadTheRest() {
        let line = Self.failing(Self.zoneRefused).render().text(ofRow: 2)
        #expect(line.contains("bad request (ret_code 1100): InvalidRequest"))
        #expect(line.contains("… (! shows all)"))
        let short = Self.failing(.httpStatus(code: 502, excerpt: "")).render().text(ofRow: 2)
        #expect(!short.contains("shows all"))
    }

    @Test("Enter on an empty list, or ! anywhere, shows the whole error; Esc or ! closes it",
          arguments: [Key.enter, .character("!")])
    func overlayShowsTheWholeError(key: Key) {
        var harness = Self.failing(Self.zoneRefused, size: TerminalSize(width: 80, height: 24))
        harness.press(key)
        guard case .error = harness.state.overlay else {
            Issue.record("no error overlay")
            return
        }
        let box = OverlayBox(size: TerminalSize(width: 80, height: 24)).rect
        let content = Self.joined(harness.render(80, 24), rows: (box.y + 1)..<(box.maxY - 1), columns: (box.x + 1)..<(box.maxX - 1))
        #expect(content.contains(Sanitizer.forDisplay(Self.zoneRefused.description)))
        #expect(content.contains("the server refused the request"))
        harness.press(key == .enter ? .escape : key)
        #expect(harness.state.overlay == nil)
    }

    @Test("! with images loaded shows the last refresh error; with no error it says so")
    func bangWithRows() {
        var harness = Harness(images: Fixtures.images(10))
        harness.answerAll()
        harness.press(.character("!"))
        #expect(harness.state.overlay == nil)
        #expect(harness.state.message?.text.contains("no error") == true)
        harness.fire(.refresh)
        harness.answerAll(with: .failure(Self.zoneRefused))
        harness.press(.enter)
        #expect(harness.state.detailFullScreen)
        harness.press(.escape, .character("!"))
        guard case .error(let error, _) = harness.state.overlay else {
            Issue.record("no error overlay")
            return
        }
        #expect(error.kind == .refused)
    }
}
