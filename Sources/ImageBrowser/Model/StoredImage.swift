import Foundation
import JSONEngine
import QingCloud

/// An image's typed fields as the catalogue keeps them, in about half the memory of an ``Image``.
///
/// An ``Image`` spends 16 bytes on each of its six API enums (room for a value the API does not
/// document), 32 on its JSON object and 16 on each optional date; at 100,000 images that is more than
/// the rest of its fields. Here each enum is a number (its place among the documented values, or past
/// them the place of its text in the catalogue's ``UndocumentedValues``), the dates are their seconds,
/// and the JSON object lives in the catalogue's ``RawJSONStore``. ``image(undocumented:)`` gives back
/// an image equal to the one stored, case for case and byte for byte.
struct StoredImage: Sendable {
    let id: String
    let name: String
    let description: String?
    let osFamily: String
    let owner: String
    let recommendedType: String
    let zone: String?
    let tags: [Tag]
    let sizeGB: Int
    private let created: Double
    private let statusChanged: Double
    /// ProcessorType, Platform, Visibility, Provider, ImageStatus and TransitionStatus, in that order;
    /// ``StoredImage/noTransition`` for an idle image.
    private let codes: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    /// Which dates are there: 1 for the creation time, 2 for the status time.
    private let dates: UInt8

    static let noTransition = UInt32.max

    init(_ image: Image, undocumented: inout UndocumentedValues) {
        id = image.id
        name = image.name
        description = image.description
        osFamily = image.osFamily
        owner = image.owner
        recommendedType = image.recommendedType
        zone = image.zone
        tags = image.tags
        sizeGB = image.sizeGB
        created = image.createTime?.timeIntervalSinceReferenceDate ?? 0
        statusChanged = image.statusTime?.timeIntervalSinceReferenceDate ?? 0
        dates = (image.createTime == nil ? 0 : 1) | (image.statusTime == nil ? 0 : 2)
        codes = (
            undocumented.code(of: image.processorType), undocumented.code(of: image.platform),
            undocumented.code(of: image.visibility), undocumented.code(of: image.provider),
            undocumented.code(of: image.status),
            image.transitionStatus.map { undocumented.code(of: $0) } ?? Self.noTransition
        )
    }

    var key: String { Image.key(id: id, zone: zone) }
    var createTime: Date? { dates & 1 == 0 ? nil : Date(timeIntervalSinceReferenceDate: created) }
    var statusTime: Date? { dates & 2 == 0 ? nil : Date(timeIntervalSinceReferenceDate: statusChanged) }
    var isInTransition: Bool { codes.5 != Self.noTransition }

    /// The image stored, with `raw` as its JSON object.
    func image(undocumented: UndocumentedValues, raw: JSONText = .null) -> Image {
        Image(
            id: id, name: name, description: description, sizeGB: sizeGB,
            processorType: undocumented.value(codes.0), platform: undocumented.value(codes.1), osFamily: osFamily,
            visibility: undocumented.value(codes.2), provider: undocumented.value(codes.3), owner: owner,
            recommendedType: recommendedType, status: undocumented.value(codes.4),
            transitionStatus: codes.5 == Self.noTransition ? nil : undocumented.value(codes.5),
            createTime: createTime, statusTime: statusTime, tags: tags, rawJSON: raw, zone: zone
        )
    }
}

/// The values of the API's enums that its documentation does not list, as the catalogue has met them,
/// numbered after the documented ones (kept by their bytes, so that each comes back exactly).
struct UndocumentedValues: Sendable {
    private var texts: [String] = []
    private var numbers: [[UInt8]: UInt32] = [:]

    /// The value's place among the documented ones, or past them the number of its text here.
    ///
    /// `.other("available")` compares equal to `.available` (the standard library compares raw values),
    /// though a `switch` tells them apart, so a documented case is recognised by its representation.
    mutating func code<Value: OpenEnum>(of value: Value) -> UInt32 {
        if let index = Value.documented.firstIndex(where: { Self.sameCase($0, value) }) { return UInt32(index) }
        let bytes = Array(value.rawValue.utf8)
        if let number = numbers[bytes] { return UInt32(Value.documented.count) + number }
        let number = UInt32(texts.count)
        texts.append(value.rawValue)
        numbers[bytes] = number
        return UInt32(Value.documented.count) + number
    }

    private static func sameCase<Value>(_ left: Value, _ right: Value) -> Bool {
        withUnsafeBytes(of: left) { left in withUnsafeBytes(of: right) { right in left.elementsEqual(right) } }
    }

    func value<Value: OpenEnum>(_ code: UInt32) -> Value {
        let index = Int(code)
        return index < Value.documented.count ? Value.documented[index] : Value.other(texts[index - Value.documented.count])
    }
}
