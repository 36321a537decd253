import Foundation
import JSONEngine
@testable import QingCloud

/// How Foundation reads a DescribeImages answer: `JSONDecoder` into the envelope with `image_set` as
/// `JSONValue`s, then each element read by the documented rules. The decoder under test must agree with
/// it (see ``ImagePageDecoderDifferentialTests``).
enum FoundationPageReference {
    /// What a reader made of a body: a page, an API error, or malformed JSON of one kind.
    enum Outcome: Equatable, CustomStringConvertible {
        case page(totalCount: Int, images: [Image])
        case apiError(code: Int)
        /// The bytes are not JSON.
        case syntaxError
        /// JSON of the wrong shape: a wrong type, a missing member, an element that is not an image.
        case shapeError

        var description: String {
            switch self {
            case .page(let total, let images): "page(total \(total), \(images.count) images)"
            case .apiError(let code): "apiError(\(code))"
            case .syntaxError: "syntaxError"
            case .shapeError: "shapeError"
            }
        }
    }

    private struct Body: Decodable {
        var ret_code: Int?
        var message: String?
        var total_count: Int?
        var image_set: [JSONValue]?
    }

    static func outcome(_ body: [UInt8]) -> Outcome {
        let decoded: Body
        do {
            decoded = try JSONDecoder().decode(Body.self, from: Data(body))
        } catch {
            let isJSON = (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) != nil
            return isJSON ? .shapeError : .syntaxError
        }
        guard let code = decoded.ret_code else { return .shapeError }
        if code != 0 { return .apiError(code: code) }
        guard let elements = decoded.image_set, let total = decoded.total_count else { return .shapeError }
        var images: [Image] = []
        for element in elements {
            guard let image = image(element) else { return .shapeError }
            images.append(image)
        }
        return .page(totalCount: total, images: images)
    }

    /// What the decoder under test made of the same body.
    static func outcomeOfDecoder(_ body: [UInt8]) -> Outcome {
        do {
            let page = try ResponseDecoder.imagePage(from: body)
            return .page(totalCount: page.totalCount, images: page.images)
        } catch {
            switch error {
            case .api(let apiError, _): return .apiError(code: apiError.code)
            case .malformedResponse(_, let offset, _): return offset == nil ? .shapeError : .syntaxError
            default: return .shapeError
            }
        }
    }

    private static func image(_ json: JSONValue) -> Image? {
        guard let object = json.objectValue, let id = object["image_id"]?.stringValue, !id.isEmpty else { return nil }
        func string(_ key: String) -> String { object[key]?.stringValue ?? "" }
        let transition = string("transition_status")
        return Image(
            id: id, name: string("image_name"), description: object["description"]?.stringValue,
            sizeGB: object["size"]?.intValue ?? 0,
            processorType: ProcessorType(apiValue: string("processor_type")),
            platform: Platform(apiValue: string("platform")), osFamily: string("os_family"),
            visibility: Visibility(apiValue: string("visibility")), provider: Provider(apiValue: string("provider")),
            owner: string("owner"), recommendedType: string("recommended_type"),
            status: ImageStatus(apiValue: string("status")),
            transitionStatus: transition.isEmpty ? nil : TransitionStatus(apiValue: transition),
            createTime: APITimestamp.parse(string("create_time")), statusTime: APITimestamp.parse(string("status_time")),
            tags: (object["tags"]?.arrayValue ?? []).compactMap { tag in
                guard let fields = tag.objectValue else { return nil }
                func field(_ key: String) -> String { fields[key]?.stringValue ?? "" }
                return Tag(id: field("tag_id"), name: field("tag_name"), key: field("tag_key"),
                           value: field("tag_value"), color: field("color"), owner: field("owner"))
            },
            rawJSON: JSONText(json)
        )
    }
}
