import Foundation
import QingCloud
import QingCloudSimulator
@testable import ImageBrowser
import TerminalVocabulary

/// Fixed images and times for browser tests: same data every run.
enum Fixtures {
    /// 2024-06-01T12:00:00Z, the "now" of every test.
    static let now = Date(timeIntervalSince1970: 1_717_243_200)

    static func image(
        _ number: Int,
        name: String? = nil,
        status: ImageStatus = .available,
        transition: TransitionStatus? = nil,
        os: String = "ubuntu",
        size: Int = 20,
        visibility: Visibility = .private,
        provider: Provider = .self,
        description: String? = nil,
        tags: [Tag] = [],
        ageInHours: Double? = nil,
        statusAgeInMinutes: Double = 600
    ) -> Image {
        let created = now.addingTimeInterval(-(ageInHours ?? Double(number) * 7) * 3600)
        return Image(
            id: id(number), name: name ?? "image-\(number)", description: description, sizeGB: size,
            processorType: .bits64, platform: os == "windows" ? .windows : .linux, osFamily: os,
            visibility: visibility, provider: provider, owner: "usr-fixture1", recommendedType: "c1m1",
            status: status, transitionStatus: transition, createTime: created,
            statusTime: now.addingTimeInterval(-statusAgeInMinutes * 60), tags: tags
        )
    }

    static func id(_ number: Int) -> String { String(format: "img-%05d", number) }

    /// `count` images, newest first, numbered from 1 (the server's order).
    static func images(_ count: Int) -> [Image] {
        count > 0 ? (1...count).map { image($0) } : []
    }
}

/// Drives a ``BrowserState`` the way the terminal loop and the effect runner would, synchronously: it
/// keeps the requests and timers the browser asked for and lets the test answer or fire them.
struct Harness {
    var state: BrowserState
    var server: InProcessImageService
    var now = Fixtures.now
    /// Requests asked for and not yet answered or cancelled, in order.
    var pending: [(id: RequestID, query: ImageQuery)] = []
    var cancelled: [RequestID] = []
    /// DescribeInstances requests asked for and not yet answered: the detail's, and the INSTANCES column's.
    var instanceRequests: [(id: RequestID, query: InstanceQuery)] = []
    var countRequests: [(id: RequestID, imageIDs: [String], zone: String?)] = []
    var timers: [BrowserTimer.Kind: (timer: BrowserTimer, delay: Duration)] = [:]
    var copied: [String] = []
    /// Views the browser asked to write to the settings file, in order.
    var savedViews: [BrowserView] = []
    /// What the setup screen asked to save, one entry a visit; and the mouse switches it asked for.
    var saved: [[SetupChange]] = []
    var mouseSwitches: [Bool] = []
    var quitRequested = false
    /// What pick's Enter chose, one entry a choice.
    var chosen: [[Image]] = []
    /// The user commands the browser asked to run, in order.
    var commandsRun: [CommandRun] = []
    /// With several zones: each zone's server, and the zones whose every request fails as the simulator's
    /// failing zones do.
    var zoneServers: [String: InProcessImageService] = [:]
    var failingZones: Set<String> = []

    init(images: [Image], size: TerminalSize = TerminalSize(width: 120, height: 40),
         refresh: Duration? = .seconds(5), pageSize: Int = 100, demo: Bool = false, picking: Bool = false,
         allowsMarks: Bool = true, initialFilter: String = "", keys: KeyBindings = .defaults,
         commands: [UserCommand] = [], showsInstanceCount: Bool = false,
         configure: (inout BrowserOptions) -> Void = { _ in }) {
        server = InProcessImageService(images: images)
        var options = BrowserOptions(
            endpointLabel: demo ? "built-in simulator" : "api.example.test", zones: ["pek3a"], isDemo: demo,
            refreshInterval: refresh, pageSize: pageSize, picking: picking, allowsMarks: allowsMarks,
            initialFilter: initialFilter, keys: keys, commands: commands, endpointURL: "https://api.example.test/iaas/")
        // INSTANCES is a column the user chooses (F2, `columns:`): here after the standard ones.
        if showsInstanceCount { options.columns = ColumnChoice(ImageField.standardColumns + [.instances]) }
        configure(&options)
        state = BrowserState(options: options)
        _ = Browser.update(&state, .resize(size), now: now)
        absorb(Browser.start(&state, now: now))
    }

    /// A browser showing several zones, each answered by its own server (`zones` in order).
    init(zones: [(zone: String, images: [Image])], failing: Set<String> = [],
         size: TerminalSize = TerminalSize(width: 160, height: 40), refresh: Duration? = .seconds(5)) {
        server = InProcessImageService(images: [])
        zoneServers = Dictionary(uniqueKeysWithValues: zones.map { ($0.zone, InProcessImageService(images: $0.images)) })
        failingZones = failing
        state = BrowserState(options: BrowserOptions(
            endpointLabel: "api.example.test", zones: zones.map(\.zone), refreshInterval: refresh))
        _ = Browser.update(&state, .resize(size), now: now)
        absorb(Browser.start(&state, now: now))
    }

    /// What the server of the query's zone answers (the single server when no zone is named).
    func serverAnswer(_ query: ImageQuery) -> Result<ImagePage, QingCloudError> {
        guard let zone = query.zone else { return server.answer(query) }
        if failingZones.contains(zone) {
            return .failure(.api(.failingZone(zone), hint: nil))
        }
        return zoneServers[zone]?.answer(query)
            ?? .failure(.api(APIError(.badRequest, message: "InvalidParameterValue, zone [\(zone)]"), hint: nil))
    }

    mutating func absorb(_ effects: [BrowserEffect]) {
        for effect in effects {
            switch effect {
            case .quit: quitRequested = true
            case .choose(let images): chosen.append(images)
            case .copyToClipboard(let text): copied.append(text)
            case .fetch(let id, let query): pending.append((id, query))
            case .describeInstances(let id, let query): instanceRequests.append((id, query))
            case .countInstances(let id, let imageIDs, let zone): countRequests.append((id, imageIDs, zone))
            case .cancel(let id):
                cancelled.append(id)
                pending.removeAll { $0.id == id }
            case .schedule(let timer, let delay): timers[timer.kind] = (timer, delay)
            case .runCommand(let run): commandsRun.append(run)
            case .saveView(let view): savedViews.append(view)
            case .saveSettings(let changes): saved.append(changes)
            case .setMouse(let on): mouseSwitches.append(on)
            }
        }
    }

    @discardableResult
    mutating func send(_ event: BrowserEvent) -> [BrowserEffect] {
        let effects = Browser.update(&state, event, now: now)
        absorb(effects)
        return effects
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Answers the oldest pending request from the fake server (or with `result`).
    mutating func answerNext(with result: Result<ImagePage, QingCloudError>? = nil) {
        guard !pending.isEmpty else { return }
        let request = pending.removeFirst()
        send(.fetched(request.id, result ?? serverAnswer(request.query)))
    }

    /// Answers the oldest DescribeInstances request of the detail from the fake server (or with `result`).
    mutating func answerInstances(with result: Result<InstancePage, QingCloudError>? = nil) {
        guard !instanceRequests.isEmpty else { return }
        let request = instanceRequests.removeFirst()
        send(.instancesFetched(request.id, result ?? server.answer(request.query)))
    }

    /// Answers the oldest INSTANCES count request by counting the fake server's instances (or with `failure`).
    mutating func answerCounts(failing failure: QingCloudError? = nil) {
        guard !countRequests.isEmpty else { return }
        let request = countRequests.removeFirst()
        if let failure {
            send(.instancesCounted(request.id, .failure(failure)))
            return
        }
        let wanted = Set(request.imageIDs)
        var counts = Dictionary(uniqueKeysWithValues: request.imageIDs.map { ($0, 0) })
        for instance in server.instances where wanted.contains(instance.imageID) && instance.status != .ceased {
            counts[instance.imageID, default: 0] += 1
        }
        send(.instancesCounted(request.id, .success(counts)))
    }

    /// Answers the pending request with this id.
    mutating func answer(_ id: RequestID, with result: Result<ImagePage, QingCloudError>? = nil) {
        guard let index = pending.firstIndex(where: { $0.id == id }) else { return }
        let request = pending.remove(at: index)
        send(.fetched(request.id, result ?? serverAnswer(request.query)))
    }

    /// Answers every pending request with `result` (not the requests the answers lead to).
    mutating func answerAll(with result: Result<ImagePage, QingCloudError>) {
        for id in pending.map(\.id) { answer(id, with: result) }
    }

    /// Answers requests (and the ones they lead to) until none is pending.
    mutating func answerAll(limit: Int = 10_000) {
        var answered = 0
        while !pending.isEmpty, answered < limit {
            answerNext()
            answered += 1
        }
    }

    /// Answers requests until none is pending, firing the sweep timer while a round still has sweep
    /// requests to send (the clock moves on by the sweep's spacing), so that the rounds running end.
    mutating func answerRounds() {
        answerAll()
        while timers[.sweep] != nil, state.zoneStates.contains(where: { $0.refresh.round?.nextSweepAt != nil }) {
            fire(.sweep)
            answerAll()
        }
    }

    /// Fires the pending timer of a kind, moving the clock on by its delay.
    mutating func fire(_ kind: BrowserTimer.Kind) {
        guard let (timer, delay) = timers.removeValue(forKey: kind) else { return }
        now = now.addingTimeInterval(Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
        send(.timerFired(timer))
    }

    /// Moves the clock on without an event.
    mutating func advance(_ seconds: TimeInterval) {
        now = now.addingTimeInterval(seconds)
    }

    var visibleIDs: [String] { state.listSlots.map { state.catalog.image(at: $0).id } }
    var selectedKey: String? { state.selectedKey }
    /// The frame at a size: the state is told the size first, as the terminal loop tells it.
    func render(_ width: Int = 120, _ height: Int = 40) -> Frame {
        var state = self.state
        _ = Browser.update(&state, .resize(TerminalSize(width: width, height: height)), now: now)
        return Browser.render(state, now: now)
    }
}
