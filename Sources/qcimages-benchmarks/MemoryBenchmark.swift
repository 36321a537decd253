import Foundation
import ImageBrowser
import QingCloud

/// What the browser's state costs in memory at scale: the growth of the resident size while a fresh
/// browser state takes in every page over loopback (real HTTP, the real decoder), measured first thing
/// in the process so that little freed memory is there to be reused.
///
/// The simulator runs in the same process, so its answers in flight count too; the resident size of the
/// real binary comes from `Tests/Benchmarks/terminal_bench.py`.
enum MemoryBenchmark {
    /// The growth in bytes and the number of images received.
    static func browserGrowth(images: Int, now: Date) async throws -> (bytes: Int, images: Int) {
        let simulator = try await StartedSimulator(images: images, latency: .zero)
        let before = residentBytes()
        var state = BrowserState(options: BrowserOptions(endpointLabel: "benchmark", zones: ["pek3a"], refreshInterval: nil))
        var received = 0
        var pending = Browser.start(&state, now: now)
        while !pending.isEmpty {
            var next: [BrowserEffect] = []
            for effect in pending {
                guard case .fetch(let id, let query) = effect else { continue }
                let answer: Result<ImagePage, QingCloudError>
                do {
                    let page = try await simulator.client.describeImages(query)
                    received += page.images.count
                    answer = .success(page)
                } catch let error as QingCloudError {
                    answer = .failure(error)
                }
                next += Browser.update(&state, .fetched(id, answer), now: now)
            }
            pending = next
        }
        let growth = residentBytes() - before
        await simulator.stop()
        withExtendedLifetime(state) {}
        return (growth, received)
    }

    /// The resident size of this process (VmRSS).
    static func residentBytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
}
