import ImageBrowser
import TerminalVocabulary
import Testing

@testable import CursesTerminal

@Suite struct ColorMapperTests {
    @Test func capabilityFollowsTheTerminalAndTheUser() {
        #expect(ColorCapability(colors: 256, hasColors: true, colorsWanted: true) == .palette256)
        #expect(ColorCapability(colors: 16, hasColors: true, colorsWanted: true) == .ansi16)
        #expect(ColorCapability(colors: 8, hasColors: true, colorsWanted: true) == .ansi8)
        #expect(ColorCapability(colors: 256, hasColors: true, colorsWanted: false) == .none)
        #expect(ColorCapability(colors: 0, hasColors: false, colorsWanted: true) == .none)
        #expect(ColorCapability(colors: -1, hasColors: false, colorsWanted: true) == .none)
    }

    @Test func noColorMeansNoPairButStylesKeepTheirAttributes() {
        let mapper = ColorMapper(capability: .none, defaultColorsAvailable: false)
        #expect(mapper.pair(for: CellStyle(foreground: .red, background: .palette(236), reverse: true)) == nil)
    }

    @Test func paletteColorsPassThroughOn256ColorTerminals() {
        let mapper = ColorMapper(capability: .palette256, defaultColorsAvailable: true)
        let pair = mapper.pair(for: CellStyle(foreground: .palette(208), background: .palette(236)))
        #expect(pair == ColorMapper.Pair(foreground: 208, background: 236))
    }

    @Test func defaultColorsAreMinusOneWhenTheTerminalKeepsItsOwn() {
        let mapper = ColorMapper(capability: .ansi8, defaultColorsAvailable: true)
        #expect(mapper.pair(for: .plain) == ColorMapper.Pair(foreground: -1, background: -1))
        #expect(mapper.pair(for: .plain) == mapper.defaultPair)
        #expect(mapper.pair(for: CellStyle(foreground: .green)) == ColorMapper.Pair(foreground: 2, background: -1))
    }

    @Test func defaultColorsAreWhiteOnBlackWithoutUseDefaultColors() {
        let mapper = ColorMapper(capability: .ansi8, defaultColorsAvailable: false)
        #expect(mapper.pair(for: .plain) == ColorMapper.Pair(foreground: 7, background: 0))
        #expect(mapper.defaultPair == ColorMapper.Pair(foreground: 7, background: 0))
    }

    @Test func eightColorTerminalsGetTheNearestANSIColor() {
        let mapper = ColorMapper(capability: .ansi8, defaultColorsAvailable: true)
        func foreground(_ index: UInt8) -> Int16? {
            mapper.pair(for: CellStyle(foreground: .palette(index)))?.foreground
        }
        #expect(foreground(1) == 1)
        #expect(foreground(9) == 1)
        #expect(foreground(196) == 1)
        #expect(foreground(52) == 1)
        #expect(foreground(208) == 3)
        #expect(foreground(46) == 2)
        #expect(foreground(21) == 4)
        #expect(foreground(51) == 6)
        #expect(foreground(201) == 5)
        #expect(foreground(226) == 3)
        #expect(foreground(232) == 0)
        #expect(foreground(236) == 0)
        #expect(foreground(250) == 7)
        #expect(foreground(231) == 7)
    }

    @Test func sixteenColorTerminalsKeepTheBrightColors() {
        let mapper = ColorMapper(capability: .ansi16, defaultColorsAvailable: true)
        #expect(mapper.pair(for: CellStyle(foreground: .palette(9)))?.foreground == 9)
        #expect(mapper.pair(for: CellStyle(foreground: .palette(196)))?.foreground == 1)
    }

    @Test func textStaysReadableWhenBothColorsFallOnTheSameANSIColor() {
        let mapper = ColorMapper(capability: .ansi8, defaultColorsAvailable: true)
        let onDarkGrey = mapper.pair(for: CellStyle(foreground: .palette(238), background: .palette(235)))
        #expect(onDarkGrey == ColorMapper.Pair(foreground: 7, background: 0))
        let onYellow = mapper.pair(for: CellStyle(foreground: .palette(220), background: .yellow))
        #expect(onYellow == ColorMapper.Pair(foreground: 0, background: 3))
        let asked = mapper.pair(for: CellStyle(foreground: .blue, background: .blue))
        #expect(asked == ColorMapper.Pair(foreground: 4, background: 4))
    }

    @Test func paletteCubeAndGreyRampHaveXtermValues() {
        func rgb(_ index: UInt8) -> [Int] {
            let (red, green, blue) = ColorMapper.rgb(ofPaletteIndex: index)
            return [red, green, blue]
        }
        #expect(rgb(16) == [0, 0, 0])
        #expect(rgb(208) == [255, 135, 0])
        #expect(rgb(231) == [255, 255, 255])
        #expect(rgb(232) == [8, 8, 8])
        #expect(rgb(255) == [238, 238, 238])
    }
}
