import QingCloud
import TerminalVocabulary

/// `qcimages list` over several zones, every page: the zones are read side by side and written zone after
/// zone in the order given, each zone's images as soon as they join the ones before (the table once all
/// are in: its widths depend on every row), so that what is held does not grow with the listing.
struct ZonedListing {
    var format: ImageListFormat
    var style: Sanitizer.Style = .backslashEscapes
    /// `--filter`: only the images it accepts are written, and JSON's `total_count` counts them.
    var filter: ListFilter?

    /// Writes the images of `zones` matching `query` through `write`; returns the lines for stderr (without
    /// the `qcimages: ` prefix), one for each zone that failed or whose pages held fewer images than its
    /// total, in the order of `zones`. Nothing is written when no zone answered.
    func run(zones: [String], matching query: ImageQuery, pager: ZonePager,
             write: (String) -> Void) async throws -> [String] {
        var written = false
        var first = true
        var tableRows: [(zone: String, page: ImagePage)] = []
        var kept = 0
        let completions = try await pager.forEachPage(zones: zones, matching: query) { zone, page in
            let images = filter?.matching(page, zone: zone) ?? page
            kept += images.count
            if format == .table {
                if tableRows.last?.zone == zone {
                    tableRows[tableRows.count - 1].page.images += images
                } else {
                    tableRows.append((zone, ImagePage(totalCount: 0, images: images)))
                }
                return
            }
            guard !images.isEmpty || filter == nil else { return }
            if !written { write(ImageListOutput.start(zoned: format)) }
            write(ImageListOutput.part(images, zone: zone, as: format, first: first, style: style))
            written = true
            first = false
        }
        let completed = completions.compactMap { completion in try? completion.result.get() }
        if format == .table {
            if !tableRows.isEmpty || !completed.isEmpty { write(ImageListOutput.render(zones: tableRows, as: .table)) }
        } else if written || !completed.isEmpty {
            if !written { write(ImageListOutput.start(zoned: format)) }
            let total = filter == nil ? completed.reduce(0) { $0 + $1.totalCount } : kept
            write(ImageListOutput.end(format, totalCount: total, empty: first))
        }
        return completions.compactMap { completion in
            switch completion.result {
            case .failure(let error): "zone \(completion.zone): \(error)"
            case .success(let paging): paging.incompleteness.map { "zone \(completion.zone): \($0)" }
            }
        }
    }
}

extension ImagePager.Completion {
    /// The line that says the server's total promised more images than its pages held, nil when they held
    /// every one.
    var incompleteness: String? {
        guard let missing else { return nil }
        if stoppedAtLyingTotal {
            return "incomplete: the server reported \(totalCount) images but its pages held \(loaded) and then "
                + "came back empty, even when asked again; reading stopped there; the output above is partial"
        }
        return "incomplete: the server reported \(totalCount) images but its pages held \(loaded) "
            + "(\(missing) missing after asking again); the output above is partial"
    }
}
