import Foundation
import QingCloud
import TerminalVocabulary

/// An image's text made safe for the screen, built once when the image arrives.
///
/// Everything the renderer draws comes from here, never from ``Image`` directly, so that no string from
/// the API reaches a frame unsanitised. Rows are made for the images on screen as they are drawn, not
/// kept for every image (at 100,000 images they would take more memory than the images themselves).
struct ImageRow: Sendable {
    let id: String
    /// The zone the image was read from, sanitised; empty when a single zone is shown.
    let zone: String
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
    /// `public/system`, the list's source column.
    let source: String

    init(_ image: Image) {
        func clean(_ text: String) -> String { Sanitizer.forDisplay(text) }
        id = clean(image.id)
        zone = clean(image.zone ?? "")
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
        source = visibility + "/" + provider
    }
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
