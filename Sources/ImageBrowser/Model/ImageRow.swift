import Foundation
import QingCloud
import TerminalVocabulary

/// An image's text made safe for the screen, made when the image is drawn.
///
/// Everything the renderer draws of an image comes from here, never from ``Image`` directly, so that no
/// string from the API reaches a frame unsanitised. Rows are made only for the images on screen, not kept
/// for every image (at 100,000 images they would take more memory than the images themselves).
struct ImageRow: Sendable {
    /// Each field's text (``ImageField/text(of:)``) sanitised, by raw value; the zone's is empty when a
    /// single zone is shown. The fields in ``keptAsValues`` are empty here (no dates formatted for nothing).
    private let texts: [String]
    /// The fields the screen shows from their values, kept below, rather than from their text.
    static let keptAsValues: Set<ImageField> = [.size, .createTime, .statusTime, .description, .tags]
    /// The description split at its line breaks, each line sanitised; empty when there is none.
    let descriptionLines: [String]
    /// The transition status, sanitised; nil when the image is idle.
    let transition: String?
    let sizeGB: Int
    let createTime: Date?
    let statusTime: Date?
    let tags: [TagRow]
    let statusKind: ImageStatus

    init(_ image: Image) {
        func clean(_ text: String) -> String { Sanitizer.forDisplay(text) }
        texts = ImageField.allCases.map { Self.keptAsValues.contains($0) ? "" : clean($0.text(of: image)) }
        descriptionLines = (image.description ?? "")
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { clean(String($0)) }
            .reversed().drop(while: \.isEmpty).reversed()
        transition = image.transitionStatus.map { clean($0.rawValue) }
        sizeGB = image.sizeGB
        createTime = image.createTime
        statusTime = image.statusTime
        tags = image.tags.map(TagRow.init)
        statusKind = image.status
    }

    /// The field's text, sanitised.
    subscript(field: ImageField) -> String { texts[field.rawValue] }
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
