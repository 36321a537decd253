import Foundation
import ImageBrowser
import JSONEngine
import QingCloud
import QingCloudSimulator
import TerminalVocabulary

/// The browser holding one large image (a catalogue image with `extraFields` more fields in its JSON,
/// as a server with many undocumented fields or tags might send), its raw JSON overlay open (`y`).
func rawJSONOverlayOnLargeImage(extraFields: Int, now: Date, size: TerminalSize) -> BrowserState {
    var image = SeededCatalogue.generate(count: 1, seed: 42, now: now)[0]
    if case .object(var fields) = image.raw {
        for index in 0..<extraFields {
            fields[String(format: "extra_field_%05d", index)] = .string("value \(index) of a large image's JSON, long enough to wrap at 96 columns")
        }
        image.raw = .object(fields)
    }
    let service = InProcessImageService(images: [image])
    var state = BrowserState(options: BrowserOptions(endpointLabel: "benchmark", zones: ["pek3a"], refreshInterval: nil))
    _ = Browser.update(&state, .resize(size), now: now)
    loadEveryPage(into: &state, from: service, now: now)
    _ = Browser.update(&state, .key(.character("y")), now: now)
    return state
}

/// Starts `state` and answers every request it makes from `service` until it asks for no more.
func loadEveryPage(into state: inout BrowserState, from service: InProcessImageService, now: Date) {
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
