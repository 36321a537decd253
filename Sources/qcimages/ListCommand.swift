import ArgumentParser
import Foundation
import ImageBrowser
import Logging
import QingCloud
import TerminalVocabulary

/// `qcimages list`: DescribeImages for scripts, with the flags of `qingcloud iaas describe-images`.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the images that match the filters (every page unless -O/-L select one).",
        discussion: """
            Examples:
              $ qcimages list --demo -s available -F ubuntu   Available Ubuntu images.
              $ qcimages list -W centos -o ids                One id per line.
              $ qcimages list -O 0 -L 20 -o json              Exactly one page, as JSON.
              $ qcimages list -z all -W ubuntu                Every active zone.
              $ qcimages list -P self -o csv > my-images.csv  Your own images as CSV.

            Without -O/-L every page is read and printed as it arrives (the table once all are in). Every page \
            is checked against its total_count: a short or empty page, in the middle or at the end, is asked \
            again; when the pages still hold fewer images than the total, the images received are printed, \
            then one line on stderr with how many are missing, and the exit status is 1. A total far beyond \
            what the pages deliver (pages past the last image empty three times in a row) stops the reading \
            there, with the same kind of line.

            With several zones (-z a,b or -z all) the zones are read side by side and printed one after the \
            other in the order given (for all: DescribeZones' order), each in the API's order and as it \
            arrives, with a ZONE column (table) or a zone field (json, csv). When a zone fails, the zones that \
            answered are printed first, then one line per failed zone on stderr ("qcimages: zone sh1a: ..."), \
            and the exit status is 1; so is a zone whose pages held fewer images than its total \
            ("qcimages: zone sh1a: incomplete: ..."). With -z all, a zone that DescribeZones itself lists as \
            faulty is skipped and named in one line ("qcimages: zone sh1a skipped: DescribeZones lists it as \
            faulty"); the exit status stays 0 for it: the API says the zone is down, the listing of the \
            others is whole.

            Text from the server never reaches the terminal raw: control characters (C0, DEL, C1) and \
            bidi controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C) in names, ids and other fields \
            are shown as visible symbols (ESC as ␛) on a terminal; to a pipe or file, ids and csv keep the \
            text and write those characters as \\u escapes (ESC as \\u001B), and json keeps the exact \
            strings with those characters as JSON \\u escapes. csv cells that begin with = + - @, tab or \
            CR get a leading ' so that spreadsheets do not run them as formulas; lines end with LF.

            Failed requests are retried: timeouts, dropped connections, HTTP 5xx, malformed or truncated \
            answers and ret_code 5300 up to 5 attempts; ret_code 5000 and 5100 (internal error, server \
            busy) with random exponential backoff as the official SDK does, but longer: up to 8 attempts, \
            waiting up to 1, 2, 4, 8, then 16 s, within 90 s.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var requestTimeout: RequestTimeoutOptions

    @Option(name: [.customShort("i"), .customLong("images")], help: ArgumentHelp("Image ids, comma separated.", valueName: "ids"),
            transform: CommaList.items)
    var imageIDs: [String] = []

    @Option(name: [.customShort("s"), .long], help: ArgumentHelp("Statuses, comma separated: pending, available, deprecated, suspended, deleted, ceased.", valueName: "statuses"),
            transform: CommaList.statuses)
    var status: [ImageStatus] = []

    @Option(name: [.customShort("p"), .customLong("processor-type")], help: "64bit or 32bit.")
    var processorType: ProcessorType?

    @Option(name: [.customShort("F"), .customLong("os-family")], help: ArgumentHelp("OS families, comma separated: centos, ubuntu, ...", valueName: "families"),
            transform: CommaList.items)
    var osFamily: [String] = []

    @Option(name: [.customShort("v"), .long], help: "Public or private.")
    var visibility: Visibility?

    @Option(name: [.customShort("W"), .customLong("search-word")], help: "Matches the image id or name.")
    var searchWord: String?

    @Option(name: [.customShort("P"), .long], help: "System or self (your own).")
    var provider: Provider?

    @Option(name: [.customShort("T"), .long], help: ArgumentHelp("Tag ids, comma separated.", valueName: "tags"),
            transform: CommaList.items)
    var tags: [String] = []

    @Option(help: "The owner's user id.")
    var owner: String?

    @Option(name: [.customShort("V"), .long], help: "Verbosity; the API accepts only 0.")
    var verbose: Int?

    // Unconditional, so that `-O -1` is a number to reject rather than a missing value.
    @Option(name: [.customShort("O"), .long], parsing: .unconditional, help: "Fetch only the page at this offset.")
    var offset: Int?

    @Option(name: [.customShort("L"), .long], parsing: .unconditional, help: "Fetch only one page of this size (at most 100).")
    var limit: Int?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("table, json, ids or csv (control characters escaped: see below). On a terminal the table fits its width (NAME narrows, then columns go); to a pipe it has every column.", valueName: "format"))
    var format: ImageListFormat = .table

    @Option(help: ArgumentHelp("Keep only the images the browser's filter language accepts (as typed after / in the browser), from those the other flags return, e.g. 'os:ubuntu status:available'; a term it cannot read is an error.", valueName: "filter"))
    var filter = ""

    @Option(help: ArgumentHelp("Keep the images a view of the settings file (`views:`) shows: its filter and its zones (--filter and -z win over them). Its sort is not applied: list prints the server's order.", valueName: "name"))
    var view: String?

    func validate() throws {
        do {
            _ = try ListFilter(parsing: filter)
        } catch {
            StandardError.write("qcimages: \(error)")
            throw ExitCode.validationFailure
        }
        if let offset, offset < 0 { throw ValidationError("--offset must be 0 or more") }
        if let limit, !(1...ImageQuery.maximumLimit).contains(limit) {
            throw ValidationError("--limit must be from 1 to \(ImageQuery.maximumLimit)")
        }
    }

    var query: ImageQuery {
        ImageQuery(
            imageIDs: imageIDs,
            statuses: status,
            osFamilies: osFamily,
            processorType: processorType,
            visibility: visibility,
            provider: provider,
            owner: owner,
            tagIDs: tags,
            searchWord: searchWord,
            verbose: verbose,
            offset: offset,
            limit: limit
        )
    }

    func run() async throws {
        guard let name = view else { return try await list() }
        let startup = SettingsStartup(directories: UserDirectories(), environment: ProcessInfo.processInfo.environment)
        var command = self
        command.view = nil
        if let view = try startup.view(named: name) {
            if filter.isEmpty { command.filter = view.filter }
            command.connection.zone = connection.zone ?? view.zones
            do {
                try command.connection.validate()
            } catch {
                StandardError.write("qcimages: the view \(name): \(error)")
                throw ExitCode(2)
            }
        }
        try await command.list()
    }

    /// Prints the images the flags (and the view) ask for.
    private func list() async throws {
        try await reportingFailures {
            let logger = Logger(label: "qcimages") { _ in SwiftLogNoOpLogHandler() }
            let connection = try await connection.connect(logger: logger, requestTimeout: requestTimeout.duration)
            // The connection is closed whatever happens; the error (or the missing images) is reported after.
            let outcome: Result<String?, any Error>
            do {
                outcome = .success(try await listImages(connection))
            } catch {
                outcome = .failure(error)
            }
            await connection.close()
            if let missing = try outcome.get() { throw Failure(missing) }
        }
    }

    /// Prints what the flags ask for; returns the line to print when images the server counted never came.
    private func listImages(_ connection: Connection) async throws -> String? {
        if connection.zones.isMultiple {
            let resolved = try await connection.zoneIDs()
            for zone in resolved.faulty {
                StandardError.write("qcimages: zone \(zone) skipped: DescribeZones lists it as faulty")
            }
            try await listZones(resolved.zones, client: connection.client)
            return nil
        }
        if offset != nil || limit != nil {
            let page = narrowed(try await connection.client.describeImagesPage(query), zone: connection.client.configuration.zone)
            StandardOutput.write(ImageListOutput.render(page, as: format, style: Self.style))
            return nil
        }
        return try await printAll(as: format, from: connection.client, zone: connection.client.configuration.zone)
    }

    /// Lists several zones: what they answered on stdout, then one stderr line per zone that failed or
    /// came back incomplete.
    private func listZones(_ zones: [String], client: QingCloudClient) async throws {
        let pager = ZonePager(service: client)
        let problems: [String]
        if offset != nil || limit != nil {
            let results = await pager.fetchPage(zones: zones, matching: query)
            let answered = results.compactMap { result in result.page.map { (zone: result.zone, page: narrowed($0, zone: result.zone)) } }
            if !answered.isEmpty {
                StandardOutput.write(ImageListOutput.render(zones: answered, as: format, style: Self.style))
            }
            problems = results.compactMap { result in result.error.map { "zone \(result.zone): \($0)" } }
        } else {
            problems = try await ZonedListing(format: format, style: Self.style, filter: listFilter)
                .run(zones: zones, matching: query, pager: pager, write: StandardOutput.write)
        }
        for problem in problems { StandardError.write("qcimages: " + problem) }
        if !problems.isEmpty { throw ExitCode.failure }
    }

    /// How `ids` and `csv` write control characters: visible symbols on a terminal, `\u` escapes otherwise.
    private static var style: Sanitizer.Style { isatty(STDOUT_FILENO) == 1 ? .visibleSymbols : .backslashEscapes }

    /// Prints every page as it joins the ones before (the table only at the end: its widths depend on
    /// every row); returns the line to print when the server's total promised more than its pages held.
    private func printAll(as format: ImageListFormat, from client: any ImageService, zone: String) async throws -> String? {
        let pager = ImagePager(service: client)
        let completion: ImagePager.Completion
        if format == .table {
            var images: [Image] = []
            completion = try await pager.forEachPage(matching: query) { page, _ in
                images += listFilter?.matching(page, zone: zone) ?? page
            }
            StandardOutput.write(ImageListOutput.render(ImagePage(totalCount: listFilter == nil ? completion.totalCount : images.count, images: images), as: .table))
        } else {
            StandardOutput.write(ImageListOutput.start(format))
            var first = true
            var written = 0
            completion = try await pager.forEachPage(matching: query) { page, _ in
                let images = listFilter?.matching(page, zone: zone) ?? page
                guard !images.isEmpty else { return }
                StandardOutput.write(ImageListOutput.part(images, as: format, first: first, style: Self.style))
                first = false
                written += images.count
            }
            StandardOutput.write(ImageListOutput.end(format, totalCount: listFilter == nil ? completion.totalCount : written, empty: first))
        }
        return completion.incompleteness
    }

    /// `--filter`, which ``validate()`` has found valid; nil without a term.
    private var listFilter: ListFilter? { (try? ListFilter(parsing: filter)) ?? nil }

    /// `page` narrowed by `--filter`, its total the images kept (what the output holds).
    private func narrowed(_ page: ImagePage, zone: String) -> ImagePage {
        guard let listFilter else { return page }
        let images = listFilter.matching(page.images, zone: zone)
        return ImagePage(totalCount: images.count, images: images)
    }
}
