/// Maps `#rrggbb` colours (tag colours from the console) to the nearest xterm 256-colour entry.
///
/// Only the 6x6x6 cube and the grey ramp (16-255) are candidates: the first 16 entries change with the
/// user's terminal theme, so they cannot stand for a fixed colour.
public enum XtermPalette {
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a palette entry from 16 to 255.
    public static func rgb(ofIndex index: UInt8) -> (red: Int, green: Int, blue: Int) {
        let value = Int(index)
        if value >= 232 {
            let grey = 8 + (value - 232) * 10
            return (grey, grey, grey)
        }
        let cube = value - 16
        return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    }

    /// The nearest entry to `#rrggbb` (or `rrggbb`), nil when the text is not such a colour.
    public static func nearestIndex(toHex text: String) -> UInt8? {
        var hex = Substring(text)
        if hex.first == "#" { hex = hex.dropFirst() }
        guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let value = Int(hex, radix: 16) else { return nil }
        let target = (red: value >> 16 & 0xFF, green: value >> 8 & 0xFF, blue: value & 0xFF)
        var best: UInt8 = 16
        var bestDistance = Int.max
        for index in UInt8(16)...UInt8(255) {
            let candidate = rgb(ofIndex: index)
            let dr = candidate.red - target.red, dg = candidate.green - target.green, db = candidate.blue - target.blue
            // Weighted towards green, where the eye is most sensitive.
            let distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db
            if distance < bestDistance {
                bestDistance = distance
                best = index
            }
        }
        return best
    }
}
