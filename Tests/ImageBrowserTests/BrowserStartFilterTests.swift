import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// `qcimages --filter` (and `pick --filter`): the browser opens with the filter bar filled and applied.
@Suite("Browser opened with --filter")
struct BrowserStartFilterTests {
    @Test("the filter is applied from the first page, the header shows it as after Enter in the bar, / edits it")
    func applied() {
        var harness = Harness(images: Fixtures.images(30), initialFilter: Fixtures.id(7))
        harness.answerAll()
        #expect(harness.visibleIDs == [Fixtures.id(7)])
        #expect(harness.state.filter.text == Fixtures.id(7))
        #expect(!harness.state.filter.isEditing)
        let frame = harness.render()
        #expect((0..<frame.size.height).contains { frame.text(ofRow: $0).contains("filter " + Fixtures.id(7)) })
        harness.press(.character("/"), .backspace)
        #expect(harness.state.filter.text == String(Fixtures.id(7).dropLast()))
    }

    @Test("an invalid term is shown as the bar shows it when typed; the others still filter")
    func invalid() {
        var typed = Harness(images: Fixtures.images(30))
        typed.answerAll()
        typed.press(.character("/"))
        typed.type("colour:red " + Fixtures.id(7))
        typed.press(.enter)

        var started = Harness(images: Fixtures.images(30), initialFilter: "colour:red " + Fixtures.id(7))
        started.answerAll()
        #expect(started.state.filter.applied.syntaxError != nil)
        #expect(started.visibleIDs == typed.visibleIDs)
        #expect(started.render() == typed.render())
    }
}
