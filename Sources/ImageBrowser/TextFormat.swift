import Foundation
import QingCloud

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

    /// `5s`, `2m`, `1m30s`: a refresh interval.
    static func interval(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        if seconds < 60 || seconds % 60 != 0 && seconds < 120 { return "\(seconds)s" }
        return seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds / 60)m\(seconds % 60)s"
    }

    /// Breaks text into lines at most `width` cells wide, at spaces where possible.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var lastSpace: String.Index?
        for character in text {
            let characterWidth = max(0, DisplayWidth.of(character))
            if lineWidth + characterWidth > width, !line.isEmpty {
                if let space = lastSpace, space > line.startIndex {
                    let rest = String(line[line.index(after: space)...])
                    lines.append(String(line[..<space]))
                    line = rest
                    lineWidth = DisplayWidth.of(rest)
                } else {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                lastSpace = nil
                if character == " ", line.isEmpty { continue }
            }
            if character == " " { lastSpace = line.endIndex }
            line.append(character)
            lineWidth += characterWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
