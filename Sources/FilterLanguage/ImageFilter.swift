import QingCloud

/// What the user typed in the filter bar, parsed once and then matched against every image.
///
/// The bar re-filters the list at every keystroke, so parsing never fails: a filter is built from every
/// term that parses and ``syntaxError`` reports the first one that did not, for inline display.
/// Syntax (terms are separated by spaces and must all match):
/// - a bare word or a quoted phrase (`ubuntu`, `"server 22.04"`): a case-insensitive substring of the
///   id, name, description, OS family, status, transition status or a tag's name, key or value;
/// - `field:value`: `status`, `os`, `arch`, `visibility` and `provider` match exactly (ignoring case;
///   `status` takes only the API's statuses and transition statuses),
///   `owner`, `tag`, `name`, `id` and `description` by substring; values may be quoted (`name:"银河 麒麟"`);
/// - `size>50`, `size>=50`, `size<20`, `size<=20`, `size=40` (or `size:40`) compare the size in GB;
///   a unit may follow in any case (`50G`, `50gb`, `1T`, `1.5T`, `2TB`; a TB is 1024 GB), and decimals
///   are taken when they come to whole GB;
/// - `a|b` accepts either value (`status:available|pending`, `ubuntu|debian`);
/// - `!` in front negates a term (`!status:deleted`, `!centos`).
public struct ImageFilter: Sendable, Hashable {
    /// The text as typed.
    public let text: String
    /// The first term that did not parse, if any.
    public let syntaxError: FilterSyntaxError?
    /// The terms that parsed, cheapest to check first.
    let terms: [FilterTerm]
    /// The terms laid out for matching.
    let program: FilterProgram

    /// Parses what the user typed; never fails (see ``syntaxError``).
    public static func parse(_ text: String) -> ImageFilter {
        var parser = FilterParser(text)
        parser.parse()
        return ImageFilter(text: text, syntaxError: parser.firstError, terms: parser.terms)
    }

    /// The filter that matches every image.
    public static let empty = ImageFilter.parse("")

    private init(text: String, syntaxError: FilterSyntaxError?, terms: [FilterTerm]) {
        self.text = text
        self.syntaxError = syntaxError
        // A pasted text repeats words: each distinct term is checked once.
        var seen: Set<FilterTerm> = []
        self.terms = terms.filter { seen.insert($0).inserted }.sorted { $0.cost < $1.cost }
        program = FilterProgram(self.terms)
    }

    /// Whether no term parsed, so that every image matches.
    public var isEmpty: Bool { terms.isEmpty }

    /// The zones that `zone:` terms (not negated) ask for, as typed, lowercased.
    public var zonesAskedFor: [String] {
        terms.flatMap { term -> [String] in
            guard case .field(.zone, let needles) = term.condition, !term.isNegated else { return [] }
            return needles.map(\.lowercased)
        }
    }

    public static func == (lhs: ImageFilter, rhs: ImageFilter) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// One space-separated term of a filter: a condition, possibly negated.
struct FilterTerm: Sendable, Hashable {
    var condition: FilterCondition
    var isNegated: Bool

    /// A rough rank of how long the term takes to check, so that cheap terms reject images first.
    var cost: Int {
        switch condition {
        case .size: 0
        case .field(let field, _) where field.declaration.filter?.matchesExactly == true: 1
        case .field, .text: 2
        }
    }
}

/// What a term asks of an image.
enum FilterCondition: Sendable, Hashable {
    /// A bare word or phrase: any of the needles is a substring of the image's searchable text.
    case text([FilterNeedle])
    /// `field:value`: the field matches any of the needles.
    case field(ImageField, [FilterNeedle])
    /// `size>50` and friends, in GB.
    case size(SizeComparison, Int)
}

/// A value to look for, lowercased once at parse time.
struct FilterNeedle: Sendable, Hashable {
    /// The value as typed.
    var original: String
    /// The value lowercased (and, for `arch`, normalised to the API's spelling).
    var lowercased: String
    /// `lowercased` as UTF-8, for substring search.
    var bytes: [UInt8]

    init(original: String, lowercased: String) {
        self.original = original
        self.lowercased = lowercased
        self.bytes = Array(lowercased.utf8)
    }
}

/// The comparison of a `size` term.
enum SizeComparison: String, Sendable, Hashable {
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
    case equal = "="

    func holds(_ size: Int, _ bound: Int) -> Bool {
        switch self {
        case .greater: size > bound
        case .greaterOrEqual: size >= bound
        case .less: size < bound
        case .lessOrEqual: size <= bound
        case .equal: size == bound
        }
    }
}
