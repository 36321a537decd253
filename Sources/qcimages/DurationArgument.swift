import ArgumentParser

/// A length of time on the command line as `timeout(1)` and kubectl write it: `90` or `90s`, `500ms`,
/// `30m`, `1h`, and sums such as `1h30m` or `2m30s`; fractions are allowed (`1.5s`).
struct DurationArgument: ExpressibleByArgument, Sendable, Hashable, CustomStringConvertible {
    let duration: Duration

    init(_ duration: Duration) {
        self.duration = duration
    }

    init?(argument: String) {
        guard let duration = Self.parse(argument) else { return nil }
        self.duration = duration
    }

    /// The duration `text` writes, nil when it writes none.
    static func parse(_ text: String) -> Duration? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let seconds = Double(text) { return seconds.isFinite && seconds >= 0 ? .seconds(seconds) : nil }
        var total = Duration.zero
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(unit.count)
            guard let value = Double(number), value.isFinite, let scale = units[String(unit)] else { return nil }
            total += .seconds(value * scale)
        }
        return total
    }

    private static let units: [String: Double] = ["ms": 0.001, "s": 1, "m": 60, "h": 3600]

    /// `30m`, `5s`, `1h2m3s`, `1.5s`: what the help shows as a default.
    var description: String { Self.format(duration, fractions: true) }

    static var defaultCompletionKind: CompletionKind { .default }

    /// `4m12s`, `1h02m03s`, `12s`: whole seconds unless `fractions`.
    static func format(_ duration: Duration, fractions: Bool = false) -> String {
        let (whole, attoseconds) = duration.components
        if fractions, attoseconds != 0 { return "\(Double(whole) + Double(attoseconds) / 1e18)s" }
        let hours = whole / 3600, minutes = whole / 60 % 60, seconds = whole % 60
        if hours > 0 { return "\(hours)h" + pad(minutes) + "m" + pad(seconds) + "s" }
        if minutes > 0 { return "\(minutes)m" + (seconds > 0 || !fractions ? pad(seconds) + "s" : "") }
        return "\(seconds)s"
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
