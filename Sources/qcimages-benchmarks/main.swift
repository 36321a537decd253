import Foundation
import ImageBrowser
import QingCloud
import QingCloudSimulator
import TerminalVocabulary

// Benchmarks of the pure browser and the client against the simulator over loopback; prints a table.
// Run in release: swift run -c release qcimages-benchmarks [image-count]
// The terminal-side figures (bytes per keystroke, idle CPU, time to first rows) come from
// Tests/Benchmarks/terminal_bench.py, which drives the real binary in a pseudo-terminal.

let imageCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let now = Date(timeIntervalSince1970: 1_790_000_000)
var table = BenchmarkTable()

let catalogue = SeededCatalogue.generate(count: imageCount, seed: 42, now: now)
let service = InProcessImageService(images: catalogue)

var state = BrowserState(options: BrowserOptions(endpointLabel: "benchmark", zone: "pek3a", refreshInterval: nil))
let size = TerminalSize(width: 160, height: 45)
let loadTime = measureOnce {
    var pending = Browser.start(&state, now: now)
    while !pending.isEmpty {
        var next: [BrowserEffect] = []
        for effect in pending {
            if case .fetch(let id, let query) = effect {
                next += Browser.update(&state, .fetched(id, service.answer(query)), now: now)
            }
        }
        pending = next
    }
}
table.add("load \(imageCount.formatted()) images into the browser state", [loadTime])
_ = Browser.update(&state, .resize(size), now: now)
table.add("render one 160x45 frame", measure(times: 200) { _ = Browser.render(state, now: now) })

table.add("move selection one row + render", measure(times: 500) {
    _ = Browser.update(&state, .key(.down), now: now)
    _ = Browser.render(state, now: now)
})

_ = Browser.update(&state, .key(.character("/")), now: now)
var keystrokes: [Duration] = []
for _ in 0..<3 {
    for key in FilterSession.keys {
        keystrokes.append(measureOnce {
            _ = Browser.update(&state, .key(key), now: now)
            _ = Browser.render(state, now: now)
        })
    }
}
table.add("filter keystroke -> new frame (\(imageCount.formatted()) loaded)", keystrokes)
for character in "status:available|pending !size>100 os:centos|ubuntu" {
    _ = Browser.update(&state, .key(.character(character)), now: now)
}
table.add("keystroke on a 3-term field filter", measure(times: 20) {
    _ = Browser.update(&state, .key(.backspace), now: now)
    _ = Browser.update(&state, .key(.character("0")), now: now)
    _ = Browser.render(state, now: now)
})
_ = Browser.update(&state, .key(.escape), now: now)
table.add("sort by the next column + render (s, 8 columns)", measure(times: 16) {
    _ = Browser.update(&state, .key(.character("s")), now: now)
    _ = Browser.render(state, now: now)
})

let sampleBody = try JSONEncoder().encode(JSONValue.object([
    "ret_code": .int(0), "total_count": .int(imageCount), "image_set": .array(catalogue.prefix(100).map(\.apiObject)),
]))
table.add("decode one 100-image page (\(sampleBody.count / 1024) KiB)", measure(times: 200) {
    _ = try? JSONDecoder().decode(JSONValue.self, from: sampleBody)
})

var simulatorConfiguration = SimulatorConfiguration()
simulatorConfiguration.imageCount = 10_000
simulatorConfiguration.seed = 42
let simulator = Simulator(configuration: simulatorConfiguration)
let url = try await simulator.start()
let client = QingCloudClient(configuration: ClientConfiguration(
    endpoint: try Endpoint(url: url.absoluteString), accessKeyID: simulatorConfiguration.accessKeyID,
    secretAccessKey: simulatorConfiguration.secretAccessKey, zone: simulatorConfiguration.zone))
_ = try await client.describeImages(ImageQuery(limit: 1))
var requests: [Duration] = []
for index in 0..<100 {
    let start = ContinuousClock.now
    _ = try await client.describeImages(ImageQuery(offset: index * 100, limit: 100))
    requests.append(ContinuousClock.now - start)
}
table.add("DescribeImages, 100 images, loopback keep-alive", requests)
for concurrency in [1, 4, 8] {
    let start = ContinuousClock.now
    let page = try await ImagePager(service: client, concurrency: concurrency).fetchAll(matching: ImageQuery())
    table.add("fetch all \(page.images.count.formatted()) images, \(concurrency) at a time", [ContinuousClock.now - start])
}
await client.shutdown()
await simulator.stop()
print(table.rendered)

/// What a person types into the filter bar, key by key: words that narrow, typos taken back, field
/// terms, alternatives and negations (which widen, so the whole catalogue is filtered again), CJK, and
/// clearing the bar to start over.
enum FilterSession {
    static let keys: [Key] =
        typed("ubunut") + [.backspace, .backspace] + typed("tu 22") + [.backspace, .backspace] + typed("18")
        + [.control("u")] + typed("server") + [.control("w")] + typed("status:available !centos")
        + [.control("w")] + typed("size>100") + [.control("u")] + typed("name:麒麟") + [.control("u")]
        + typed("prod|staging") + [.backspace, .backspace] + typed(" tag:env") + [.control("u")]
        + typed("!deleted") + [.control("u")]

    private static func typed(_ text: String) -> [Key] { text.map(Key.character) }
}

func measureOnce(_ body: () throws -> Void) rethrows -> Duration {
    let start = ContinuousClock.now
    try body()
    return ContinuousClock.now - start
}

func measure(times: Int, _ body: () throws -> Void) rethrows -> [Duration] {
    try (0..<times).map { _ in try measureOnce(body) }
}

/// Rows of timings summarised as median, 95th percentile and maximum, in milliseconds.
struct BenchmarkTable {
    private var rows: [(String, Int, Double, Double, Double)] = []

    mutating func add(_ name: String, _ samples: [Duration]) {
        let milliseconds = samples.map { Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15 }.sorted()
        func percentile(_ p: Double) -> Double { milliseconds[min(milliseconds.count - 1, Int(Double(milliseconds.count) * p))] }
        rows.append((name, milliseconds.count, percentile(0.5), percentile(0.95), milliseconds.last ?? 0))
    }

    var rendered: String {
        let width = max(10, rows.map(\.0.count).max() ?? 0)
        func pad(_ text: String, _ count: Int) -> String { text.padding(toLength: count, withPad: " ", startingAt: 0) }
        func number(_ value: Double) -> String {
            let text = String(format: "%.3f", value)
            return String(repeating: " ", count: max(0, 10 - text.count)) + text
        }
        var lines = [pad("benchmark", width) + "      n   median ms      p95 ms      max ms"]
        for (name, count, median, p95, maximum) in rows {
            let n = String(count)
            lines.append(pad(name, width) + String(repeating: " ", count: max(0, 7 - n.count)) + n
                         + "  " + number(median) + "  " + number(p95) + "  " + number(maximum))
        }
        return lines.joined(separator: "\n")
    }
}
