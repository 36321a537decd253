/// How many terminal cells text takes, as `wcwidth` counts them.
///
/// Columns are laid out by display width, never by character or byte count: a CJK character or an emoji
/// takes two cells, a combining mark none. glibc's `wcwidth` is not reachable from Swift, so the widths
/// come from ``DisplayWidthTables``. Widths are counted per grapheme cluster: a cluster is as wide as its
/// first scalar, except that an emoji followed by U+FE0F (emoji presentation) and a flag (a pair of
/// regional indicators, each one cell to `wcwidth`) are two cells.
/// Control characters count as one cell: they are never drawn raw (``Sanitizer`` turns each into a
/// one-cell picture first).
public enum DisplayWidth {
    /// The cells one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        let width = scalarWidth(first)
        guard width == 1, let second = scalars.next() else { return width }
        if second == emojiPresentationSelector, first.properties.isEmoji { return 2 }
        if regionalIndicators.contains(first.value), regionalIndicators.contains(second.value) { return 2 }
        return width
    }

    /// The cells a whole text takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var count = 0
        for byte in text.utf8 {
            guard isPrintableASCII(byte) else { return text.reduce(0) { $0 + of($1) } }
            count += 1
        }
        return count
    }

    /// Cuts `text` so it fits in `width` cells, ending with `ellipsis` ("…", 1 cell) when cut; never splits a wide character (pads nothing).
    ///
    /// A text that fits is returned unchanged. When even the ellipsis does not fit, the text is cut to
    /// `width` cells without it.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if text.utf8.allSatisfy(isPrintableASCII) {
            guard text.utf8.count > width else { return text }
            let ellipsisWidth = of(ellipsis)
            guard ellipsisWidth <= width else { return asciiPrefix(of: text, length: width) }
            return asciiPrefix(of: text, length: width - ellipsisWidth) + ellipsis
        }
        let ellipsisWidth = of(ellipsis)
        var used = 0
        var endWithEllipsis = text.startIndex
        var endWithoutEllipsis = text.startIndex
        for index in text.indices {
            used += of(text[index])
            guard used <= width else {
                if ellipsisWidth > width { return String(text[..<endWithoutEllipsis]) }
                return String(text[..<endWithEllipsis]) + ellipsis
            }
            let next = text.index(after: index)
            endWithoutEllipsis = next
            if used <= width - ellipsisWidth { endWithEllipsis = next }
        }
        return text
    }

    /// Truncates then pads with spaces on the right (or left when `alignRight`) to exactly `width` cells.
    public static func fit(_ text: String, width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, toWidth: width)
        let padding = max(0, width - of(cut))
        guard padding > 0 else { return cut }
        let spaces = String(repeating: " ", count: padding)
        return alignRight ? spaces + cut : cut + spaces
    }

    /// U+FE0F VARIATION SELECTOR-16, which asks for the emoji (two-cell) presentation.
    private static let emojiPresentationSelector: Unicode.Scalar = "\u{FE0F}"

    /// REGIONAL INDICATOR SYMBOL LETTER A to Z: two of them make a flag.
    private static let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

    /// The first scalar that is not one cell wide (U+0300, the first combining mark).
    private static let firstNonSingleCell: UInt32 = 0x300

    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F
    }

    private static func asciiPrefix(of text: String, length: Int) -> String {
        String(text[..<text.utf8.index(text.startIndex, offsetBy: length)])
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < firstNonSingleCell { return 1 }
        if contains(value, in: DisplayWidthTables.zeroWidth) { return 0 }
        if contains(value, in: DisplayWidthTables.wide) { return 2 }
        return 1
    }

    private static func contains(_ value: UInt32, in ranges: [ClosedRange<UInt32>]) -> Bool {
        guard let first = ranges.first, let last = ranges.last,
              value >= first.lowerBound, value <= last.upperBound
        else { return false }
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
