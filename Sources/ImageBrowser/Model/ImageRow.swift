import Foundation
import QingCloud
import TerminalVocabulary

/// An image's text made safe for the screen, built once when the image arrives.
///
/// Everything the renderer draws comes from here, never from ``Image`` directly, so that no string from
/// the API reaches a frame unsanitised. It also holds the precomputed sort keys.
struct ImageRow: Sendable {
    let id: String
    let name: String
    /// The description split at its line breaks, each line sanitised; empty when there is none.
    let descriptionLines: [String]
    let osFamily: String
    let owner: String
    let recommendedType: String
    let status: String
    let transition: String?
    let processorType: String
    let platform: String
    let visibility: String
    let provider: String
    let sizeGB: Int
    let createTime: Date?
    let statusTime: Date?
    let tags: [TagRow]
    let statusKind: ImageStatus

    /// Sort keys.
    let createdKey: Double
    let nameKey: String
    let statusRank: Int
    let osKey: String
    let sourceKey: String

    init(_ image: Image) {
        func clean(_ text: String) -> String { Sanitizer.forDisplay(text) }
        id = clean(image.id)
        name = clean(image.name)
        descriptionLines = (image.description ?? "")
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { clean(String($0)) }
            .reversed().drop(while: \.isEmpty).reversed()
        osFamily = clean(image.osFamily)
        owner = clean(image.owner)
        recommendedType = clean(image.recommendedType)
        status = clean(image.status.rawValue)
        transition = image.transitionStatus.map { clean($0.rawValue) }
        processorType = clean(image.processorType.rawValue)
        platform = clean(image.platform.rawValue)
        visibility = clean(image.visibility.rawValue)
        provider = clean(image.provider.rawValue)
        sizeGB = image.sizeGB
        createTime = image.createTime
        statusTime = image.statusTime
        tags = image.tags.map(TagRow.init)
        statusKind = image.status

        createdKey = image.createTime?.timeIntervalSince1970 ?? -.infinity
        nameKey = name.lowercased()
        statusRank = ImageStatus.documented.firstIndex(of: image.status) ?? ImageStatus.documented.count
        osKey = osFamily.lowercased()
        sourceKey = visibility + "/" + provider
    }

    /// `public/system`, the list's source column.
    var source: String { sourceKey }
}

/// A tag made safe for the screen, with its colour mapped to the terminal palette.
struct TagRow: Sendable, Hashable {
    let name: String
    let key: String
    let value: String
    /// The colour as the API sent it, sanitised, for the text next to the swatch.
    let colorText: String
    /// The nearest xterm 256-colour entry, nil when the colour is not `#rrggbb`.
    let paletteIndex: UInt8?

    init(_ tag: Tag) {
        name = Sanitizer.forDisplay(tag.name)
        key = Sanitizer.forDisplay(tag.key)
        value = Sanitizer.forDisplay(tag.value)
        colorText = Sanitizer.forDisplay(tag.color)
        paletteIndex = XtermPalette.nearestIndex(toHex: tag.color)
    }
}
