import Foundation
import ImageBrowser
import TerminalVocabulary

/// WCAG 2 contrast of the colours a style draws text in, with xterm's standard colours: the 16 ANSI ones
/// as xterm ships them, the 256-colour palette from 16 up, and for the terminal's default colours black
/// on white (light) or xterm's white on black (dark).
enum Contrast {
    /// WCAG AA for normal text.
    static let minimum = 4.5

    typealias RGB = (red: Int, green: Int, blue: Int)

    static let xtermANSI: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// A text colour on a background colour, by xterm colour number (nil: the terminal's default).
    struct Pair {
        var text: Int?
        var background: Int?
        var ratio: Double
        var column = 0
        var row = 0

        var description: String {
            func name(_ number: Int?, _ fallback: String) -> String { number.map { "colour \($0)" } ?? fallback }
            return "\(name(text, "default text")) on \(name(background, "default background")): "
                + String(format: "%.2f:1", ratio)
        }
    }

    static func number(_ color: TerminalColor) -> Int? {
        switch color {
        case .default: nil
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .palette(let index): Int(index)
        }
    }

    static func rgb(_ number: Int?, isText: Bool, look: Palette.Look) -> RGB {
        guard let number else {
            let black: RGB = (0, 0, 0), white: RGB = look == .light ? (255, 255, 255) : xtermANSI[7]
            return (look == .light) == isText ? black : white
        }
        if number < 16 { return xtermANSI[number] }
        let value = XtermPalette.rgb(ofIndex: UInt8(number))
        return (value.red, value.green, value.blue)
    }

    static func luminance(_ color: RGB) -> Double {
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }

    static func ratio(_ first: RGB, _ second: RGB) -> Double {
        let a = luminance(first), b = luminance(second)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The pairs a style can show its text in: reverse swaps text and background, and bold text in one
    /// of the eight ANSI colours may be drawn in its bright variant (xterm's default), so both count.
    static func pairs(of style: CellStyle, look: Palette.Look) -> [Pair] {
        let foreground = number(style.foreground), background = number(style.background)
        var foregrounds = [foreground]
        if style.bold, let foreground, foreground < 8 { foregrounds.append(foreground + 8) }
        return foregrounds.map { shown in
            let (text, back) = style.reverse ? (background, shown) : (shown, background)
            return Pair(text: text, background: back, ratio: ratio(
                rgb(text, isText: !style.reverse, look: look), rgb(back, isText: style.reverse, look: look)))
        }
    }

    /// Every pair the frame shows text in (cells that are not blank), with the cell.
    static func textPairs(in frame: Frame, look: Palette.Look) -> [Pair] {
        var result: [Pair] = []
        for row in 0..<frame.size.height {
            for (column, cell) in frame.row(row).enumerated() where !cell.text.allSatisfy(\.isWhitespace) {
                for var pair in pairs(of: cell.style, look: look) {
                    pair.column = column
                    pair.row = row
                    result.append(pair)
                }
            }
        }
        return result
    }
}
