import Foundation
import QingCloud
import TerminalVocabulary

/// How numbers, sizes, times and ages read on screen. Deterministic: no locale, no time zone but UTC.
enum TextFormat {
    /// `9870` -> `9,870`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// A short age for the list: `<1m`, `12m`, `5h`, `3d`, `4mo`, `2y`. Never ticks every second, unless
    /// `showingSeconds` (for how old the data on screen is): then `12s` under a minute.
    static func age(_ seconds: TimeInterval, showingSeconds: Bool = false) -> String {
        let seconds = max(0, seconds)
        switch seconds {
        case ..<60: return showingSeconds ? "\(Int(seconds))s" : "<1m"
        case ..<3600: return "\(Int(seconds / 60))m"
        case ..<(48 * 3600): return "\(Int(seconds / 3600))h"
        case ..<(60 * 86_400): return "\(Int(seconds / 86_400))d"
        case ..<(365 * 86_400): return "\(Int(seconds / (30 * 86_400)))mo"
        default: return "\(Int(seconds / (365 * 86_400)))y"
        }
    }

    /// The next moment ``age(_:showingSeconds:)`` of a time changes, for scheduling a redraw of an age on
    /// screen.
    static func nextAgeChange(since start: Date, now: Date, showingSeconds: Bool = false) -> Date {
        let elapsed = max(0, now.timeIntervalSince(start))
        let step: TimeInterval
        switch elapsed {
        case ..<60 where showingSeconds: step = 1
        case ..<3600: step = 60
        case ..<(48 * 3600): step = 3600
        default: step = 86_400
        }
        return start.addingTimeInterval((elapsed / step).rounded(.down) * step + step)
    }

    /// Whole seconds left until `deadline`, rounded up: `3s`, `1m 5s`; `0s` once it has passed.
    static func countdown(to deadline: Date, now: Date) -> String {
        let seconds = Int(max(0, deadline.timeIntervalSince(now)).rounded(.up))
        return seconds < 60 ? "\(seconds)s" : "\(seconds / 60)m \(seconds % 60)s"
    }

    /// The next moment ``countdown(to:now:)`` changes.
    static func nextCountdownChange(to deadline: Date, now: Date) -> Date {
        let left = max(0, deadline.timeIntervalSince(now)).rounded(.up)
        return deadline.addingTimeInterval(-max(0, left - 1))
    }

    /// `2024-01-02 03:04:05 UTC`.
    static func absolute(_ date: Date) -> String {
        APITimestamp.format(date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }

    /// An absolute time with its age: `2024-01-02 03:04:05 UTC · 3d ago`, or `in 5m` for a future time.
    static func moment(_ date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        let elapsed = now.timeIntervalSince(date)
        let relative = elapsed >= 0 ? "\(age(elapsed)) ago" : "in \(age(-elapsed))"
        return "\(absolute(date)) · \(relative)"
    }

    /// A span of time in hours and minutes: `1h 12m`, `45m`, `<1m`.
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(max(0, seconds) / 60)
        if minutes == 0 { return "<1m" }
        if minutes < 60 { return "\(minutes)m" }
        return minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h \(minutes % 60)m"
    }

    /// `5s`, `2.5s`, `2m`, `90s`: a refresh interval.
    static func interval(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds != 0 {
            let tenths = Int((Double(seconds) + Double(attoseconds) / 1e18) * 10 + 0.5)
            return tenths % 10 == 0 ? "\(tenths / 10)s" : "\(tenths / 10).\(tenths % 10)s"
        }
        return seconds >= 120 && seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds)s"
    }

    /// Breaks text into lines at most `width` cells wide, at spaces where possible. Closing punctuation
    /// (`。`, `，`, `」`, `)`, ...) never starts a line: the character before it moves down with it, as
    /// CJK line breaking (kinsoku) has it.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line: [Character] = []
        var lineWidth = 0
        /// Where the last space of `line` is, to break there.
        var lastSpace: Int?
        for character in text {
            let characterWidth = max(0, DisplayWidth.of(character))
            if lineWidth + characterWidth > width, !line.isEmpty {
                if character == " " {
                    lines.append(String(line))
                    line = []
                    lineWidth = 0
                    lastSpace = nil
                    continue
                }
                var head = line[...]
                var carried: ArraySlice<Character> = []
                var brokeAtSpace = false
                if let space = lastSpace, space > 0 {
                    head = line[..<space]
                    carried = line[(space + 1)...]
                    brokeAtSpace = true
                }
                // Without a space to break at, move characters down until the new line starts with one
                // that may start a line.
                while !brokeAtSpace, head.count > 1, let last = head.last, last != " ",
                      cannotStartLine(carried.first ?? character),
                      DisplayWidth.of(String(carried)) + DisplayWidth.of(last) + characterWidth <= width {
                    carried.insert(last, at: carried.startIndex)
                    head.removeLast()
                }
                lines.append(String(head))
                line = Array(carried)
                lineWidth = DisplayWidth.of(String(line))
                lastSpace = nil
            }
            if character == " " { lastSpace = line.count }
            line.append(character)
            lineWidth += characterWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(String(line)) }
        return lines
    }

    /// Punctuation that closes or follows what comes before it, and so must not start a line.
    private static let lineStartProhibited: Set<Character> = Set(
        "、。，．・：；？！）］｝〕〉》」』】〙〗〟’”｠»‼⁇⁈⁉ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ…‥"
            + ",.:;?!)]}%")

    private static func cannotStartLine(_ character: Character) -> Bool {
        lineStartProhibited.contains(character)
    }
}
