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

    /// `usedBy`: what DescribeInstances said uses the image; nil while it is being asked.
    init(row: ImageRow, usedBy: InstanceUsage.Answer?, width: Int, now: Date, highlights: Set<ImageField>) {
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
        lines.append(contentsOf: Self.usedBy(usedBy, width: width))
        lines.append([])
        lines.append(contentsOf: Self.description(row, width: width))
        lines.append(contentsOf: Self.tags(row, width: width, changed: highlights.contains(.tags)))
        self.lines = lines
    }

    /// The fields shown above the description and the tags, in order (the zone only when several are
    /// shown); those not ``wideFields`` sit two to a line on a wide pane.
    static let order: [ImageField] = [
        .id, .status, .zone, .name, .transitionStatus, .size, .osFamily, .platform, .processorType, .recommendedType,
        .visibility, .provider, .owner, .createTime, .statusTime,
    ]
    static let wideFields: Set<ImageField> = [.name, .owner, .createTime, .statusTime]

    private static func fields(of row: ImageRow, now: Date, highlights: Set<ImageField>) -> [Field] {
        var fields = order.compactMap { field -> Field? in
            guard field != .zone || !row[.zone].isEmpty else { return nil }
            return Field(label: field.declaration.detailLabel ?? "", value: value(of: field, in: row, now: now),
                         isWide: wideFields.contains(field), changed: highlights.contains(field))
        }
        if row.statusKind == .deleted {
            fields.append(Field(label: "Recovery", value: recovery(row, now: now), isWide: true))
        }
        return fields
    }

    /// How the pane shows a field: as the list does, with `—` for an empty name or type and no transition.
    private static func value(of field: ImageField, in row: ImageRow, now: Date) -> StyledLine {
        switch field {
        case .status: [Span(row[.status], Theme.status(row.statusKind))]
        case .transitionStatus:
            row.transition.map { [Span($0, Theme.activity), Span(" ⟳", Theme.activity)] } ?? [Span("—", Theme.faint)]
        case .size: [Span("\(row.sizeGB) GB")]
        case .createTime: [Span(TextFormat.moment(row.createTime, now: now))]
        case .statusTime: [Span(TextFormat.moment(row.statusTime, now: now))]
        case .name, .recommendedType: [Span(row[field].isEmpty ? "—" : row[field])]
        default: [Span(row[field])]
        }
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

    /// "Used by": how many instances run from the image, then the first few (id, status, name), or why
    /// that is unknown, or that it is being asked.
    private static func usedBy(_ answer: InstanceUsage.Answer?, width: Int) -> [StyledLine] {
        let value: StyledLine
        var listed: [StyledLine] = []
        switch answer {
        case nil:
            value = [Span("loading…", Theme.faint)]
        case .unknown(let reason)?:
            value = [Span("unknown: " + reason, Theme.warning)]
        case .known(let total, let first)?:
            value = total == 0 ? [Span("no instances", Theme.faint)]
                : [Span(total == 1 ? "1 instance" : "\(total) instances", Theme.strong)]
            let indent = String(repeating: " ", count: labelWidth)
            for instance in first {
                let line = indent + DisplayWidth.fit(instance.id, width: 11) + " " + DisplayWidth.fit(instance.status, width: 10)
                    + " " + (instance.name.isEmpty ? "—" : instance.name)
                listed.append([Span(DisplayWidth.truncate(line, toWidth: width))])
            }
            if total > first.count {
                listed.append([Span(indent + "… \(total - first.count) more", Theme.faint)])
            }
        }
        return wrapped(Field(label: "Used by", value: value, isWide: true), width: width) + listed
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
