import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// What uses an image: the detail pane's "Used by" and the INSTANCES column, asked of DescribeInstances
/// once the selection stands still, kept one refresh interval, unknown (with why) when it cannot be asked.
@Suite("What uses an image")
struct BrowserUsedByTests {
    /// 30 images; the first used by 7 instances (one ceased, not counted), the second by one, the rest by none.
    static func harness(size: TerminalSize = TerminalSize(width: 130, height: 40), count: Int = 30,
                        refresh: Duration? = .seconds(5), showsInstanceCount: Bool = false) -> Harness {
        var harness = Harness(images: Fixtures.images(count), size: size, refresh: refresh, showsInstanceCount: showsInstanceCount)
        harness.server.instances = (1...7).map { number in
            Instance(id: "i-0000000\(number)", name: "web-\(number)", status: number == 7 ? .ceased : .running,
                     imageID: Fixtures.id(1))
        } + [Instance(id: "i-00000010", name: "db", status: .stopped, imageID: Fixtures.id(2))]
        harness.answerAll()
        return harness
    }

    static func detailText(_ harness: Harness) -> String { harness.render(130, 40).text }

    @Test("the detail asks once the selection stands still: loading…, then the count and the first five")
    func asksWhenShown() throws {
        var harness = Self.harness()
        #expect(harness.instanceRequests.isEmpty)
        #expect(Self.detailText(harness).contains("Used by     loading…"))
        harness.fire(.instances)
        let request = try #require(harness.instanceRequests.first)
        #expect(harness.instanceRequests.count == 1)
        #expect(request.query.imageIDs == [Fixtures.id(1)])
        #expect(request.query.limit == 5)
        #expect(request.query.zone == nil)
        harness.answerInstances()
        let text = Self.detailText(harness)
        #expect(text.contains("Used by     6 instances"))
        #expect(text.contains("i-00000001  running    web-1"))
        #expect(text.contains("i-00000005  running    web-5"))
        #expect(!text.contains("i-00000006"))
        #expect(text.contains("… 1 more"))
    }

    @Test("holding ↓ through 25 rows asks nothing on the way, then once, about where it stopped")
    func noFloodOnFastMoves() throws {
        var harness = Self.harness()
        for _ in 0..<25 { harness.press(.down) }
        #expect(harness.instanceRequests.isEmpty)
        harness.fire(.instances)
        #expect(harness.instanceRequests.map(\.query.imageIDs) == [[Fixtures.id(26)]])
        harness.answerInstances()
        #expect(Self.detailText(harness).contains("Used by     no instances"))
        #expect(harness.timers[.instances] == nil)
    }

    @Test("an answer is kept one refresh interval; shown after that, it is asked again (the old one shown meanwhile)")
    func keptForOneInterval() throws {
        var harness = Self.harness()
        harness.fire(.instances)
        harness.answerInstances()
        harness.press(.down)
        harness.fire(.instances)
        harness.answerInstances()
        #expect(Self.detailText(harness).contains("Used by     1 instance"))
        harness.press(.up)
        #expect(harness.timers[.instances] == nil, "a fresh answer is not asked again")
        #expect(Self.detailText(harness).contains("Used by     6 instances"))
        harness.advance(5)
        harness.press(.down, .up)
        harness.fire(.instances)
        #expect(harness.instanceRequests.map(\.query.imageIDs) == [[Fixtures.id(1)]])
        #expect(Self.detailText(harness).contains("Used by     6 instances"))
    }

    @Test("an image left on screen is asked again when its answer runs out, with no key pressed")
    func askedAgainWhileShown() throws {
        var harness = Self.harness(refresh: nil)
        harness.fire(.instances)
        harness.answerInstances()
        let tick = try #require(harness.timers[.tick])
        #expect(tick.delay <= .seconds(60))
        harness.advance(60)
        harness.send(.timerFired(tick.timer))
        harness.fire(.instances)
        #expect(harness.instanceRequests.map(\.query.imageIDs) == [[Fixtures.id(1)]])
    }

    @Test("a key that may not call DescribeInstances: unknown with that reason, not zero; other failures say what failed")
    func unknownOnFailure() throws {
        var harness = Self.harness()
        harness.fire(.instances)
        harness.answerInstances(with: .failure(.api(
            APIError(.permissionDenied, message: "PermissionDenied, the access key may not call [DescribeInstances]"), hint: nil)))
        let text = Self.detailText(harness)
        #expect(text.contains("Used by     unknown: this key may not call"))
        #expect(text.contains("            DescribeInstances"))
        harness.press(.down)
        harness.fire(.instances)
        let failure = TransportFailure(kind: .timeout, endpoint: "the API", detail: "no answer in 30 s")
        harness.answerInstances(with: .failure(.transport(failure)))
        #expect(Self.detailText(harness).contains("Used by     unknown: the server is not answering"))
        #expect(harness.state.health.error == nil, "the images' connection is not the one failing")
    }

    @Test("without the detail pane nothing is asked")
    func nothingWithoutDetail() {
        var harness = Self.harness(size: TerminalSize(width: 40, height: 12))
        harness.press(.down)
        #expect(harness.timers[.instances] == nil)
        #expect(harness.instanceRequests.isEmpty)
    }

    @Test("with several zones the detail asks the selected image's zone")
    func asksTheImagesZone() throws {
        var harness = Harness(zones: [("pek3a", Fixtures.images(3)), ("sh1a", [Fixtures.image(9)])])
        harness.answerAll()
        while harness.selectedKey != "sh1a/" + Fixtures.id(9) { harness.press(.down) }
        harness.fire(.instances)
        let request = try #require(harness.instanceRequests.last)
        #expect(request.query.zone == "sh1a")
        #expect(request.query.imageIDs == [Fixtures.id(9)])
    }

    @Test("the INSTANCES column is not shown unless chosen")
    func columnNotByDefault() {
        let harness = Self.harness(size: TerminalSize(width: 200, height: 40))
        #expect(!harness.state.geometry.columns.contains { $0.column == .instances })
        #expect(ImageField.columns.contains(.instances) && !ImageField.standardColumns.contains(.instances))
        #expect(!ImageField.documented.contains(.instances))
        #expect(ImageField.instances.csvHeader == "instances" && !ImageField.instances.declaration.isInImage)
    }

    @Test("chosen, the INSTANCES column counts the rows on screen in one request: … until known, ? on failure")
    func columnCounts() throws {
        var harness = Self.harness(size: TerminalSize(width: 200, height: 40), count: 120, showsInstanceCount: true)
        #expect(harness.state.geometry.columns.contains { $0.column == .instances })
        #expect(harness.render(200, 40).text.contains("INSTANCES"))
        harness.fire(.instances)
        let request = try #require(harness.countRequests.first)
        #expect(harness.countRequests.count == 1)
        let onScreen = harness.state.geometry.listRows
        #expect(request.imageIDs == Array(Fixtures.images(120).prefix(onScreen).map(\.id)))
        let rowOf = { (harness: Harness, id: String) in
            harness.render(200, 40).text.split(separator: "\n").first { $0.contains(id) }.map(String.init) ?? ""
        }
        #expect(rowOf(harness, Fixtures.id(1)).contains("…"))
        harness.answerCounts()
        #expect(rowOf(harness, Fixtures.id(1)).contains(" 6│"))
        #expect(rowOf(harness, Fixtures.id(2)).contains(" 1│"))
        #expect(rowOf(harness, Fixtures.id(3)).contains(" 0│"))
        // Scrolling down asks about the rows that came into view only, and a failure shows ?.
        harness.press(.pageDown)
        harness.fire(.instances)
        let next = try #require(harness.countRequests.first)
        #expect(!next.imageIDs.contains(Fixtures.id(1)))
        let lastOnScreen = Fixtures.id(2 * onScreen - 1)
        #expect(next.imageIDs.contains(lastOnScreen))
        harness.answerCounts(failing: .api(APIError(.permissionDenied, message: "PermissionDenied"), hint: nil))
        #expect(rowOf(harness, lastOnScreen).contains(" ?│"))
    }
}
