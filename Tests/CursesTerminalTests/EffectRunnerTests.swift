import Foundation
import QingCloud
import QingCloudSimulator
import Synchronization
import Testing
@testable import CursesTerminal
@testable import ImageBrowser

private struct Boom: Error {}

/// The in-process service, except that a request for `blockingSearchWord` never answers until
/// cancelled (reporting the cancellation on `cancellations`) and one for "boom" fails with a
/// non-API error.
private struct BlockingImageService: ImageService, InstanceService {
    let server: InProcessImageService
    let blockingSearchWord: String?
    let cancellations: AsyncStream<String>.Continuation?

    func describeImages(_ query: ImageQuery) async throws -> ImagePage {
        if let word = blockingSearchWord, query.searchWord == word {
            do {
                try await Task.sleep(for: .seconds(3_600))
            } catch {
                cancellations?.yield(word)
                throw QingCloudError.cancelled
            }
        }
        if query.searchWord == "boom" { throw Boom() }
        return try server.answer(query).get()
    }

    func describeInstances(_ query: InstanceQuery) async throws -> InstancePage {
        try server.answer(query).get()
    }
}

@Suite("EffectRunner")
struct EffectRunnerTests {
    private static let now = Date(timeIntervalSince1970: 1_717_243_200)
    private static let images = SeededCatalogue.generate(count: 5, seed: 3, now: now)

    private static func runner(
        blocking: String? = nil, cancellations: AsyncStream<String>.Continuation? = nil
    ) -> (EffectRunner, AsyncStream<BrowserEvent>) {
        let (events, continuation) = AsyncStream<BrowserEvent>.makeStream()
        let service = BlockingImageService(server: InProcessImageService(images: images), blockingSearchWord: blocking,
                                           cancellations: cancellations)
        let runner = EffectRunner(service: service) { continuation.yield($0) }
        return (runner, events)
    }

    @Test("a fetch posts the page it got")
    func fetchPosts() async throws {
        let (runner, events) = Self.runner()
        runner.run(.fetch(RequestID(7), ImageQuery(offset: 0, limit: 2)))
        var iterator = events.makeAsyncIterator()
        let event = try #require(await iterator.next())
        guard case .fetched(let id, .success(let page)) = event else {
            Issue.record("unexpected \(event)")
            return
        }
        #expect(id == RequestID(7))
        #expect(page.totalCount == 5)
        #expect(page.images.map(\.id) == Self.images.prefix(2).map(\.id))
        runner.cancelAll()
    }

    @Test("DescribeInstances and the instance counts post their answers under the request's id")
    func instanceRequestsPost() async throws {
        var server = InProcessImageService(images: Self.images)
        server.instances = [Instance(id: "i-1", name: "web", status: .running, imageID: Self.images[0].id),
                            Instance(id: "i-2", name: "db", status: .ceased, imageID: Self.images[0].id)]
        let (events, continuation) = AsyncStream<BrowserEvent>.makeStream()
        let runner = EffectRunner(service: server) { continuation.yield($0) }
        var iterator = events.makeAsyncIterator()
        runner.run(.describeInstances(RequestID(3), InstanceQuery(imageIDs: [Self.images[0].id], limit: 5)))
        guard case .instancesFetched(RequestID(3), .success(let page)) = try #require(await iterator.next()) else {
            Issue.record("no instances posted")
            return
        }
        #expect(page.totalCount == 1 && page.instances.map(\.id) == ["i-1"])
        runner.run(.countInstances(RequestID(4), imageIDs: Self.images.prefix(2).map(\.id), zone: nil))
        guard case .instancesCounted(RequestID(4), .success(let counts)) = try #require(await iterator.next()) else {
            Issue.record("no counts posted")
            return
        }
        #expect(counts == [Self.images[0].id: 1, Self.images[1].id: 0])
        runner.cancelAll()
    }

    /// Inside tmux the route is asked at each copy: a refusal comes back with its reason, and a fix made
    /// since (`tmux set -g set-clipboard on`) counts at the next copy.
    @Test func theClipboardRouteIsAskedAtEachCopy() {
        let refusal = "cannot copy: tmux drops it (set-clipboard external); run: tmux set -g set-clipboard on"
        let routes = Mutex([ClipboardRoute(forms: [], refusal: refusal), ClipboardRoute(forms: [.none])])
        let runner = EffectRunner(service: InProcessImageService(images: []),
                                  clipboard: { routes.withLock { $0.removeFirst() } }, post: { _ in })
        #expect(runner.run(.copyToClipboard("img-1")) == .copyRefused(refusal))
        #expect(runner.run(.copyToClipboard("img-1")) == .write(Array("\u{1B}]52;c;aW1nLTE=\u{1B}\\".utf8)))
    }

    @Test("saving a view runs the executable's writer off the caller and posts what it answered")
    func saveViewPosts() async throws {
        let (events, continuation) = AsyncStream<BrowserEvent>.makeStream()
        let written = Mutex<[String]>([])
        let runner = EffectRunner(service: InProcessImageService(images: []), saveView: { view in
            written.withLock { $0.append(view.name) }
            return view.name == "refused" ? "settings not saved to ~/.config/qcimages/config.yaml: it is not valid YAML" : nil
        }, post: { continuation.yield($0) })
        var iterator = events.makeAsyncIterator()
        let view = BrowserView(name: "mine", filter: "os:ubuntu", sort: SortSetting(field: .size, descending: true))
        #expect(runner.run(.saveView(view)) == nil)
        guard case .viewSaved(let saved, failure: nil) = try #require(await iterator.next()) else {
            Issue.record("the save was not posted as done")
            return
        }
        #expect(saved == view)
        runner.run(.saveView(BrowserView(name: "refused", filter: "")))
        guard case .viewSaved(_, failure: let failure?) = try #require(await iterator.next()) else {
            Issue.record("the refusal was not posted")
            return
        }
        #expect(failure.hasSuffix("it is not valid YAML"))
        #expect(written.withLock { $0 } == ["mine", "refused"])
    }

    @Test("API errors come back as they are; other errors as a transport failure")
    func errorsPosted() async throws {
        let (runner, events) = Self.runner()
        var iterator = events.makeAsyncIterator()
        runner.run(.fetch(RequestID(1), ImageQuery(imageIDs: ["img-missing"])))
        let first = try #require(await iterator.next())
        guard case .fetched(_, .failure(.api(let error, _))) = first else {
            Issue.record("unexpected \(first)")
            return
        }
        #expect(error.returnCode == .resourceNotFound)
        runner.run(.fetch(RequestID(2), ImageQuery(searchWord: "boom")))
        let second = try #require(await iterator.next())
        guard case .fetched(RequestID(2), .failure(.transport(let failure))) = second else {
            Issue.record("unexpected \(second)")
            return
        }
        #expect(failure.kind == .other)
    }

    @Test("cancel stops the request, and only the newer request's answer is posted")
    func cancelStopsRequest() async throws {
        let (cancellations, cancellationContinuation) = AsyncStream<String>.makeStream()
        let (runner, events) = Self.runner(blocking: "slow", cancellations: cancellationContinuation)
        runner.run(.fetch(RequestID(1), ImageQuery(searchWord: "slow")))
        runner.run(.cancel(RequestID(1)))
        var cancelled = cancellations.makeAsyncIterator()
        #expect(await cancelled.next() == "slow")
        runner.run(.fetch(RequestID(2), ImageQuery(searchWord: Self.images[2].id)))
        var iterator = events.makeAsyncIterator()
        let event = try #require(await iterator.next())
        guard case .fetched(let id, .success(let page)) = event else {
            Issue.record("unexpected \(event)")
            return
        }
        #expect(id == RequestID(2))
        #expect(page.images.map(\.id) == [Self.images[2].id])
    }

    @Test("a timer posts its event; scheduling the same kind again replaces it")
    func timers() async throws {
        let (runner, events) = Self.runner()
        // Were the first timer left running, it would fire first, long before the second.
        runner.run(.schedule(BrowserTimer(.tick, generation: 1), after: .milliseconds(10)))
        runner.run(.schedule(BrowserTimer(.tick, generation: 2), after: .milliseconds(300)))
        var iterator = events.makeAsyncIterator()
        let event = try #require(await iterator.next())
        guard case .timerFired(let timer) = event else {
            Issue.record("unexpected \(event)")
            return
        }
        #expect(timer == BrowserTimer(.tick, generation: 2))
        runner.cancelAll()
    }

    @Test("quit and copy come back to the terminal loop; the other effects leave it nothing to do")
    func terminalActions() {
        let (runner, _) = Self.runner()
        #expect(runner.run(.quit) == .quit)
        #expect(runner.run(.copyToClipboard("img-1")) == .write(Array("\u{1B}]52;c;aW1nLTE=\u{1B}\\".utf8)))
        #expect(runner.run(.copyToClipboard(String(repeating: "x", count: 200_000))) == nil)
        #expect(runner.run(.schedule(BrowserTimer(.refresh, generation: 1), after: .seconds(3_600))) == nil)
        #expect(runner.run(.cancel(RequestID(1))) == nil)
        runner.cancelAll()
    }

    @Test("the browser and the runner together load a catalogue")
    func endToEnd() async throws {
        let (runner, events) = Self.runner()
        var state = BrowserState(options: BrowserOptions(endpointLabel: "test", zones: ["pek3a"], refreshInterval: nil, pageSize: 2))
        for effect in Browser.start(&state, now: Self.now) { runner.run(effect) }
        var iterator = events.makeAsyncIterator()
        while !state.isFullyLoaded, let event = await iterator.next() {
            for effect in Browser.update(&state, event, now: Self.now) { runner.run(effect) }
        }
        let listed = Self.images.filter { $0.status != .ceased }.map(\.id)
        #expect(state.listSlots.map { state.catalog.image(at: $0).id } == listed)
        runner.cancelAll()
    }
}
