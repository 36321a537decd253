import Foundation
import ImageBrowser
import QingCloud
import QingCloudSimulator
import TerminalVocabulary

/// The browser holding `imageCount` images spread over three zones (a catalogue per zone, as the
/// simulator serves them), each zone answered in memory by its own service.
func loadThreeZones(imageCount: Int, now: Date, size: TerminalSize) -> BrowserState {
    let zones = ["pek3a", "sh1a", "gd2a"]
    let services = Dictionary(uniqueKeysWithValues: zones.enumerated().map { index, zone in
        (zone, InProcessImageService(images: SeededCatalogue.generate(
            count: imageCount / zones.count, seed: 42 + UInt64(index), now: now)))
    })
    var state = BrowserState(options: BrowserOptions(
        endpointLabel: "benchmark", zones: zones, refreshInterval: nil))
    _ = Browser.update(&state, .resize(size), now: now)
    var pending = Browser.start(&state, now: now)
    while !pending.isEmpty {
        var next: [BrowserEffect] = []
        for effect in pending {
            if case .fetch(let id, let query) = effect, let service = services[query.zone ?? ""] {
                next += Browser.update(&state, .fetched(id, service.answer(query)), now: now)
            }
        }
        pending = next
    }
    return state
}
