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

    /// A short age for the list: `<1m`, `12m`, `5h`, `3d`, `4mo`, `2y`. Never ticks every second.
    static func age(_ seconds: TimeInterval) -> String {
        let seconds = max(0, seconds)
        switch seconds {
        case ..<60: return "<1m"
        case ..<3600: return "\(Int(seconds / 60))m"
        case ..<(48 * 3600): return "\(Int(seconds / 3600))h"
        case ..<(60 * 86_400): return "\(Int(seconds / 86_400))d"
        case ..<(365 * 86_400): return "\(Int(seconds / (30 * 86_400)))mo"
        default: return "\(Int(seconds / (365 * 86_400)))y"
        }
    }

    /// The next moment ``age(_:)`` of a time changes, for scheduling a redraw of an age on screen.
    static func nextAgeChange(since start: Date, now: Date) -> Date {
        let elapsed = max(0, now.timeIntervalSince(start))
        let step: TimeInterval
        switch elapsed {
        case ..<3600: step = 60
        case ..<(48 * 3600): step = 3600
        default: step = 86_400
        }
        return start.addingTimeInterval((elapsed / step).rounded(.down) * step + step)
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

    /// Breaks text into lines at most `width` cells wide, at spaces where possible.
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
                if let space = lastSpace, space > 0 {
                    lines.append(String(line[..<space]))
                    line = Array(line[(space + 1)...])
                } else {
                    lines.append(String(line))
                    line = []
                }
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
}
