import QingCloud

/// The searchable fields of many images, lowercased once and laid out column by column for filtering.
///
/// The filter bar re-filters up to 100,000 images at every keystroke. Every image's text lives in one
/// shared byte buffer, so that checking an image neither allocates, retains nor follows a pointer of its
/// own; the columns a term reads first (sizes, the numbered values of the exactly matched fields, a Bloom
/// filter of byte pairs) are dense arrays read in image order, and rule out most images without reading
/// their text. Images are numbered from 0 in the order they are added (the catalogue's slots); replacing
/// one appends its new text, and the buffer is compacted once half of it is stale.
struct FilterIndex: Sendable {
    /// Every image's text: its lowercased fields in the order of ``FilterFieldLayout``, each followed by
    /// ``fieldSeparator``.
    private(set) var text: [UInt8] = []
    /// Where each image's text starts in ``text``.
    private(set) var textStarts: [Int] = []
    /// Where each field starts in the image's text.
    private(set) var layouts: [FilterFieldLayout] = []
    /// The byte pairs of each image's searchable text.
    private(set) var bigrams: [FilterBigramSet] = []
    private(set) var sizes: [Int32] = []
    /// Each image's exactly matched fields, as numbers from ``valueNumbers``.
    private(set) var exactValues: [ExactFieldValues] = []
    /// A number for each lowercased value an exactly matched field has taken: equal numbers, equal bytes.
    private var valueNumbers: [[UInt8]: UInt32] = [:]
    /// Bytes of ``text`` no image uses any more.
    private var staleBytes = 0

    /// Ends every field in the text: UTF-8 never uses this byte, so no needle matches across two fields.
    static let fieldSeparator: UInt8 = 0xFF

    var count: Int { sizes.count }

    /// Adds an image as number ``count``.
    mutating func append(_ image: Image) {
        let (start, layout) = appendText(of: image)
        textStarts.append(start)
        layouts.append(layout)
        bigrams.append(bigramSet(start: start, layout: layout))
        sizes.append(Int32(clamping: image.sizeGB))
        exactValues.append(numberValues(start: start, layout: layout))
    }

    /// Replaces image number `position`.
    mutating func replace(_ position: Int, with image: Image) {
        staleBytes += Int(layouts[position].count)
        let (start, layout) = appendText(of: image)
        textStarts[position] = start
        layouts[position] = layout
        bigrams[position] = bigramSet(start: start, layout: layout)
        sizes[position] = Int32(clamping: image.sizeGB)
        exactValues[position] = numberValues(start: start, layout: layout)
        if staleBytes > text.count / 2 { compact() }
    }

    /// The number of an exactly matched field's lowercased value; nil when no image has it.
    func valueNumber(of value: [UInt8]) -> UInt32? {
        valueNumbers[value]
    }

    /// The text and where each image's text starts in it, for reading many images.
    func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) -> Result) -> Result {
        text.withUnsafeBufferPointer { text in
            textStarts.withUnsafeBufferPointer { starts in body(text, starts) }
        }
    }

    private mutating func appendText(of image: Image) -> (start: Int, layout: FilterFieldLayout) {
        let start = text.count
        var layout = FilterFieldLayout()
        func append(_ field: String) {
            Self.appendLowercased(field, to: &text)
            text.append(Self.fieldSeparator)
        }
        func mark(_ fieldStart: inout UInt32) { fieldStart = UInt32(text.count - start) }
        append(image.id)
        mark(&layout.name)
        append(image.name)
        mark(&layout.description)
        append(image.description ?? "")
        mark(&layout.os)
        append(image.osFamily)
        mark(&layout.status)
        append(image.status.rawValue)
        mark(&layout.transition)
        append(image.transitionStatus?.rawValue ?? "")
        mark(&layout.tags)
        for tag in image.tags {
            append(tag.name)
            append(tag.key)
            append(tag.value)
        }
        mark(&layout.tagIDs)
        for tag in image.tags { append(tag.id) }
        mark(&layout.owner)
        append(image.owner)
        mark(&layout.processorType)
        append(image.processorType.rawValue)
        mark(&layout.visibility)
        append(image.visibility.rawValue)
        mark(&layout.provider)
        append(image.provider.rawValue)
        mark(&layout.count)
        return (start, layout)
    }

    /// Appends `field` lowercased: ASCII byte by byte, anything else the way `String.lowercased()` does
    /// (so that `É` finds `é` and CJK stays as it is), like the needles.
    private static func appendLowercased(_ field: String, to text: inout [UInt8]) {
        guard field.utf8.allSatisfy({ $0 < 0x80 }) else {
            text.append(contentsOf: field.lowercased().utf8)
            return
        }
        for byte in field.utf8 {
            text.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte)
        }
    }

    /// The pairs of the fields that substring search reads (everything before the processor type).
    private func bigramSet(start: Int, layout: FilterFieldLayout) -> FilterBigramSet {
        FilterBigramSet(text[start..<(start + Int(layout.processorType))])
    }

    private mutating func numberValues(start: Int, layout: FilterFieldLayout) -> ExactFieldValues {
        var values = ExactFieldValues()
        for field in ExactField.allCases {
            let range = layout.value(field)
            let value = Array(text[(start + range.lowerBound)..<(start + range.upperBound)])
            if let number = valueNumbers[value] {
                values[field] = number
            } else {
                values[field] = UInt32(valueNumbers.count)
                valueNumbers[value] = values[field]
            }
        }
        return values
    }

    /// Copies every image's current text into a new buffer, in image order, dropping the stale bytes.
    private mutating func compact() {
        var compacted: [UInt8] = []
        compacted.reserveCapacity(text.count - staleBytes)
        for position in textStarts.indices {
            let start = textStarts[position]
            textStarts[position] = compacted.count
            compacted.append(contentsOf: text[start..<(start + Int(layouts[position].count))])
        }
        text = compacted
        staleBytes = 0
    }
}

/// An image's exactly matched fields, each as the number ``FilterIndex`` gave its lowercased value.
struct ExactFieldValues: Sendable, Hashable {
    private var numbers: SIMD8<UInt32> = .zero

    subscript(field: ExactField) -> UInt32 {
        get { numbers[field.rawValue] }
        set { numbers[field.rawValue] = newValue }
    }
}
