import ArgumentParser
import Testing
import TerminalVocabulary
@testable import qcimages

/// `--help` of every command at 80 columns, as on a jump host's terminal: nothing wider than the terminal,
/// and every paragraph wrapped by ArgumentParser rather than broken by hand in the middle of a sentence
/// (a line break the wrapper did not need: the next line's first word would have fitted).
struct HelpLayoutTests {
    static let columns = 80

    static let commands: [(name: String, type: any ParsableCommand.Type)] = [
        ("qcimages", QCImages.self),
        ("qcimages browse", BrowseCommand.self),
        ("qcimages pick", PickCommand.self),
        ("qcimages list", ListCommand.self),
        ("qcimages wait", WaitCommand.self),
        ("qcimages simulate", SimulateCommand.self),
    ]

    static func help(_ command: any ParsableCommand.Type) -> [Substring] {
        let text = command == QCImages.self
            ? QCImages.helpMessage(columns: columns)
            : QCImages.helpMessage(for: command, columns: columns)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Where `lines` has a line that ends mid-sentence although the next line, starting lowercase, could
    /// have gone on it: the marks of a paragraph broken by hand. ArgumentParser's wrapper keeps every line
    /// under `columns` cells, so a word fitted when the line with it stays under `columns`.
    static func handBreaks(_ lines: [Substring], columns: Int) -> [String] {
        zip(lines, lines.dropFirst()).compactMap { line, next in
            let ending = line.trimmingSuffix(while: \.isWhitespace)
            let start = next.drop(while: \.isWhitespace)
            guard let last = ending.last, !".:!?".contains(last),
                  let first = start.first, first.isLowercase
            else { return nil }
            let word = start.prefix { !$0.isWhitespace }
            guard DisplayWidth.of(ending) + 1 + DisplayWidth.of(word) < columns else { return nil }
            return "\(ending)⏎\(start)"
        }
    }

    @Test(arguments: commands.map(\.name))
    func fitsEightyColumns(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name }).type
        for line in Self.help(command) {
            #expect(DisplayWidth.of(line) <= Self.columns, "\(name) --help: \(DisplayWidth.of(line)) cells: \(line)")
        }
    }

    @Test(arguments: commands.map(\.name))
    func paragraphsAreWrappedNotBrokenByHand(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name }).type
        let breaks = Self.handBreaks(Self.help(command), columns: Self.columns)
        #expect(breaks.isEmpty, "\(name) --help breaks mid-sentence: \(breaks.joined(separator: " | "))")
    }

    /// Examples first, as git and gh give them, each on one line of its own (none wrapped at 80 columns).
    @Test(arguments: commands.map(\.name))
    func examplesComeFirstEachOnOneLine(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name }).type
        let discussion = command.configuration.discussion
        #expect(discussion.hasPrefix("Examples:"), "\(name): the discussion starts with \(discussion.prefix(30))")
        let examples = Self.help(command).drop { $0 != "Examples:" }.dropFirst().prefix { !$0.isEmpty }
        #expect(!examples.isEmpty, "\(name): no examples")
        for line in examples {
            #expect(line.hasPrefix("  $ qcimages"), "\(name): an example wrapped at 80 columns: \(line)")
        }
    }

    /// The check itself: a sentence broken by hand is caught, one the wrapper had to break is not.
    @Test func handBreakCheckTellsWrappingFromHandBreaking() {
        #expect(Self.handBreaks(["When the", "server's total_count"], columns: 80).count == 1)
        let full = String(repeating: "x", count: 75) + " when"
        #expect(Self.handBreaks([full[...], "another line"], columns: 80).isEmpty)
        #expect(Self.handBreaks(["A sentence.", "another"], columns: 80).isEmpty)
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
