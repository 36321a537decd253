import Foundation
import QingCloud
import QingCloudSimulator
import Testing
@testable import ImageBrowser

@Suite("The catalogue's compact image storage")
struct StoredImageTests {
    /// 1,000 seeded images, with values the API does not document (one of them with a documented
    /// value's text), missing dates, zones and transitions mixed in.
    static let images: [Image] = {
        var images = SeededCatalogue.generate(count: 1_000, seed: 23, now: Date(timeIntervalSince1970: 1_790_000_000))
        for index in images.indices {
            switch index % 7 {
            case 0: images[index].status = .other("frozen")
            case 1: images[index].processorType = .other("arm64")
            case 2:
                images[index].createTime = nil
                images[index].transitionStatus = .other("migrating")
            case 3:
                images[index].statusTime = nil
                images[index].visibility = .other("available")
            case 4:
                images[index].zone = "sh1a"
                images[index].provider = .other("Caf\u{E9}")
            case 5:
                images[index].platform = .other("Cafe\u{301}")
                images[index].status = .other("available")
            default: break
            }
        }
        return images
    }()

    @Test("every image comes back equal, case for case, text byte for byte")
    func roundTrip() {
        var undocumented = UndocumentedValues()
        let stored = Self.images.map { StoredImage($0, undocumented: &undocumented) }
        for (image, kept) in zip(Self.images, stored) {
            let back = kept.image(undocumented: undocumented, raw: image.rawJSON)
            #expect(back == image)
            #expect(back.status == image.status && back.transitionStatus == image.transitionStatus)
            #expect(Array(back.provider.rawValue.utf8) == Array(image.provider.rawValue.utf8))
            #expect(Array(back.platform.rawValue.utf8) == Array(image.platform.rawValue.utf8))
            #expect(back.createTime == image.createTime && back.statusTime == image.statusTime)
            #expect(kept.key == image.key && kept.isInTransition == (image.transitionStatus != nil))
        }
    }

    @Test("an undocumented value with a documented value's text stays undocumented")
    func undocumentedStaysUndocumented() {
        var undocumented = UndocumentedValues()
        let code = undocumented.code(of: ImageStatus.other("available"))
        let back: ImageStatus = undocumented.value(code)
        guard case .other(let text) = back else {
            Issue.record("\(back) came back documented")
            return
        }
        #expect(text == "available")
        #expect(undocumented.code(of: ImageStatus.available) == 1)
        guard case .available = undocumented.value(1) as ImageStatus else {
            Issue.record("code 1 is not available")
            return
        }
    }

    @Test("the catalogue holds the same images as it was given, across refreshes that change them")
    func catalogueRoundTrip() {
        var catalog = ImageCatalog()
        _ = catalog.merge(Self.images)
        var changed = Array(Self.images.prefix(100))
        for index in changed.indices {
            changed[index].status = index % 2 == 0 ? .deleted : .other("thawing")
            changed[index].raw = changed[index].apiObject
        }
        _ = catalog.merge(changed)
        for image in changed + Self.images.dropFirst(100) {
            #expect(catalog.image(forKey: image.key) == image)
        }
    }
}
