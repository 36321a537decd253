import CNcurses
import TerminalVocabulary

/// Curses colour pairs, allocated the first time a foreground/background combination is drawn.
///
/// Terminals offer a limited number of pairs; when they run out, further combinations are drawn in the
/// default pair rather than recycling a pair that cells on screen still use.
final class ColorPairCache {
    private let mapper: ColorMapper
    private let limit: Int
    private var pairs: [ColorMapper.Pair: Int16] = [:]
    private var nextPair: Int16 = 1

    init(mapper: ColorMapper, availablePairs: Int) {
        self.mapper = mapper
        self.limit = min(availablePairs, Int(Int16.max))
    }

    /// The pair number to draw `style` with (0, the default pair, when colours are off).
    func pairNumber(for style: CellStyle) -> Int16 {
        guard let pair = mapper.pair(for: style), pair != mapper.defaultPair else { return 0 }
        if let known = pairs[pair] { return known }
        guard Int(nextPair) < limit, init_pair(nextPair, pair.foreground, pair.background) == OK else {
            return 0
        }
        pairs[pair] = nextPair
        defer { nextPair += 1 }
        return nextPair
    }
}
