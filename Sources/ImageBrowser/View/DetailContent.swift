import Foundation
import QingCloud
import TerminalVocabulary

/// The lines of the detail pane for one image at one width: every documented field, the description
/// wrapped, the tags with colour swatches, and for a deleted image what is left of its recovery window.
struct DetailContent {
    /// A deleted image can be recovered for this long after it was deleted; then it ceases.
    static let recoveryWindow = TimeInterval(ImageStatus.recoveryWindowSeconds)
    static let labelWidth = 12
    /// From this width on, short fields sit two to a line.
    static let twoColumnWidth = 76

    private struct Field {
        var label: String
        var value: StyledLine
        /// Takes a whole line (and wraps) rather than half of one.
        var isWide = false
        var changed = false
    }

    let lines: [StyledLine]

    init(row: ImageRow, width: Int, now: Date, highlights: Set<ImageField>) {
        let fields = Self.fields(of: row, now: now, highlights: highlights)
        var lines: [StyledLine] = []
        let twoColumns = width >= Self.twoColumnWidth
        let halfWidth = (width - 1) / 2
        var pending: Field?
        func flush() {
            if let field = pending { lines.append(Self.line(field, width: twoColumns ? halfWidth : width)) }
            pending = nil
        }
        for field in fields {
            if field.isWide {
                flush()
                lines.append(contentsOf: Self.wrapped(field, width: width))
            } else if !twoColumns {
                lines.append(Self.line(field, width: width))
            } else if let left = pending {
                let padded = Self.padded(Self.line(left, width: halfWidth), to: halfWidth)
                lines.append(padded + [Span(" ")] + Self.line(field, width: halfWidth))
                pending = nil
            } else {
                pending = field
            }
        }
        flush()
        lines.append([])
        lines.append(contentsOf: Self.description(row, width: width))
        lines.append(contentsOf: Self.tags(row, width: width, changed: highlights.contains(.tags)))
        self.lines = lines
    }

    private static func fields(of row: ImageRow, now: Date, highlights: Set<ImageField>) -> [Field] {
        func field(_ label: String, _ value: String, _ style: CellStyle = .plain, _ key: ImageField? = nil,
                   wide: Bool = false) -> Field {
            Field(label: label, value: [Span(value, style)], isWide: wide,
                  changed: key.map(highlights.contains) ?? false)
        }
        var fields = [
            field("ID", row.id),
            field("Status", row.status, Theme.status(row.statusKind), .status),
            field("Name", row.name.isEmpty ? "—" : row.name, .plain, .name, wide: true),
            Field(label: "Transition",
                  value: row.transition.map { [Span($0, Theme.activity), Span(" ⟳", Theme.activity)] } ?? [Span("—", Theme.faint)],
                  changed: highlights.contains(.transition)),
            field("Size", "\(row.sizeGB) GB", .plain, .size),
            field("OS family", row.osFamily, .plain, .osFamily),
            field("Platform", row.platform, .plain, .platform),
            field("Processor", row.processorType, .plain, .processorType),
            field("Recommended", row.recommendedType.isEmpty ? "—" : row.recommendedType, .plain, .recommendedType),
            field("Visibility", row.visibility, .plain, .visibility),
            field("Provider", row.provider, .plain, .provider),
            field("Owner", row.owner, .plain, .owner, wide: true),
            field("Created", TextFormat.moment(row.createTime, now: now), .plain, .createTime, wide: true),
            field("Status time", TextFormat.moment(row.statusTime, now: now), .plain, .statusTime, wide: true),
        ]
        if row.statusKind == .deleted {
            fields.append(Field(label: "Recovery", value: recovery(row, now: now), isWide: true))
        }
        return fields
    }

    private static func recovery(_ row: ImageRow, now: Date) -> StyledLine {
        guard let deletedAt = row.statusTime else {
            return [Span("deleted at an unknown time; recoverable for 2h after deletion", Theme.warning)]
        }
        let left = deletedAt.addingTimeInterval(recoveryWindow).timeIntervalSince(now)
        if left <= 0 { return [Span("recovery window over: the image ceases soon", Theme.error)] }
        // Rounded up, as countdowns are: "1m" until the last second, and each minute ticks on the minute.
        let minutesLeft = (left / 60).rounded(.up)
        return [Span(TextFormat.duration(minutesLeft * 60), Theme.warning), Span(" left to recover (2h window)")]
    }

    private static func labelSpan(_ label: String) -> Span {
        Span(DisplayWidth.fit(label, width: labelWidth - 1) + " ", Theme.label)
    }

    private static func valueSpans(_ field: Field) -> StyledLine {
        field.changed ? field.value.map { Span($0.text, Theme.changed) } : field.value
    }

    /// A field on one line, its value cut to the width.
    private static func line(_ field: Field, width: Int) -> StyledLine {
        var remaining = max(0, width - labelWidth)
        var spans = [labelSpan(field.label)]
        for span in valueSpans(field) {
            let text = DisplayWidth.truncate(span.text, toWidth: remaining)
            remaining -= DisplayWidth.of(text)
            spans.append(Span(text, span.style))
        }
        return spans
    }

    /// A wide field: its value wrapped under itself.
    private static func wrapped(_ field: Field, width: Int) -> [StyledLine] {
        let valueWidth = max(1, width - labelWidth)
        let spans = valueSpans(field)
        if spans.count > 1 || DisplayWidth.of(spans.first?.text ?? "") <= valueWidth {
            return [line(field, width: width)]
        }
        let style = spans.first?.style ?? .plain
        let pieces = TextFormat.wrap(spans.first?.text ?? "", width: valueWidth)
        return pieces.enumerated().map { index, piece in
            [index == 0 ? labelSpan(field.label) : Span(String(repeating: " ", count: labelWidth)), Span(piece, style)]
        }
    }

    private static func padded(_ line: StyledLine, to width: Int) -> StyledLine {
        let used = line.displayWidth
        return used < width ? line + [Span(String(repeating: " ", count: width - used))] : line
    }

    private static func description(_ row: ImageRow, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = [[Span("Description", Theme.label)]]
        if row.descriptionLines.isEmpty {
            lines.append([Span("  (none)", Theme.faint)])
        } else {
            for paragraph in row.descriptionLines {
                lines += TextFormat.wrap(paragraph, width: max(1, width - 2)).map { [Span("  " + $0)] }
            }
        }
        return lines
    }

    private static func tags(_ row: ImageRow, width: Int, changed: Bool) -> [StyledLine] {
        var lines: [StyledLine] = [[Span("Tags", Theme.label)] + (changed ? [Span(" changed", Theme.changed)] : [])]
        if row.tags.isEmpty { lines.append([Span("  (none)", Theme.faint)]) }
        for tag in row.tags {
            let swatch = Span("  ", CellStyle(background: tag.paletteIndex.map(TerminalColor.palette) ?? .default))
            var line: StyledLine = [Span("  "), swatch, Span(" "), Span(tag.name.isEmpty ? "—" : tag.name, Theme.strong)]
            if !tag.key.isEmpty || !tag.value.isEmpty {
                line.append(Span("  \(tag.key)=\(tag.value)"))
            }
            line.append(Span("  \(tag.colorText)", Theme.faint))
            lines.append(line)
        }
        return lines
    }
}
