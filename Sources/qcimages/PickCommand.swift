import ArgumentParser
import CursesTerminal
import Foundation
import QingCloud
import TerminalVocabulary

/// `qcimages pick`: the browser as a chooser for scripts. It draws on `/dev/tty`, so that stdout carries
/// only the chosen image, and ends with fzf's exit statuses.
struct PickCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pick",
        abstract: "Choose an image in the browser and print it (its id by default).",
        usage: "qcimages pick [<options>]",
        discussion: """
            Examples:
              $ qcimages pick --demo                         Print the chosen image's id.
              $ qcimages pick -z all --print '{zone} {id}'   Its zone and id.
              $ qcimages pick -o json > image.json           Its JSON, as list writes it.
              $ qcimages pick --multi | xargs -n1 echo       The ids marked with Space.

            The browser opens on the terminal (/dev/tty) whatever stdout is: Enter prints the selected \
            image and exits 0 (with --multi: the images marked with Space, in the list's order, or the \
            selected one when none is marked; without it marks are off, as in fzf without -m); q or Esc \
            exit 1 and print nothing, Ctrl-C exits 130; an error before the browser opened (no terminal, \
            a bad --print field, the API refusing the key) is one line on stderr and exit status 2, as \
            is a mistake in the flags (with ArgumentParser's usage). --print fields: \
            \(PickTemplate.fieldNames.joined(separator: " ")), or their \
            JSON names (image_id, os_family, ...); {{ and }} are braces.
            """
    )

    /// What Enter prints.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ids, json, csv

        var listFormat: ImageListFormat {
            switch self {
            case .ids: .ids
            case .json: .json
            case .csv: .csv
            }
        }
    }

    @OptionGroup var browser: BrowseCommand

    @Option(name: [.customShort("o"), .customLong("output")], help: "What Enter prints: ids (one per line), json or csv (as list writes them).")
    var output: Format = .ids

    @Flag(name: .customLong("multi"), help: "Space marks images (* every match, U none); Enter prints the marked ones.")
    var multi = false

    @Option(name: .customLong("print"), help: ArgumentHelp("A line per chosen image from a template, e.g. '{zone} {id}' (instead of -o).", valueName: "template"))
    var template: String?

    /// fzf's statuses: nothing chosen, an error before the UI opened, Ctrl-C.
    static let nothingChosen: Int32 = 1
    static let failedToOpen: Int32 = 2
    static let interrupted: Int32 = 130

    func run() async throws {
        let session: (end: SessionEnd, zone: String)
        let lines: PickTemplate?
        do {
            lines = try template.map { template throws(PickTemplate.Invalid) in try PickTemplate(parsing: template) }
            session = try await browser.openSession(picking: true, allowsMarks: multi)
        } catch let error as ExitCode {
            throw error
        } catch {
            StandardError.write("qcimages: \(error)")
            throw ExitCode(Self.failedToOpen)
        }
        switch session.end {
        case .chose(let images):
            StandardOutput.write(Self.text(of: images, zone: session.zone, format: output, template: lines))
        case .quit:
            throw ExitCode(Self.nothingChosen)
        case .interrupted:
            throw ExitCode(Self.interrupted)
        case .signal, .terminalClosed:
            throw ExitCode(session.end.exitStatus)
        }
    }

    /// What is printed for the chosen images: the template's lines, or `format` as `list` writes it
    /// (with a zone field in json and csv, `zone` for images not tagged with one).
    static func text(of images: [Image], zone: String, format: Format, template: PickTemplate?,
                     style: Sanitizer.Style = .backslashEscapes) -> String {
        if let template {
            return images.map { template.line(for: $0, zone: zone, style: style) }.joined()
        }
        let list = format.listFormat
        var text = ImageListOutput.start(zoned: list)
        for (index, image) in images.enumerated() {
            text += ImageListOutput.part([image], zone: image.zone ?? zone, as: list, first: index == 0, style: style)
        }
        return text + ImageListOutput.end(list, totalCount: images.count, empty: images.isEmpty)
    }
}
