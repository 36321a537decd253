import Foundation
import ImageBrowser
import QingCloud
import QingCloudSimulator
import TerminalVocabulary

// Benchmarks of the pure browser and the client against the simulator over loopback; prints a table.
// Run in release: swift run -c release qcimages-benchmarks [image-count]
// The terminal-side figures (bytes per keystroke, idle CPU, time to first rows) come from
// Tests/Benchmarks/terminal_bench.py, which drives the real binary in a pseudo-terminal.

if CommandLine.arguments.dropFirst().first == "freshness" {
    let sizes = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
    try await FreshnessBenchmark.run(sizes: sizes.isEmpty ? [3_000, 10_000, 100_000] : sizes)
    exit(0)
}
let imageCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
let now = Date(timeIntervalSince1970: 1_790_000_000)
var table = BenchmarkTable()

let memory = try await MemoryBenchmark.browserGrowth(images: imageCount, now: now)
let catalogue = SeededCatalogue.generate(count: imageCount, seed: 42, now: now)
let service = InProcessImageService(images: catalogue)

var state = BrowserState(options: BrowserOptions(endpointLabel: "benchmark", zones: ["pek3a"], refreshInterval: nil))
let size = TerminalSize(width: 160, height: 45)
let loadTime = measureOnce { loadEveryPage(into: &state, from: service, now: now) }
table.add("load \(imageCount.formatted()) images into the browser state", [loadTime])
_ = Browser.update(&state, .resize(size), now: now)
table.add("render one 160x45 frame", measure(times: 200) { _ = Browser.render(state, now: now) })
let darkFrame = Browser.render(state, now: now)
let lightPalette = Palette(theme: .light, depth: .palette256)
table.add("  its cells in the light theme (what render adds for a theme other than dark)", measure(times: 200) {
    var frame = darkFrame
    frame.restyle(lightPalette.restyle)
})
var resizedWidth = 59
table.add("resize by a column + render, 60 to 320 columns", measure(times: 261) {
    resizedWidth += 1
    _ = Browser.update(&state, .resize(TerminalSize(width: resizedWidth, height: 45)), now: now)
    _ = Browser.render(state, now: now)
})
_ = Browser.update(&state, .resize(size), now: now)

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
table.add("sort by the next column + render (s, 7 columns)", measure(times: 16) {
    _ = Browser.update(&state, .key(.character("s")), now: now)
    _ = Browser.render(state, now: now)
})

var rawJSONState = rawJSONOverlayOnLargeImage(extraFields: 2_000, now: now, size: size)
table.add("scroll the raw JSON of a large image (2,000 extra fields) one line: update", measure(times: 500) {
    _ = Browser.update(&rawJSONState, .key(.down), now: now)
})
table.add("  the same, update + render", measure(times: 100) {
    _ = Browser.update(&rawJSONState, .key(.down), now: now)
    _ = Browser.render(rawJSONState, now: now)
})

var zonedState = state
let zonedLoad = measureOnce { zonedState = loadThreeZones(imageCount: imageCount, now: now, size: size) }
table.add("load \(imageCount.formatted()) images over three zones", [zonedLoad])
_ = Browser.update(&zonedState, .key(.character("/")), now: now)
var zonedKeystrokes: [Duration] = []
for _ in 0..<3 {
    for key in FilterSession.keys + FilterSession.typed("zone:sh1a ubuntu") + [.control("u")] {
        zonedKeystrokes.append(measureOnce {
            _ = Browser.update(&zonedState, .key(key), now: now)
            _ = Browser.render(zonedState, now: now)
        })
    }
}
table.add("filter keystroke -> new frame (\(imageCount.formatted()) over three zones)", zonedKeystrokes)

// The client against simulators over loopback: a 100,000-image one for the simulator's own figures and
// decoding, 10,000-image ones (0 and 20 ms added latency) for paging.
let big = try await StartedSimulator(images: imageCount, latency: .zero)
let sampleBody = try await big.client.call(action: "DescribeImages", parameters: [("offset", "0"), ("limit", "100")])
table.add("decode one 100-image page into [Image] (\(sampleBody.count / 1024) KiB, as the simulator sends it)",
          measure(times: 500) { _ = try? ImagePage(describeImagesAnswer: sampleBody) })
table.add("  the same bytes into Foundation's JSONSerialization (untyped)", measure(times: 200) {
    _ = try? JSONSerialization.jsonObject(with: Data(sampleBody))
})
if let python = PythonTimer.median(of: sampleBody) {
    table.add("  the same bytes into Python's json.loads (untyped; median of 300 in python3)", [python])
}

let filters: [(String, [(String, String)])] = [
    ("no filter", []),
    ("status.1=available", [("status.1", "available")]),
    ("os_family=ubuntu, status.1=deprecated", [("os_family", "ubuntu"), ("status.1", "deprecated")]),
    ("search_word=server", [("search_word", "server")]),
    ("provider=self, visibility=private", [("provider", "self"), ("visibility", "private")]),
]
for (name, parameters) in filters {
    var samples: [Duration] = []
    for offset in stride(from: 0, to: 20 * 997, by: 997) {
        let start = ContinuousClock.now
        _ = try await big.client.call(action: "DescribeImages", parameters: parameters + [("offset", String(offset)), ("limit", "100")])
        samples.append(ContinuousClock.now - start)
    }
    table.add("simulator round trip, 100-image page of \(imageCount.formatted()), \(name)", samples)
}
await big.stop()

for latency in [Duration.zero, .milliseconds(20)] {
    let simulator = try await StartedSimulator(images: 10_000, latency: latency)
    for concurrency in [1, 2, 4, 8, 16, nil] {
        let start = ContinuousClock.now
        let page = try await ImagePager(service: simulator.client, concurrency: concurrency).fetchAll(matching: ImageQuery())
        let label = concurrency.map { "\($0) at a time" } ?? "in flight chosen by the round trip"
        table.add("fetch all \(page.images.count.formatted()) images, \(latency) latency, \(label)", [ContinuousClock.now - start])
    }
    await simulator.stop()
}
print(table.rendered)
print("\nresident size grown while a fresh browser state loaded \(memory.images.formatted()) images over loopback: "
      + String(format: "%.1f MB", Double(memory.bytes) / 1_048_576))


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

    static func typed(_ text: String) -> [Key] { text.map(Key.character) }
}

/// A simulator on loopback and a client of it.
struct StartedSimulator {
    let simulator: Simulator
    let client: QingCloudClient

    init(images: Int, latency: Duration) async throws {
        var configuration = SimulatorConfiguration()
        configuration.imageCount = images
        configuration.seed = 42
        configuration.faults.latency = latency
        simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        client = QingCloudClient(configuration: ClientConfiguration(
            endpoint: try Endpoint(url: url.absoluteString), accessKeyID: configuration.accessKeyID,
            secretAccessKey: configuration.secretAccessKey, zone: configuration.zone))
        _ = try await client.describeImages(ImageQuery(limit: 1))
    }

    func stop() async {
        await client.shutdown()
        await simulator.stop()
    }
}

/// Python's `json.loads` on the same bytes, timed by python3 itself (nil when there is no python3).
enum PythonTimer {
    static func median(of body: [UInt8]) -> Duration? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qcimages-bench-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data(body).write(to: file)) != nil else { return nil }
        let script = """
            import json, sys, time
            body = open(sys.argv[1], "rb").read()
            samples = []
            for _ in range(300):
                start = time.perf_counter_ns(); json.loads(body); samples.append(time.perf_counter_ns() - start)
            print(sorted(samples)[150])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int64(text).map { .nanoseconds($0) }
    }
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
