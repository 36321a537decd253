import QingCloud

/// Where a filter's text does not parse, for display beside the filter bar.
public struct FilterSyntaxError: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in a few words (`unknown field "colour"`).
    public var message: String
    /// Where the bad part starts, in characters (grapheme clusters) from the start of the text.
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (column \(offset + 1))" }
}

/// Turns filter text into terms, left to right, skipping the terms that do not parse.
///
/// A term is `!`? followed by `size` and a comparison, `field:values`, or bare values; values are
/// separated by `|` and may be quoted. A term with any mistake in it (a missing closing quote, an unknown
/// field or status, a size that is not a number, an empty alternative) is reported and left out whole,
/// so that every mistake keeps the rows it would otherwise hide.
struct FilterParser {
    private let characters: [Character]
    private var position = 0
    private(set) var terms: [FilterTerm] = []
    private(set) var firstError: FilterSyntaxError?
    /// Whether the term being read has a mistake, which leaves the whole term out.
    private var termHasMistake = false

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func parse() {
        while true {
            while position < characters.count, characters[position].isWhitespace { position += 1 }
            guard position < characters.count else { return }
            termHasMistake = false
            if let term = parseTerm(), !termHasMistake { terms.append(term) }
        }
    }

    private var isAtTermEnd: Bool {
        position == characters.count || characters[position].isWhitespace
    }

    private mutating func report(_ message: String, at offset: Int) {
        termHasMistake = true
        if firstError == nil { firstError = FilterSyntaxError(message: message, offset: offset) }
    }

    private mutating func parseTerm() -> FilterTerm? {
        let termStart = position
        let isNegated = characters[position] == "!"
        if isNegated {
            position += 1
            guard !isAtTermEnd else {
                report("\"!\" needs a term after it", at: termStart)
                return nil
            }
        }
        let nameStart = position
        let name = readName().lowercased()
        guard !name.isEmpty, position < characters.count else {
            position = nameStart
            return textTerm(isNegated: isNegated, start: termStart)
        }
        if characters[position] == ":" {
            position += 1
            if name == "size" { return sizeTerm(.equal, isNegated: isNegated, start: termStart) }
            guard let field = ImageField(filterName: name) else {
                report("unknown field \"\(name)\"", at: nameStart)
                _ = readAlternatives()
                return nil
            }
            return fieldTerm(field, isNegated: isNegated, start: termStart)
        }
        if let comparison = readComparison() {
            if name == "size" { return sizeTerm(comparison, isNegated: isNegated, start: termStart) }
            if ImageField(filterName: name) != nil {
                report("only size compares with < > =; use \(name):value", at: nameStart)
                _ = readAlternatives()
                return nil
            }
        }
        position = nameStart
        return textTerm(isNegated: isNegated, start: termStart)
    }

    private mutating func textTerm(isNegated: Bool, start: Int) -> FilterTerm? {
        let (values, hadAlternatives) = readAlternatives()
        guard !values.isEmpty else {
            if !hadAlternatives { report("empty quotes", at: start) }
            return nil
        }
        let needles = values.map { FilterNeedle(original: $0, lowercased: $0.lowercased()) }
        return FilterTerm(condition: .text(needles), isNegated: isNegated)
    }

    private mutating func fieldTerm(_ field: ImageField, isNegated: Bool, start: Int) -> FilterTerm? {
        let (values, hadAlternatives) = readAlternatives()
        guard !values.isEmpty else {
            if !hadAlternatives { report("\(field.filterName): needs a value", at: start) }
            return nil
        }
        let needles = values.map { value in
            FilterNeedle(original: value, lowercased: Self.normalized(value.lowercased(), for: field))
        }
        if let known = Self.knownValues[field], !needles.allSatisfy({ known.accepted.contains($0.lowercased) }) {
            report("\(field.filterName) is " + known.shown.joined(separator: "|"), at: start)
            return nil
        }
        return FilterTerm(condition: .field(field, needles), isNegated: isNegated)
    }

    private mutating func sizeTerm(_ comparison: SizeComparison, isNegated: Bool, start: Int) -> FilterTerm? {
        let (values, hadAlternatives) = readAlternatives()
        guard !hadAlternatives else {
            report("size takes one number", at: start)
            return nil
        }
        guard let value = values.first else {
            report("size needs a number of GB", at: start)
            return nil
        }
        switch Self.gigabytes(value) {
        case .gigabytes(let gigabytes):
            return FilterTerm(condition: .size(comparison, gigabytes), isNegated: isNegated)
        case .notWhole:
            report("size counts whole GB; \"\(value)\" is not a whole number of GB", at: start)
        case .notANumber:
            report("size takes a number of GB, a unit may follow (50, 50G, 1.5T), not \"\(value)\"", at: start)
        }
        return nil
    }

    /// Reads a field name (an ASCII letter, then letters, digits or `_`); empty when there is none.
    private mutating func readName() -> String {
        var name = ""
        while position < characters.count {
            let character = characters[position]
            let isNameCharacter = character.isASCII
                && (character.isLetter || (!name.isEmpty && (character.isNumber || character == "_")))
            guard isNameCharacter else { break }
            name.append(character)
            position += 1
        }
        return name
    }

    private mutating func readComparison() -> SizeComparison? {
        guard position < characters.count else { return nil }
        let first = characters[position]
        let second = position + 1 < characters.count ? characters[position + 1] : nil
        let comparison: SizeComparison? = switch (first, second) {
        case (">", "="): .greaterOrEqual
        case ("<", "="): .lessOrEqual
        case (">", _): .greater
        case ("<", _): .less
        case ("=", _): .equal
        default: nil
        }
        if let comparison { position += comparison.rawValue.count }
        return comparison
    }

    /// Reads `value|value|...` to the end of the term. Empty values are left out (and reported when
    /// they sit between or after `|`); `hadAlternatives` tells whether there was a `|` at all.
    private mutating func readAlternatives() -> (values: [String], hadAlternatives: Bool) {
        var values: [String] = []
        var hadAlternatives = false
        while true {
            let valueStart = position
            let value = readValue()
            if !value.isEmpty {
                values.append(value)
            } else if hadAlternatives || (position < characters.count && characters[position] == "|") {
                report("empty alternative", at: valueStart)
            }
            guard position < characters.count, characters[position] == "|" else {
                return (values, hadAlternatives)
            }
            hadAlternatives = true
            position += 1
        }
    }

    /// Reads one value: unquoted characters up to a space or `|`, and quoted runs, which may hold both.
    private mutating func readValue() -> String {
        var value = ""
        while position < characters.count {
            let character = characters[position]
            if character.isWhitespace || character == "|" { break }
            position += 1
            guard character == "\"" else {
                value.append(character)
                continue
            }
            let quoteStart = position - 1
            while position < characters.count, characters[position] != "\"" {
                value.append(characters[position])
                position += 1
            }
            if position == characters.count {
                report("missing closing quote", at: quoteStart)
            } else {
                position += 1
            }
        }
        return value
    }

    /// `arch` values in the API's spelling: `64` and `32` mean `64bit` and `32bit`.
    private static func normalized(_ value: String, for field: ImageField) -> String {
        guard field == .processorType, value == "64" || value == "32" else { return value }
        return value + "bit"
    }

    /// The fields whose values the API documents as a closed list: what each accepts (the API's spelling;
    /// `status:` also takes a transition status) and the values an error names, so that a misspelt value
    /// says which exist instead of quietly matching nothing. `arch:` stays open: servers also list
    /// architectures the documentation does not (`arm64`).
    private static let knownValues: [ImageField: (accepted: Set<String>, shown: [String])] = [
        .status: (
            Set(ImageStatus.documented.map(\.rawValue) + TransitionStatus.documented.map(\.rawValue)),
            ImageStatus.documented.map(\.rawValue)
        ),
        .visibility: (Set(Visibility.documented.map(\.rawValue)), Visibility.documented.map(\.rawValue)),
        .provider: (Set(Provider.documented.map(\.rawValue)), Provider.documented.map(\.rawValue)),
    ]

    /// Units a size may carry, in any case, and how many GB each is (as the API counts disk sizes, a
    /// TB is 1024 GB).
    private static let sizeUnits: [(suffix: String, gigabytes: Int)] = [
        ("gib", 1), ("gb", 1), ("g", 1), ("tib", 1024), ("tb", 1024), ("t", 1024),
    ]

    /// What a size typed in a term amounts to.
    private enum TypedSize: Equatable {
        case gigabytes(Int)
        /// A number whose GB are not whole (`1.1T`, `0.5`).
        case notWhole
        /// Not a number with an optional unit (`abc`, `-5`, `1X`), or too large.
        case notANumber
    }

    /// A size in GB: a number, with decimals or not, optionally followed by a unit (`50g`, `50GB`, `1T`,
    /// `1.5T`, `2tb`).
    private static func gigabytes(_ value: String) -> TypedSize {
        var number = Substring(value.lowercased())
        var multiplier = 1
        if let unit = sizeUnits.first(where: { number.hasSuffix($0.suffix) }) {
            number = number.dropLast(unit.suffix.count)
            multiplier = unit.gigabytes
        }
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        // The number as a fraction `numerator / denominator`, scaled by the unit.
        guard parts.allSatisfy(isDigits), fraction.count <= 18, let numerator = Int(whole + fraction) else {
            return .notANumber
        }
        var denominator = 1
        for _ in 0..<fraction.count { denominator *= 10 }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return .notANumber }
        guard scaled % denominator == 0 else { return .notWhole }
        return .gigabytes(scaled / denominator)
    }
}
