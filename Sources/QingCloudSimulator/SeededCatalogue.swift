import Foundation
import JSONEngine
import QingCloud

/// The simulator's deterministic catalogue, public so that tests and benchmarks can build the very
/// images a simulator with the same seed serves, without starting one.
public enum SeededCatalogue {
    /// `count` images drawn from `seed`, dated before `now`, in the order DescribeImages lists them
    /// (newest `create_time` first, ties by `image_id`), each with `raw` as the server sends it.
    ///
    /// Ids, names and every other field but the times are independent of `now`.
    public static func generate(count: Int, seed: UInt64, now: Date) -> [Image] {
        var generator = CatalogueGenerator(seed: seed, now: now)
        var images = inListingOrder((0..<max(0, count)).map { _ in generator.nextImage() })
        for index in images.indices {
            images[index].raw = serverObject(images[index])
        }
        return images
    }

    /// `images` in the listing order: newest `create_time` first, then `image_id` (ids are unique, so
    /// the order is total). Sorts small keys rather than the images, which are costly to move.
    static func inListingOrder(_ images: [Image]) -> [Image] {
        let keys = images.indices.map { index in
            (time: images[index].createTime ?? .distantPast, id: images[index].id, index: index)
        }
        return keys.sorted { first, second in
            first.time != second.time ? first.time > second.time : first.id < second.id
        }.map { images[$0.index] }
    }

    /// The object the simulator sends for an image: the documented fields plus the extras a real server adds.
    static func serverObject(_ image: Image) -> JSONValue {
        guard case .object(var fields) = image.apiObject else { return image.apiObject }
        for (name, value) in ServerExtras.fields(of: image) {
            fields[name] = value
        }
        return .object(fields)
    }
}

/// Fields a real DescribeImages answer carries beyond the documented ones; clients must ignore them.
enum ServerExtras {
    static func fields(of image: Image) -> [(name: String, value: JSONValue)] {
        [
            ("sub_code", .int(0)),
            ("architecture", .string(image.processorType == .bits32 ? "i386" : "x86_64")),
            ("default_user", .string(CatalogueVocabulary.defaultUser(osFamily: image.osFamily))),
            ("hypervisor", .string("kvm")),
            ("features", .int(image.platform == .windows ? 0 : 1)),
        ]
    }
}
